/**
 * What of a thread log is new since the last read. `GET /oslc/log` answers the whole log each
 * time, so the part a request caused is what follows the text read before it. Only the length
 * and the tail of the earlier text are kept: enough to see that the log still starts with it.
 * When it does not (the server started a new log, e.g. after a re-login), all of it is new.
 */
const TAIL = 256;

export class LogDelta {
  private length = 0;
  private tail = "";

  /** The lines of `text` that were not in the previous read; remembers `text` for the next. */
  next(text: string): string[] {
    const continues = this.length > 0 && text.length >= this.length && text.slice(Math.max(0, this.length - TAIL), this.length) === this.tail;
    const fresh = continues ? text.slice(this.length) : text;
    this.length = text.length;
    this.tail = text.slice(Math.max(0, text.length - TAIL));
    return fresh.split(/\r?\n/).filter((line) => line.trim() !== "");
  }

  /** Takes `text` as read without returning it (the log before the first captured request). */
  startFrom(text: string): void {
    this.next(text);
  }
}

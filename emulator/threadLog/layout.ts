/**
 * Maximo's log4j layout: `dd MMM yyyy HH:mm:ss:SSS [LEVEL] [server] [thread] message`, the
 * layout of the product's default appenders, with the logger name after the thread so a reader
 * can filter by it.
 */
export type Level = "DEBUG" | "INFO" | "WARN" | "ERROR";

const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const two = (n: number) => String(n).padStart(2, "0");

export function formatTimestamp(ms: number): string {
  const d = new Date(ms);
  return `${two(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}:${String(d.getUTCMilliseconds()).padStart(3, "0")}`;
}

export function formatLine(now: number, level: Level, thread: string, logger: string, message: string): string {
  // One line per entry: a message's own line breaks would split it in the reader.
  return `${formatTimestamp(now)} [${level}] [MXServer] [${thread}] [${logger}] ${message.replace(/\r?\n/g, " ")}`;
}

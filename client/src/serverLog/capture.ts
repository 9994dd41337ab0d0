/**
 * Server-log capture for one connection (reference §23): thread logging is enabled once per
 * login session (again after a re-login), and each request's result comes with the lines its run
 * added to the user's thread log. The result is handed back as soon as the request is done; the
 * log is read after it (a real server answers the whole log each time, so the read costs about
 * as much as a small query), and the next captured request starts once that read is in, so lines
 * of two requests never mix. A server that refuses (no permission, an older release, a 404) gets
 * one sentence and capture switches itself off; the requests themselves never depend on it.
 * stop() turns logging off on the server whenever capture had turned it on.
 */
import type { Executor } from "../http/executor";
import { redact } from "../http/redact";
import type { ExecutedResponse } from "../http/types";
import { LogDelta } from "./logDelta";
import { ThreadLogApi } from "./threadLogApi";

export interface CaptureOptions {
  /** One line per notable event (enabled, disabled, refused); secrets already masked. */
  log?: (line: string) => void;
  /** Called once when the server refuses thread logging, with a sentence for the user. */
  onRefused?: (sentence: string) => void;
}

export interface Captured<T> {
  /** The request's own result, as soon as the request is done. */
  result: T;
  /** The request's own log lines, redacted, once the log is read; undefined when capture is off or was refused. */
  lines: Promise<string[] | undefined>;
}

const noLines: Promise<undefined> = Promise.resolve(undefined);

export type CaptureState = "idle" | "on" | "refused" | "stopped";

export class ServerLogCapture {
  private readonly api: ThreadLogApi;
  private readonly delta = new LogDelta();
  private current: CaptureState = "idle";
  /** The executor's login generation when logging was last enabled. */
  private enabledFor = -1;
  /** Captured requests run one at a time: lines of two requests in flight would mix. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly executor: Executor,
    private readonly options: CaptureOptions = {},
  ) {
    this.api = new ThreadLogApi(executor);
  }

  get state(): CaptureState {
    return this.current;
  }

  /**
   * Runs `run` (a request on this connection) and resolves with its result when it is done; the
   * log lines it caused follow in `lines`. The next captured request waits for that read.
   */
  capture<T>(run: () => Promise<T>, signal?: AbortSignal): Promise<Captured<T>> {
    const next = this.queue.then(() => this.captureNow(run, signal));
    this.queue = next.then((captured) => captured.lines, () => undefined);
    return next;
  }

  /** Turns logging off on the server if capture turned it on; never throws. */
  async stop(): Promise<void> {
    await this.queue;
    const wasOn = this.current === "on";
    this.current = "stopped";
    this.enabledFor = -1;
    if (!wasOn) return;
    try {
      const answer = await this.api.disable();
      this.log(answer.status < 300 ? "server log capture off: thread logging disabled on the server" : `server log capture off: disablealllogs answered HTTP ${answer.status}`);
    } catch (error) {
      this.log(`server log capture off: disablealllogs failed: ${(error as Error).message}`);
    }
  }

  private async captureNow<T>(run: () => Promise<T>, signal?: AbortSignal): Promise<Captured<T>> {
    if (this.current === "refused") return { result: await run(), lines: noLines };
    if (this.current === "stopped") this.current = "idle";
    const ready = await this.ensureEnabled(signal);
    let result: T;
    try {
      result = await run();
    } catch (error) {
      // What the failed request logged is nobody's: read past it so the next request's lines are its own.
      if (ready) await this.readLines(signal);
      throw error;
    }
    return { result, lines: ready ? this.readLines(signal) : noLines };
  }

  /** The lines added to the log since the last read, redacted; undefined when the read is refused. */
  private async readLines(signal?: AbortSignal): Promise<string[] | undefined> {
    const read = await this.safely(() => this.api.read(signal));
    if (!read || this.refusedBy(read, "GET log")) return undefined;
    const secrets = this.executor.secrets();
    return this.delta.next(read.text()).map((line) => redact(line, secrets));
  }

  /** Enables logging when this login session has not; false when capture is (now) off. */
  private async ensureEnabled(signal?: AbortSignal): Promise<boolean> {
    const generation = this.executor.loginGeneration?.() ?? 0;
    if (this.current === "on" && this.enabledFor === generation) return true;
    const enabled = await this.safely(() => this.api.enable(undefined, signal));
    if (!enabled || this.refusedBy(enabled, "enablelogs")) return false;
    // The login may have happened inside enable(): take the generation it ran under.
    this.enabledFor = this.executor.loginGeneration?.() ?? 0;
    const wasOn = this.current === "on";
    this.current = "on";
    this.log(wasOn ? "server log capture: thread logging enabled again after a new login" : "server log capture: thread logging enabled on the server");
    // What the log held before is not this request's: read it once as the starting point.
    const before = await this.safely(() => this.api.read(signal));
    if (!before || this.refusedBy(before, "GET log")) return false;
    this.delta.startFrom(before.text());
    return true;
  }

  private refusedBy(answer: ExecutedResponse, what: string): boolean {
    if (answer.status < 300) return false;
    const reason = answer.maximoError ? ` ${answer.maximoError.reasonCode}` : "";
    const why =
      answer.status === 404 ? "this server has no thread-logging API (an older release)"
      : answer.status === 401 || answer.status === 403 ? "this user may not use thread logging (it needs access to the Logging application)"
      : "the server refused it";
    this.refuse(`The server answered ${what} with HTTP ${answer.status}${reason}: ${why}. Server log capture is off for "${this.executor.connection.name}"; requests are sent as usual.`);
    return true;
  }

  private async safely(call: () => Promise<ExecutedResponse>): Promise<ExecutedResponse | undefined> {
    try {
      return await call();
    } catch (error) {
      this.refuse(`Thread logging could not be reached (${(error as Error).message}). Server log capture is off for "${this.executor.connection.name}"; requests are sent as usual.`);
      return undefined;
    }
  }

  private refuse(sentence: string): void {
    if (this.current === "refused") return;
    this.current = "refused";
    this.log(sentence);
    this.options.onRefused?.(sentence);
  }

  private log(line: string): void {
    this.options.log?.(redact(line, this.executor.secrets()));
  }
}

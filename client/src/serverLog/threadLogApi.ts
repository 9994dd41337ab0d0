/**
 * The thread-logging endpoints of reference §23 over a connection's executor (its auth, retries
 * and re-login): `POST log/enablelogs` with logger names, `POST log/disablealllogs`, `GET log`.
 * Paths are relative to the connection's API root (`/maximo/oslc/` or `/maximo/api/`).
 */
import { apiRootUrl, type ConnectionConfig } from "../connections/types";
import type { Executor } from "../http/executor";
import type { ExecutedResponse, OutgoingRequest } from "../http/types";

/** The loggers capture turns on: the three the guide names, and automation scripts'. */
export const CAPTURED_LOGGERS = [
  "log4j.logger.maximo.sql",
  "log4j.logger.maximo.oslc",
  "log4j.logger.maximo.integration",
  "log4j.logger.maximo.script",
] as const;

export class ThreadLogApi {
  constructor(private readonly executor: Executor) {}

  enable(loggers: readonly string[] = CAPTURED_LOGGERS, signal?: AbortSignal): Promise<ExecutedResponse> {
    return this.send("POST", "log/enablelogs", Buffer.from(JSON.stringify(loggers)), signal);
  }

  disable(signal?: AbortSignal): Promise<ExecutedResponse> {
    return this.send("POST", "log/disablealllogs", undefined, signal);
  }

  /** The user's whole thread log so far (a real server returns all of it on every read). */
  read(signal?: AbortSignal): Promise<ExecutedResponse> {
    return this.send("GET", "log", undefined, signal);
  }

  private send(method: string, path: string, body: Buffer | undefined, signal?: AbortSignal): Promise<ExecutedResponse> {
    const headers = new Map<string, string>([["accept", "text/plain, application/json"]]);
    if (body) headers.set("content-type", "application/json");
    const request: OutgoingRequest = { method, url: new URL(path, apiRootUrl(this.executor.connection as ConnectionConfig)), headers, body };
    return this.executor.send(request, signal ? { signal } : {});
  }
}

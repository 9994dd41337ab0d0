/**
 * The §23 endpoints (JSON API reference, "Troubleshooting the REST API"), under `/oslc/` and
 * `/api/`: `POST log/enablelogs` with a JSON array of logger names, `POST log/enablealllogs`,
 * `POST log/disablealllogs`, and `GET log`, the calling user's captured thread log as text. The
 * guide shows no response body for the POSTs; the emulator answers 200 with none.
 */
import type { Emulator } from "../emulator";
import { platformErrors } from "../http/platformErrors";
import type { ApiRequest, Reply } from "../http/types";
import { ThreadLogs } from "./threadLogs";

export function threadLogsOf(emulator: Emulator): ThreadLogs {
  return (emulator.threadLogs ??= new ThreadLogs());
}

export function logRoute(request: ApiRequest, emulator: Emulator): Reply {
  const action = request.segments[1]?.toLowerCase();
  const logs = threadLogsOf(emulator);
  if (action === undefined && (request.method === "GET" || request.method === "HEAD")) {
    return { status: 200, body: { kind: "text", text: logs.read(request.user), contentType: "text/plain; charset=utf-8" } };
  }
  if (request.method !== "POST" || request.segments.length !== 2) throw platformErrors.methodNotAllowed(request.method, request.rawPath);
  switch (action) {
    case "enablelogs":
      logs.enable(request.user, loggerNames(request.body));
      return done();
    case "enablealllogs":
      logs.enableAll(request.user);
      return done();
    case "disablealllogs":
      logs.disableAll(request.user);
      return done();
    default:
      throw platformErrors.notFound(request.rawPath);
  }
}

function done(): Reply {
  return { status: 200 };
}

function loggerNames(body: Buffer): string[] {
  let value: unknown;
  try {
    value = JSON.parse(body.toString("utf8") || "null");
  } catch {
    value = undefined;
  }
  if (!Array.isArray(value) || value.some((name) => typeof name !== "string")) {
    throw platformErrors.badRequest('enablelogs takes a JSON array of logger names, e.g. ["log4j.logger.maximo.sql","log4j.logger.maximo.oslc"].');
  }
  return value as string[];
}

/**
 * What a request writes to the caller's thread log while it is on (reference §23): the oslc
 * logger records each request and its outcome, the integration logger each write and its
 * outcome, the sql logger the statement a query stands for. Nothing is built when no logger is
 * on for the user, so logging costs nothing when it is off.
 */
import type { Emulator } from "../emulator";
import { MaximoError } from "../http/errors";
import { queryValue, type ApiRequest, type Reply } from "../http/types";
import type { Row } from "../model/types";
import { orderByClause, whereClause } from "../query/clauses";
import { selectSql } from "./sqlText";
import type { Logger } from "./threadLogs";
import type { Level } from "./layout";

const writeMethods = new Set(["POST", "PATCH", "MERGE", "BULK", "DELETE", "SYNC"]);

/** Runs the request's handler with its oslc and integration lines around it. */
export async function traced(request: ApiRequest, emulator: Emulator, run: () => Promise<Reply>): Promise<Reply> {
  const logs = emulator.threadLogs;
  // Reading or switching the log is not a request worth logging in it.
  if (!logs || request.segments[0]?.toLowerCase() === "log") return run();
  const started = performance.now();
  const target = `${request.rawPath}${request.rawQuery ? `?${request.rawQuery}` : ""}`;
  const method = request.effectiveMethod === request.method ? request.method : `${request.method} (${request.effectiveMethod})`;
  write(emulator, request, "maximo.oslc", "INFO", `OSLC request ${method} ${target}`);
  const isWrite = request.segments[0]?.toLowerCase() === "os" && writeMethods.has(request.effectiveMethod);
  const what = isWrite ? writeDescription(request) : "";
  try {
    const reply = await run();
    const ms = Math.round(performance.now() - started);
    if (isWrite) write(emulator, request, "maximo.integration", "INFO", `${what}: committed, HTTP ${reply.status}`);
    write(emulator, request, "maximo.oslc", "INFO", `OSLC response ${reply.status} for ${request.method} ${request.rawPath} in ${ms} ms`);
    return reply;
  } catch (error) {
    const ms = Math.round(performance.now() - started);
    const message = error instanceof MaximoError ? error.message : String(error);
    const status = error instanceof MaximoError ? error.statusCode : 500;
    if (isWrite) write(emulator, request, "maximo.integration", "ERROR", `${what}: rolled back, ${message}`);
    write(emulator, request, "maximo.oslc", status >= 500 ? "ERROR" : "WARN", `OSLC response ${status} for ${request.method} ${request.rawPath} in ${ms} ms: ${message}`);
    throw error;
  }
}

/** The sql logger's line for a collection query: its where and orderBy as SQL. */
export function traceCollectionSql(request: ApiRequest, emulator: Emulator, mbo: string, extra?: string): void {
  if (!emulator.threadLogs?.on(request.user, "maximo.sql")) return;
  const whereText = queryValue(request, "oslc.where");
  const orderText = queryValue(request, "oslc.orderBy");
  const sql = selectSql(emulator.metadata, {
    mbo,
    where: whereText?.trim() ? whereClause("oslc.where", whereText, request.lean) : undefined,
    or: queryValue(request, "opmodeor") === "1",
    orderBy: orderText?.trim() ? orderByClause("oslc.orderBy", orderText, request.lean) : undefined,
    extra,
  });
  write(emulator, request, "maximo.sql", "DEBUG", sql);
}

/** The sql logger's line for one record read by its key. */
export function traceMemberSql(request: ApiRequest, emulator: Emulator, mbo: string, row: Row): void {
  if (!emulator.threadLogs?.on(request.user, "maximo.sql")) return;
  const keys = emulator.metadata.mbos.get(mbo)?.keys ?? [];
  const extra = keys.map((key) => `${key} = ${sqlLiteral(row[key])}`).join(" and ");
  write(emulator, request, "maximo.sql", "DEBUG", selectSql(emulator.metadata, { mbo, extra: extra || undefined }));
}

export function write(emulator: Emulator, request: ApiRequest, logger: Logger, level: Level, message: string): void {
  emulator.threadLogs?.write(request.user, logger, level, message, emulator.now());
}

function writeDescription(request: ApiRequest): string {
  const os = request.segments[1]?.toUpperCase() ?? "";
  const member = request.segments[2];
  const action = queryValue(request, "action");
  const verb =
    request.effectiveMethod === "BULK" ? "bulk"
    : request.effectiveMethod === "DELETE" ? "delete"
    : action ? `action ${action}`
    : member ? "update"
    : "create";
  return `${os} ${verb}${member ? ` of ${member}` : ""}${request.headers.transactionid ? ` (transactionid ${request.headers.transactionid})` : ""}`;
}

function sqlLiteral(value: unknown): string {
  if (typeof value === "number") return String(value);
  if (value === null || value === undefined) return "null";
  return `'${String(value).replace(/'/g, "''")}'`;
}

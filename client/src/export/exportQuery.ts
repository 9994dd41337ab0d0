/**
 * The export engine: sends a query, follows every page (`responseInfo.nextPage`, reference §8)
 * and writes each page's rows to the file as the page arrives; the page is dropped before the
 * next one is asked for. The file is written under a temporary name beside the target and
 * renamed only when the last row is in, so a cancelled or failed export never leaves a file
 * that looks complete. VS Code-free: the CLI and the response panel both call `exportQuery`.
 */
import { randomBytes } from "node:crypto";
import { closeSync, openSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import type { Executor } from "../http/executor";
import { nextPageRequest } from "../http/paging";
import { scanPageInfo } from "../http/responseInfo";
import { TransportError, type ExecutedResponse, type OutgoingRequest, type ResolvedRequest } from "../http/types";
import { buildOutgoing, readableQueryValue } from "../http/url";
import type { ExportFormat } from "./cells";
import { ExportPlanError, isFixed, planColumns, type ColumnPlan } from "./columns";
import { RowSpool } from "./rowSpool";
import type { RowWriter } from "./rowWriter";
import { ColumnSet } from "./rows";
import { createRowWriter } from "./writers";

/** The page size sent when the request names none: no single answer holds the whole result. */
export const DEFAULT_EXPORT_PAGE_SIZE = 1000;
/** A guard against a server whose pages never end (at 1,000 rows a page: 100 million rows). */
const MAX_EXPORT_PAGES = 100_000;

export interface ExportProgress {
  pages: number;
  /** `member` records read. */
  records: number;
  /** Rows written (more than records with `--explode`). */
  rows: number;
  /** The server's `totalCount` when it sent one (`collectioncount=1`). */
  totalCount?: number;
}

export interface ExportRequest {
  executor: Pick<Executor, "connection" | "execute" | "send">;
  /** A GET of an object structure collection, variables resolved. */
  request: ResolvedRequest;
  format: ExportFormat;
  /** The file to write (replaced when it exists, and only when the export completes). */
  out: string;
  /** A child of the select to write one row per child (`child.attr` columns). */
  explode?: string;
  signal?: AbortSignal;
  onProgress?(progress: ExportProgress): void;
}

export interface ExportResult extends ExportProgress {
  file: string;
  columns: string[];
  /** What to say about the file (a CSV with text Excel would run as formulas). */
  notes: string[];
}

/** An export that stopped, in one sentence; the target file was not written. */
export class ExportError extends Error {}

export async function exportQuery(input: ExportRequest): Promise<ExportResult> {
  const { request, out } = input;
  if (request.method.toUpperCase() !== "GET") {
    throw new ExportError(`Export runs a query (GET); this request is ${request.method}, so nothing was exported.`);
  }
  const select = readableQueryValue(request.query.find((parameter) => parameter.key.toLowerCase() === "oslc.select"));
  const plan = columnPlan(select, input.explode);
  const columns = new ColumnSet(plan);
  // JSON rows carry their own keys; a CSV or XLSX header must wait for a wildcard's last new column.
  const spooled = !isFixed(plan) && input.format !== "json";

  const temporary = join(dirname(out), `.${basename(out)}.${randomBytes(4).toString("hex")}.partial`);
  const spool = spooled ? new RowSpool(`${temporary}.rows`) : undefined;
  let writer: RowWriter | undefined;
  const progress: ExportProgress = { pages: 0, records: 0, rows: 0 };
  try {
    // A folder that is missing or read-only fails here, before any page is asked for.
    closeSync(openSync(temporary, "w"));
    if (!spool) {
      writer = createRowWriter(input.format, temporary);
      await writer.start(columns.names());
    }
    for await (const members of memberPages(input, withStablePaging(withPageSize(request)), progress)) {
      const rows = members.flatMap((record) => columns.rows(record));
      progress.records += members.length;
      progress.rows += rows.length;
      if (spool) await spool.add(rows);
      else await writer!.write(rows, columns.names());
      if (progress.pages === 1 && select === undefined && members.length > 0 && columns.names().length === 0) {
        throw new ExportError("The records carry only links, no attributes: add oslc.select (attribute names, or *) to the request.");
      }
      input.onProgress?.({ ...progress });
    }
    if (spool) {
      writer = createRowWriter(input.format, temporary);
      const names = columns.names();
      await writer.start(names);
      for await (const rows of spool.batches(DEFAULT_EXPORT_PAGE_SIZE)) {
        input.signal?.throwIfAborted();
        await writer.write(rows, names);
      }
    }
    await writer!.finish();
    const notes = writer!.notes?.() ?? [];
    writer = undefined;
    renameSync(temporary, out);
    return { ...progress, file: out, columns: columns.names(), notes };
  } catch (error) {
    await writer?.abort().catch(() => undefined);
    rmSync(temporary, { force: true });
    throw stopped(error, input, progress);
  } finally {
    await spool?.discard().catch(() => undefined);
  }
}

function columnPlan(select: string | undefined, explode: string | undefined): ColumnPlan {
  try {
    return planColumns(select, explode);
  } catch (error) {
    if (error instanceof ExportPlanError) throw new ExportError(error.message);
    throw error;
  }
}

/** A request without `oslc.pageSize` gets one, so paging applies (reference §8). */
function withPageSize(request: ResolvedRequest): ResolvedRequest {
  if (request.query.some((parameter) => parameter.key.toLowerCase() === "oslc.pagesize")) return request;
  return { ...request, query: [...request.query, { key: "oslc.pageSize", value: String(DEFAULT_EXPORT_PAGE_SIZE) }] };
}

/**
 * Stable paging (reference §8.3): the server keeps the query's record set and pages through it,
 * instead of running the query again for each page, so a record added or changed while the export
 * runs cannot shift the pages (a row written twice, another left out). Unless the request chose:
 * `stablepaging` already given, or a `pageno` that asks for one page.
 */
function withStablePaging(request: ResolvedRequest): ResolvedRequest {
  if (request.query.some((parameter) => ["stablepaging", "pageno"].includes(parameter.key.toLowerCase()))) return request;
  return { ...request, query: [...request.query, { key: "stablepaging", value: "true" }] };
}

/**
 * Each page's records, one page at a time (reference §8: `responseInfo.nextPage`, followed as
 * `http/paging.ts` follows it). A page's response is dropped as soon as its records are out, so
 * nothing of it is still referenced while the next page is on its way.
 */
async function* memberPages(input: ExportRequest, request: ResolvedRequest, progress: ExportProgress): AsyncGenerator<unknown[]> {
  const { executor, signal } = input;
  const template = buildOutgoing(executor.connection, request);
  let next: OutgoingRequest | undefined;
  let page: ReturnType<typeof readPage> | undefined;
  for (;;) {
    if (progress.pages >= MAX_EXPORT_PAGES) throw new ExportError(`Stopped after ${MAX_EXPORT_PAGES} pages and the server still has more; narrow the query (oslc.where) or raise oslc.pageSize`);
    page = readPage(next === undefined ? await executor.execute(request, { signal }) : await executor.send(next, { signal, timeoutMs: request.directives.timeoutMs }), progress.pages + 1, template, executor.connection);
    progress.pages++;
    if (progress.pages === 1 && page.totalCount !== undefined) progress.totalCount = page.totalCount;
    next = page.next;
    yield page.members;
    // Nothing of this page stays referenced while the next one is fetched.
    page = undefined;
    if (next === undefined) return;
  }
}

/** A page's records and the request for the page after it (read from the bytes, so the body is parsed once). */
function readPage(response: ExecutedResponse, number: number, template: OutgoingRequest, connection: Executor["connection"]): { members: unknown[]; next?: OutgoingRequest; totalCount?: number } {
  const members = membersOf(response, number);
  const info = scanPageInfo(response.bytes);
  return {
    members,
    ...(info?.nextHref === undefined ? {} : { next: nextPageRequest(info.nextHref, response, template, connection) }),
    ...(info?.totalCount === undefined ? {} : { totalCount: info.totalCount }),
  };
}

/** The page's `member` (lean) or `rdfs:member` records; a failed page or a body that is no collection stops the export. */
function membersOf(page: ExecutedResponse, number: number): unknown[] {
  if (page.status < 200 || page.status >= 300) {
    const error = page.maximoError;
    const text = error ? (error.message.startsWith(error.reasonCode) ? error.message : `${error.reasonCode} ${error.message}`) : "";
    const reason = text ? `: ${text.replace(/\s+/g, " ").trim()}` : "";
    throw new ExportError(`${number === 1 ? "The query" : `Page ${number}`} failed with HTTP ${page.status}${reason}`);
  }
  let body: unknown;
  try {
    // Parsed here, not through page.json(), which would keep the parse on the response.
    body = JSON.parse(page.text());
  } catch (error) {
    throw new ExportError(`Page ${number} is not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const list = typeof body === "object" && body !== null ? ((body as Record<string, unknown>).member ?? (body as Record<string, unknown>)["rdfs:member"]) : undefined;
  if (!Array.isArray(list)) throw new ExportError(`Page ${number} is not a collection (no "member" list); export runs a query of an object structure, such as GET os/mxapiasset?oslc.select=...`);
  return list;
}

/** Why the export stopped, as one sentence that also says the file was not written. */
function stopped(error: unknown, input: ExportRequest, progress: ExportProgress): Error {
  const notWritten = `${input.out} was not written`;
  if (input.signal?.aborted || (error instanceof TransportError && error.kind === "cancelled")) {
    return new ExportError(`Export cancelled after ${progress.rows} row(s); ${notWritten}.`);
  }
  const code = (error as NodeJS.ErrnoException).code;
  const files: Record<string, string> = { ENOENT: "there is no such folder", EACCES: "permission denied", EPERM: "permission denied", ENOSPC: "the disk is full", EROFS: "the disk is read-only" };
  const message =
    code !== undefined && files[code] !== undefined
      ? `Cannot write in ${dirname(input.out)}: ${files[code]}`
      : (error instanceof Error ? error.message : String(error)).replace(/[.;]\s*$/, "");
  const after = progress.rows > 0 ? ` after ${progress.rows} row(s)` : "";
  return new ExportError(`${message}; export stopped${after} and ${notWritten}.`);
}

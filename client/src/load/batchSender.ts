/**
 * Sends one batch exactly once. The batch goes as one BULK request (reference §15) with its
 * derived `transactionid` (§29); the executor repeats it on 429 (after Retry-After), 502-504 and
 * a reset, with the same id. When the answer is lost (connection cut, truncated body, a 5xx) or
 * a repeat is answered 409 (already applied, PRODUCT.md), nothing is decided from the request:
 * the rows are read back by key first, and only those that did not land are sent again, as a
 * new payload with its own id. A row counts as landed when the server holds it as sent (a
 * delete: when it is gone).
 *
 * Some rows cannot be read back that way (`canConfirm`): a create without its key value (Maximo
 * numbers the record), or an update that adds child rows (the record existed before). Once the
 * batch is known to have been applied (a 409, or another of its rows found), they are reported as
 * not confirmed and never sent again; while nothing is known, only the same payload under the
 * same id goes again, which the server turns away if it committed it. A batch an earlier run sent
 * without recording the answer may be older than the server remembers ids (five minutes, §29), so
 * its unconfirmable rows are reported, not sent.
 */
import type { LoadAction, PlannedRow, RowResult } from "./contract";
import { itemFor, resultOfItem, scalarAttributes, type BulkItem } from "./bulkItems";
import { hasWritableKeys, readByKeys, type HeldRecord } from "./keyLookup";
import { keyAttributes, osRequest, type LoadTarget } from "./loadTarget";
import { batchTransactionId } from "./transactionIds";
import { sameStoredValue } from "../verify/valueComparison";
import { TransportError, type ExecutedResponse } from "../http/types";
import { defaultRetryPolicy, retryDelayMs, sleep } from "../http/retry";
import { headerValue } from "../http/response";

/** The load cannot go on now (the server unreachable, an answer that cannot be confirmed); resume later. */
export class LoadInterrupted extends Error {}

export interface BatchJob {
  /** 0-based index of the batch in the load. */
  index: number;
  rows: PlannedRow[];
  /** An earlier run may have sent it (started, never recorded as landed): confirm before sending. */
  unsure?: boolean;
}

export interface BatchOptions {
  target: LoadTarget;
  action: LoadAction;
  /** From `loadId`: the prefix of the batch's transaction ids. */
  load: string;
  /** Notable events (a lost answer, a 409), for the log. */
  log?: (line: string) => void;
}

type Outcome =
  | { kind: "answer"; elements: unknown[] }
  | { kind: "refused"; status: number; reasonCode?: string; message: string }
  | { kind: "lost"; reason: string }
  | { kind: "busy"; retryAfter?: string }
  | { kind: "duplicate" };

/** Lost answers and 409s a batch may meet before the load stops (and can be resumed). */
const maxRecoveries = 5;
/** 429s a batch may meet after the executor's own retries, each waited out, before the load stops. */
const maxBusyWaits = 10;

interface Prepared {
  row: PlannedRow;
  item: BulkItem;
  uri?: string;
}

export async function sendBatch(job: BatchJob, options: BatchOptions): Promise<RowResult[]> {
  const { target } = options;
  const results = new Map<PlannedRow, RowResult>();
  let pending = job.rows;
  let round = 0;
  if (job.unsure) {
    options.log?.(`batch ${job.index + 1}: an earlier run sent it without recording the answer; reading its rows back first.`);
    const checkable = job.rows.filter((row) => canConfirm(row, options));
    notConfirmed(job.rows.filter((row) => !canConfirm(row, options)), "an earlier run sent this batch and its answer was never recorded", options, results);
    pending = await confirm(checkable, options, results);
    if (pending.length < checkable.length) round = 1;
  }
  let items = await prepare(pending, options, results);
  for (let recoveries = 0, waits = 0; items.length > 0; ) {
    const id = batchTransactionId(options.load, job.index, round);
    const outcome = await post(target, items, id);
    if (outcome.kind === "busy") {
      // Still rate-limited after the executor's retries: nothing was applied; wait and send the same payload again.
      if (++waits > maxBusyWaits) throw new LoadInterrupted(`Batch ${job.index + 1}: the server kept answering 429 (too many requests); stopped. Run again with --resume later.`);
      const wait = retryDelayMs(Math.min(waits, 6), defaultRetryPolicy, outcome.retryAfter);
      options.log?.(`batch ${job.index + 1}: the server is busy (429); sending it again in ${Math.round(wait)} ms.`);
      await sleep(wait);
      continue;
    }
    if (outcome.kind === "answer") {
      items.forEach((p, i) => results.set(p.row, resultOfItem(p.row, outcome.elements[i], p.uri)));
      break;
    }
    if (outcome.kind === "refused") {
      for (const p of items) results.set(p.row, { row: p.row.row, status: "failed", keys: p.row.keys, ...(outcome.reasonCode ? { reasonCode: outcome.reasonCode } : {}), message: outcome.message });
      break;
    }
    if (++recoveries > maxRecoveries) throw new LoadInterrupted(`Batch ${job.index + 1}: the server's answer was lost ${maxRecoveries} times; stopped so nothing is guessed. Run again with --resume when the server answers normally.`);
    options.log?.(
      outcome.kind === "duplicate"
        ? `batch ${job.index + 1}: 409, transaction ${id} was already applied (reference §29); reading its rows back.`
        : `batch ${job.index + 1}: the answer was lost (${outcome.reason}); reading its rows back before deciding anything.`,
    );
    const sent = items.map((p) => p.row);
    const checkable = sent.filter((row) => canConfirm(row, options));
    const left = new Set(await confirm(checkable, options, results));
    const applied = outcome.kind === "duplicate" || left.size < checkable.length;
    if (!applied) {
      // Nothing landed and no answer came: the same payload again, under the same id (a server
      // that did commit it says 409).
      continue;
    }
    // The batch was applied: what cannot be read back is reported, never sent again; the rows
    // read back and not found are a new payload with a new id.
    const why = outcome.kind === "duplicate" ? "the server says this batch was already applied (HTTP 409, reference §29)" : "its answer was lost after the server applied the batch";
    notConfirmed(sent.filter((row) => !canConfirm(row, options)), why, options, results);
    items = items.filter((p) => left.has(p.row));
    round++;
  }
  return job.rows.map((row) => results.get(row) ?? { row: row.row, status: "failed", keys: row.keys, message: "No result was recorded for this row." });
}

/**
 * Whether reading the row back can tell that it landed: its key values are all given (a create
 * without one is numbered by Maximo) and writable in a where clause, and it is not an update
 * whose child rows no read-back compares (the record existed before it).
 */
function canConfirm(row: PlannedRow, options: BatchOptions): boolean {
  if (!hasWritableKeys(options.target, row) || keyAttributes(options.target).some((key) => (row.keys[key] ?? "") === "")) return false;
  if (options.action === "add" || options.action === "delete") return true;
  return !Object.values(row.record).some((value) => value !== null && typeof value === "object");
}

/** Rows that may have landed and cannot be read back: reported for the user to check, never sent again. */
function notConfirmed(rows: readonly PlannedRow[], why: string, options: BatchOptions, results: Map<PlannedRow, RowResult>): void {
  const numbered = (row: PlannedRow) => keyAttributes(options.target).some((key) => (row.keys[key] ?? "") === "");
  const reason = (row: PlannedRow) => (numbered(row) ? "without its key value, Maximo numbers it" : hasWritableKeys(options.target, row) ? "its child rows are not compared by reading the record back" : "its key value cannot be written in oslc.where");
  for (const row of rows) {
    results.set(row, {
      row: row.row,
      status: "failed",
      keys: row.keys,
      message: `Not confirmed: ${why}, and this row cannot be read back (${reason(row)}). It was not sent again, so it cannot land twice: check it on the server.`,
    });
  }
}

/** Looks up the records an update, change or delete addresses; rows without one fail here, unsent. */
async function prepare(rows: PlannedRow[], options: BatchOptions, results: Map<PlannedRow, RowResult>): Promise<Prepared[]> {
  const { target, action } = options;
  const keys = keyAttributes(target);
  const readable = rows.filter((row) => action === "add" || hasWritableKeys(target, row));
  const held = action === "add" ? new Map<PlannedRow, HeldRecord>() : await lookup(target, readable);
  const prepared: Prepared[] = [];
  for (const row of rows) {
    if (action !== "add" && !readable.includes(row)) {
      results.set(row, { row: row.row, status: "failed", keys: row.keys, message: `A key value (${keyText(row)}) cannot be written in oslc.where (a double quote, or a number that is none), so the record cannot be looked up; nothing was sent.` });
      continue;
    }
    const record = held.get(row);
    const item = itemFor(action, row, record, keys);
    if (item) prepared.push({ row, item, ...(record ? { uri: record.href } : {}) });
    else results.set(row, { row: row.row, status: "failed", keys: row.keys, message: `No ${target.os.toUpperCase()} record has ${keyText(row)}; nothing to ${action === "delete" ? "delete" : "update"}.` });
  }
  return prepared;
}

/**
 * Reads the rows back and records those that landed as ok; returns the rest. Add, update and
 * change land when the server holds the row's keys with the values sent; a delete when the
 * record is gone.
 */
async function confirm(rows: PlannedRow[], options: BatchOptions, results: Map<PlannedRow, RowResult>): Promise<PlannedRow[]> {
  const { target, action } = options;
  const compare = action === "delete" ? [] : scalarAttributes(rows);
  // Callers pass only rows `canConfirm` allows; one whose keys cannot be asked for is left.
  const held = await lookup(target, rows.filter((row) => hasWritableKeys(target, row)), compare);
  const left: PlannedRow[] = [];
  for (const row of rows) {
    if (!hasWritableKeys(target, row)) {
      left.push(row);
      continue;
    }
    const record = held.get(row);
    const landed = action === "delete" ? record === undefined : record !== undefined && sameValues(row, record, compare);
    if (landed) results.set(row, { row: row.row, status: "ok", keys: row.keys, ...(record ? { href: record.href } : {}), message: "Confirmed by reading it back after the answer was lost." });
    else left.push(row);
  }
  return left;
}

async function lookup(target: LoadTarget, rows: PlannedRow[], select: string[] = []): Promise<Map<PlannedRow, HeldRecord>> {
  try {
    return await readByKeys(target, rows, select);
  } catch (error) {
    throw new LoadInterrupted(`Could not read ${target.os.toUpperCase()} records by key: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function sameValues(row: PlannedRow, record: HeldRecord, names: readonly string[]): boolean {
  return names.every((name) => {
    const sent = Object.entries(row.record).find(([key]) => key.toLowerCase() === name)?.[1];
    if (sent === undefined || (sent !== null && typeof sent === "object")) return true;
    return sameStoredValue(sent as string | number | boolean | null, record.values[name]);
  });
}

function keyText(row: PlannedRow): string {
  return Object.entries(row.keys).map(([k, v]) => `${k}=${v}`).join(", ");
}

async function post(target: LoadTarget, items: Prepared[], transactionId: string): Promise<Outcome> {
  const request = osRequest(
    target,
    "POST",
    [],
    [
      ["x-method-override", "BULK"],
      ["content-type", "application/json"],
      ["transactionid", transactionId],
    ],
    JSON.stringify(items.map((p) => p.item)),
  );
  let response: ExecutedResponse;
  try {
    response = await target.executor.send(request);
  } catch (error) {
    if (error instanceof TransportError && error.kind !== "tls" && error.kind !== "connect") return { kind: "lost", reason: error.message };
    throw new LoadInterrupted(`The BULK request could not be sent: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (response.status === 409) return { kind: "duplicate" };
  if (response.status === 429) {
    const retryAfter = headerValue(response.headers, "retry-after");
    return retryAfter === undefined ? { kind: "busy" } : { kind: "busy", retryAfter };
  }
  if (response.status >= 500) return { kind: "lost", reason: `HTTP ${response.status}` };
  if (response.status === 401 || response.status === 403) {
    const error = response.maximoError;
    throw new LoadInterrupted(`The server refused the load (HTTP ${response.status}${error ? ` ${error.reasonCode} ${error.message}` : ""}); check the connection's user and its rights on ${target.os.toUpperCase()}.`);
  }
  if (response.status >= 400 || response.status < 200) {
    const error = response.maximoError;
    return {
      kind: "refused",
      status: response.status,
      ...(error?.reasonCode ? { reasonCode: error.reasonCode } : {}),
      message: error?.message || `The server refused the whole batch (HTTP ${response.status}).`,
    };
  }
  let body: unknown;
  try {
    body = response.json();
  } catch {
    return { kind: "lost", reason: "the answer is not JSON" };
  }
  if (!Array.isArray(body) || body.length !== items.length) return { kind: "lost", reason: `the answer does not hold one result per item (${items.length} sent)` };
  return { kind: "answer", elements: body };
}

/**
 * Duplicate requests (JSON API reference §29, PRODUCT.md "Real-server facts"): a write carrying
 * a `transactionid` header is remembered when it commits, for five minutes (escalation OSLCTXN);
 * a repeat inside that time is refused with 409 and is not applied again. A write that failed
 * committed nothing, so its id is not remembered and a retry may go through.
 */
import type { Emulator } from "../emulator";
import type { ApiRequest, Reply } from "../http/types";
import { headerValue } from "./body";
import { writeErrors } from "./errors";
import { writesState } from "./state";

export const transactionLifetimeMs = 5 * 60 * 1000;

export function withTransaction(request: ApiRequest, emulator: Emulator, work: () => Reply): Reply {
  const id = headerValue(request, "transactionid");
  if (id === undefined) return work();
  const { transactions } = writesState(emulator);
  const now = emulator.now();
  for (const [seen, at] of transactions) if (now - at >= transactionLifetimeMs) transactions.delete(seen);
  if (transactions.has(id)) throw writeErrors.duplicateTransaction(id);
  const reply = work();
  if (reply.status < 400) transactions.set(id, emulator.now());
  return reply;
}

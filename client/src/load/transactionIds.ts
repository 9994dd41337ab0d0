/**
 * Each batch's `transactionid` (JSON API reference §29): derived, never random, from the file's
 * content, the structure, the action and the batch size, with the batch index, so a retry and a
 * `--resume` send the same id for the same payload and a server that already committed it
 * answers 409 instead of applying it twice. A batch re-sent with fewer rows (after a lost answer
 * was confirmed row by row) is another payload and gets a round suffix: one id, one payload.
 */
import { createHash } from "node:crypto";
import type { LoadAction } from "./contract";

export interface LoadIdentity {
  contentHash: string;
  os: string;
  action: LoadAction;
  batchSize: number;
}

/** A short stable name for one load of one file: the prefix of its batches' ids and the state file's check. */
export function loadId(identity: LoadIdentity): string {
  const text = [identity.contentHash, identity.os.toLowerCase(), identity.action, String(identity.batchSize)].join("\n");
  return createHash("sha256").update(text).digest("hex").slice(0, 20);
}

export function batchTransactionId(load: string, batch: number, round = 0): string {
  return round === 0 ? `mxwb-${load}-${batch}` : `mxwb-${load}-${batch}.${round}`;
}

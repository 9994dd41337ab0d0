/**
 * What the writes keep between requests: transaction ids seen (JSON API reference §29), the
 * bytes of uploaded attachments (§16), and the next autonumber per object. Lives on the
 * Emulator (`emulator.writes`), made on first use, so a control-API reset can drop it whole.
 */
import type { Emulator } from "../emulator";

export interface StoredFile {
  bytes: Buffer;
  contentType: string;
}

export interface WritesState {
  /** transactionid → the emulator time (ms) it was committed at. */
  transactions: Map<string, number>;
  /** doclinksid → the file uploaded for it. */
  files: Map<number, StoredFile>;
  /** Next DOCINFO id handed to a new attachment. */
  nextDocinfoId: number;
}

export function writesState(emulator: Emulator): WritesState {
  emulator.writes ??= { transactions: new Map(), files: new Map(), nextDocinfoId: 5000 };
  return emulator.writes;
}

/** The emulator clock as Maximo writes datetimes: `2024-05-01T09:30:00+00:00`. */
export function isoNow(emulator: Emulator): string {
  return new Date(emulator.now()).toISOString().replace(/\.\d{3}Z$/, "+00:00");
}

/** Shared by the load engine tests: an emulator target, planned rows, and counting what the emulator holds. */
import { createExecutor, type Executor } from "../../../client/src/http/executor";
import type { PlanItem, PlannedRow } from "../../../client/src/load/contract";
import type { LoadTarget } from "../../../client/src/load/loadTarget";
import { fetchObjectSchema } from "../../../client/src/load/serverSchema";
import type { EmulatorHandle } from "../../../emulator/index";
import { apikeyConnection, apikeySecrets } from "../http/support";

export async function assetTarget(emu: EmulatorHandle, options: { readOnly?: boolean; os?: string } = {}): Promise<{ target: LoadTarget; executor: Executor; lines: string[] }> {
  const lines: string[] = [];
  const executor = createExecutor({
    connection: { ...apikeyConnection(emu.url), ...(options.readOnly ? { readOnly: true } : {}) },
    secrets: apikeySecrets,
    log: (line) => lines.push(line),
    retry: { baseDelayMs: 5, maxRetries: 4 },
  });
  const os = options.os ?? "mxapiasset";
  return { target: { executor, os, schema: await fetchObjectSchema(executor, os) }, executor, lines };
}

/** An asset row as loadplan would plan it: assetnum upper case, BEDFORD. */
export function assetRow(row: number, assetnum: string, extra: Record<string, unknown> = {}): PlannedRow {
  return { row, record: { assetnum, siteid: "BEDFORD", description: `Loaded ${assetnum}`, ...extra }, keys: { assetnum, siteid: "BEDFORD" } };
}

export async function* planItems(items: PlanItem[]): AsyncIterable<PlanItem> {
  for (const item of items) yield item;
}

export function rows(items: PlannedRow[]): PlanItem[] {
  return items.map((row) => ({ kind: "row", row }));
}

/** The emulator's asset rows whose assetnum starts with `prefix`, straight from its store. */
export function storedAssets(emu: EmulatorHandle, prefix: string): Array<Record<string, unknown>> {
  return emu.emulator.store.rows("asset").filter((r) => String(r.assetnum).startsWith(prefix));
}

/** Shared by the load tests: the shipped pack's schemas (the emulator's own), and scratch files. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ObjectSchema } from "../../../server/src/schema/types";
import { loadSchema } from "../../../client/src/load/loadSchema";
import type { LoadAction, LoadPlan, PlanItem } from "../../../client/src/load/contract";

const root = process.env.MAXIMO_WORKBENCH_ROOT ?? process.cwd();
export const packDir = join(root, "server", "schema-pack");

export function packSchema(name: string): ObjectSchema {
  const found = loadSchema(name, { packDir });
  if (!found.ok) throw new Error(found.message);
  return found.schema;
}

export function scratchDir(): { dir: string; file(name: string, content: string | Buffer): string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), "maximo-load-"));
  return {
    dir,
    file(name, content) {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export async function allItems(plan: LoadPlan): Promise<PlanItem[]> {
  const items: PlanItem[] = [];
  for await (const item of plan.items()) items.push(item);
  return items;
}

export type { LoadAction };

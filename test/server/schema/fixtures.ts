/** Shared setup for the schema store tests: the pack's path and temporary cache folders. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = process.env.MAXIMO_WORKBENCH_ROOT ?? process.cwd();
export const packDir = join(root, "server", "schema-pack");

/** A fresh cache folder; `files` maps a relative path to its content. */
export function cacheFolder(files: Record<string, string | Buffer> = {}): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), "schema-cache-"));
  for (const [path, content] of Object.entries(files)) writeInto(dir, path, content);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function writeInto(dir: string, path: string, content: string | Buffer): void {
  const full = join(dir, path);
  mkdirSync(join(full, ".."), { recursive: true });
  writeFileSync(full, content);
}

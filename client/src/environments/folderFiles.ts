/** Reading the folders around a request file without ever stopping a check: a missing or unreadable entry is no entry. */
import { readdirSync, readFileSync, statSync } from "node:fs";

/** The names in `dir`, sorted; none when it cannot be read. */
export function listNames(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

/** A file's text; undefined when it is missing, a folder, unreadable, or (with `maxBytes`) larger. */
export function readText(path: string, maxBytes?: number): string | undefined {
  try {
    if (maxBytes !== undefined) {
      const stat = statSync(path);
      if (!stat.isFile() || stat.size > maxBytes) return undefined;
    }
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

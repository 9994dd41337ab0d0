/** The default file access: node's fs, read synchronously (schema files are small). */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { SchemaFileSystem } from "./types";

export const nodeFiles: SchemaFileSystem = {
  readFile(path) {
    try {
      return readFileSync(path, "utf8");
    } catch {
      return undefined;
    }
  },
  listDir(path) {
    try {
      return readdirSync(path);
    } catch {
      return [];
    }
  },
};

/**
 * Where the pack sits next to the bundled server: `dist/server.js` → `server/schema-pack/`.
 * Tests and other hosts pass `packDir` instead.
 */
export function defaultPackDir(): string {
  return join(__dirname, "..", "server", "schema-pack");
}

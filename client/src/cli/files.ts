import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** Expands the CLI's file arguments: directories contribute their `.maximo` files, recursively and sorted. */
export function expandMaximoFiles(paths: readonly string[]): string[] {
  return paths.flatMap((path) => (statSync(path).isDirectory() ? filesBelow(path) : [path]));
}

function filesBelow(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === "node_modules" || entry.name.startsWith(".") ? [] : filesBelow(path);
      return entry.name.endsWith(".maximo") ? [path] : [];
    });
}

import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { UsageError } from "./args";

const MAXIMO_FILE = (name: string) => name.endsWith(".maximo");
const HTTP_FILE = (name: string) => /\.(http|rest)$/i.test(name);

/** Expands the CLI's file arguments: directories contribute their `.maximo` files, recursively and sorted. */
export function expandMaximoFiles(paths: readonly string[]): string[] {
  return paths.flatMap((path) => (statSync(path).isDirectory() ? filesBelow(path, MAXIMO_FILE) : [path]));
}

/**
 * The same, but a directory without a `.maximo` file is a usage error that says what it holds:
 * checking a folder of REST Client / httpyac files would otherwise report "0 file(s) checked"
 * and pass in CI having checked nothing.
 */
export function expandFilesToCheck(paths: readonly string[]): string[] {
  return paths.flatMap((path) => {
    if (!statSync(path).isDirectory()) return [path];
    const found = filesBelow(path, MAXIMO_FILE);
    if (found.length === 0) throw new UsageError(noMaximoFiles(path));
    return found;
  });
}

/** What a folder with no `.maximo` file holds instead, and how to check it. */
function noMaximoFiles(dir: string): string {
  const http = filesBelow(dir, HTTP_FILE);
  if (http.length === 0) return `${dir} holds no .maximo, .http or .rest file: nothing to check`;
  const shown = http.slice(0, 3).join(", ") + (http.length > 3 ? ", ..." : "");
  const example = http.length <= 3 ? http.join(" ") : `${join(dir, "*.http")}, or find ${dir} -name '*.http' -o -name '*.rest' | xargs maximo check`;
  return `${dir} holds no .maximo file; a folder contributes only .maximo files, so its ${http.length} .http/.rest file(s) (${shown}) were not checked: name them, e.g. maximo check ${example}`;
}

function filesBelow(dir: string, wanted: (name: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === "node_modules" || entry.name.startsWith(".") ? [] : filesBelow(path, wanted);
      return wanted(entry.name) ? [path] : [];
    });
}

/**
 * The key of a check's cached answers: what an analysis depends on besides the block's text.
 * That is the code that analyses (the running bundle), the Node version, and the content of
 * each schema folder in the store's order (a server's cache first, the pack last). Content, not
 * times: a schema file rewritten within a second must not leave old answers behind.
 */
import { createHash, type Hash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** Deep enough for any schema folder (`lists/<structure>/<attribute>.json`); a link loop ends here. */
const MAX_DEPTH = 6;

export function checkCacheKey(codeFile: string, schemaDirs: readonly string[]): string {
  const hash = createHash("sha256").update(readFileSync(codeFile)).update(`\0${process.version}`);
  schemaDirs.forEach((dir, index) => {
    hash.update(`\0folder ${index}\0`);
    hashFolder(hash, dir, "", 0);
  });
  return hash.digest("hex").slice(0, 32);
}

/** Every file under `dir` (names sorted), with its path and bytes; a missing folder hashes as such. */
function hashFolder(hash: Hash, dir: string, relative: string, depth: number): void {
  let names: string[];
  try {
    if (depth > MAX_DEPTH) throw new Error("too deep");
    names = readdirSync(join(dir, relative)).sort();
  } catch {
    hash.update(`\0missing ${relative}`);
    return;
  }
  for (const name of names) {
    const path = join(relative, name);
    let bytes: Buffer | undefined;
    try {
      bytes = readFileSync(join(dir, path));
    } catch {
      // A folder (or an unreadable file): its own entries, or nothing.
    }
    if (bytes) hash.update(`\0file ${path}\0${bytes.length}\0`).update(bytes);
    else hashFolder(hash, dir, path, depth + 1);
  }
}

/**
 * The object structures a `.maximo` file's requests address: the segment after `os/` in each
 * request line (a relative `os/mxapiasset`, or `.../oslc/os/mxapiasset`), lower case, as the
 * language server looks them up. A line scan, not the full parser: this runs on the extension
 * host at each edit and must stay cheap.
 */
import { KNOWN_METHODS } from "../../../../server/src/language/maximo/httpMethods";
import { isCacheableName } from "./cacheLayout";

export function objectStructuresIn(text: string): string[] {
  const names = new Set<string>();
  for (const block of text.replace(/^\uFEFF/, "").split(/^[ \t]*###.*$/m)) {
    const line = requestLine(block);
    const name = line === undefined ? undefined : osNameOf(targetOf(line));
    if (name) names.add(name);
  }
  return [...names];
}

/** The first line of a block that is not blank, a comment (`#`, `//`, directives too) or a file variable. */
function requestLine(block: string): string | undefined {
  for (const raw of block.split(/\r\n|\r|\n/)) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#") || line.startsWith("//") || /^@[^\s=]+\s*=/.test(line)) continue;
    return line;
  }
  return undefined;
}

/** `GET os/x HTTP/1.1` → `os/x`; a line without a method is a GET of its URL. */
function targetOf(line: string): string {
  const words = line.split(/\s+/);
  return words.length > 1 && KNOWN_METHODS.has(words[0]!.toUpperCase()) ? words[1]! : words[0]!;
}

function osNameOf(target: string): string | undefined {
  const path = target.split(/[?#]/, 1)[0]!;
  const match = /(?:^|\/)os\/([^/{}\s]+)/i.exec(path);
  if (!match) return undefined;
  let name: string;
  try {
    name = decodeURIComponent(match[1]!).toLowerCase();
  } catch {
    return undefined;
  }
  return isCacheableName(name) ? name : undefined;
}

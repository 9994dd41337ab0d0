/**
 * Query string and path decoding as a Java servlet container does it: parameters split on `&`
 * then on the first `=`, `+` decoded as a space (which is why the JSON API reference §7 asks
 * for the orderBy `+` to be sent as `%2B`), and percent escapes decoded as UTF-8. A malformed
 * escape or invalid UTF-8 is a 400, never a silent replacement character.
 */
import type { QueryParam } from "./types";
import { platformErrors } from "./platformErrors";

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Percent-decodes `text` strictly; `plusIsSpace` for query strings (form encoding). */
export function decodeComponent(text: string, plusIsSpace: boolean): string {
  const source = plusIsSpace ? text.replace(/\+/g, " ") : text;
  if (!source.includes("%")) return source;
  const bytes: number[] = [];
  let out = "";
  const flush = () => {
    if (bytes.length === 0) return;
    try {
      out += utf8.decode(Uint8Array.from(bytes));
    } catch {
      throw platformErrors.badEncoding(JSON.stringify(text));
    }
    bytes.length = 0;
  };
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch !== "%") {
      flush();
      out += ch;
      continue;
    }
    const hex = source.slice(i + 1, i + 3);
    if (!/^[0-9A-Fa-f]{2}$/.test(hex)) throw platformErrors.badEncoding(JSON.stringify(text));
    bytes.push(parseInt(hex, 16));
    i += 2;
  }
  flush();
  return out;
}

export function parseQuery(rawQuery: string): QueryParam[] {
  if (rawQuery === "") return [];
  return rawQuery
    .split("&")
    .filter((part) => part !== "")
    .map((part) => {
      const eq = part.indexOf("=");
      const name = eq < 0 ? part : part.slice(0, eq);
      const value = eq < 0 ? "" : part.slice(eq + 1);
      return { name: decodeComponent(name, true), value: decodeComponent(value, true) };
    });
}

/** Path segments after a prefix, each percent-decoded (`+` stays a plus in paths); empty ones dropped. */
export function parseSegments(rawPath: string): string[] {
  return rawPath
    .split("/")
    .filter((segment) => segment !== "")
    .map((segment) => decodeComponent(segment, false));
}

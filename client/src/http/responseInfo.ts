/**
 * A collection's paging facts (`responseInfo` in lean JSON, `oslc:responseInfo` namespaced;
 * JSON API reference §8) read straight from the body bytes: the extension must not parse a 50 MB
 * body on its host just to learn whether there is a next page.
 */
import type { ResponseBody } from "../body/responseBody";
import { nextPageHref } from "./paging";

export interface PageInfo {
  nextHref?: string;
  totalCount?: number;
  totalPages?: number;
  /** 1-based page number the server reports. */
  pageNum?: number;
}

const KEYS = ['"responseInfo"', '"oslc:responseInfo"'].map((key) => Buffer.from(key));
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN = 0x7b;
const CLOSE = 0x7d;

/** Paging facts of a collection body, or undefined when it has no responseInfo object. */
export function scanPageInfo(bytes: Uint8Array): PageInfo | undefined {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const key of KEYS) {
    for (let at = buffer.indexOf(key); at >= 0; at = buffer.indexOf(key, at + key.length)) {
      // A key, not text inside a string value: in a value the quote would be escaped.
      if (at > 0 && buffer[at - 1] === BACKSLASH) continue;
      const object = objectAfterColon(buffer, at + key.length);
      if (!object) continue;
      let info: unknown;
      try {
        info = JSON.parse(object);
      } catch {
        continue;
      }
      if (typeof info !== "object" || info === null || Array.isArray(info)) continue;
      return pageInfoOf(info as Record<string, unknown>);
    }
  }
  return undefined;
}

/** Of a body on disk only its ends are read: `responseInfo` is a top-level member, before or after `member`. */
const endBytes = 256 * 1024;

/** The same for a body in memory or on disk, without reading a large one whole. */
export function scanBodyPageInfo(body: ResponseBody): PageInfo | undefined {
  if (body.file === undefined || body.size <= 2 * endBytes) return scanPageInfo(body.readSync(0, body.size));
  return scanPageInfo(body.readSync(body.size - endBytes, body.size)) ?? scanPageInfo(body.readSync(0, endBytes));
}

function pageInfoOf(info: Record<string, unknown>): PageInfo {
  const number = (...names: string[]) => {
    for (const name of names) if (typeof info[name] === "number") return info[name] as number;
    return undefined;
  };
  const result: PageInfo = {};
  const nextHref = nextPageHref({ responseInfo: info });
  if (nextHref !== undefined) result.nextHref = nextHref;
  const totalCount = number("totalCount", "oslc:totalCount");
  if (totalCount !== undefined) result.totalCount = totalCount;
  const totalPages = number("totalPages", "oslc:totalPages");
  if (totalPages !== undefined) result.totalPages = totalPages;
  const pageNum = number("pagenum", "oslc:pagenum", "pageNum");
  if (pageNum !== undefined) result.pageNum = pageNum;
  return result;
}

/** The text of the `{...}` that follows `: ` at `from`, matched with strings skipped. */
function objectAfterColon(buffer: Buffer, from: number): string | undefined {
  let at = from;
  while (at < buffer.length && isSpace(buffer[at]!)) at++;
  if (buffer[at] !== 0x3a) return undefined;
  at++;
  while (at < buffer.length && isSpace(buffer[at]!)) at++;
  if (buffer[at] !== OPEN) return undefined;
  const start = at;
  let depth = 0;
  let inString = false;
  for (; at < buffer.length; at++) {
    const byte = buffer[at]!;
    if (inString) {
      if (byte === BACKSLASH) at++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) inString = true;
    else if (byte === OPEN) depth++;
    else if (byte === CLOSE && --depth === 0) return buffer.toString("utf8", start, at + 1);
  }
  return undefined;
}

function isSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

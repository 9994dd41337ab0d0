/**
 * The structure of a request target as written: scheme, authority and path segments of the
 * part before `?`, each with its source range and percent-decoded text.
 */
import { percentDecode, type Span } from "../common";
import type { DecodedTextNode, QueryParamNode, UrlNode } from "./ast";
import { EMPTY, orEmpty } from "./empty";

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//;

/** The URL node for `path` (block-relative), split at `/` outside `{{...}}`. */
export function readPath(path: DecodedTextNode, span: Span, query: readonly QueryParamNode[]): UrlNode {
  const text = path.text;
  const start = path.start;
  const segments: DecodedTextNode[] = [];
  const url: UrlNode = { start: span.start, end: span.end, text: "", path, segments: EMPTY, query };
  let from = 0;
  const scheme = text.indexOf("://") > 0 ? SCHEME.exec(text) : null;
  if (scheme) {
    url.scheme = { start, end: start + scheme[1]!.length, text: scheme[1]! };
    const authorityStart = scheme[0].length;
    const authorityEnd = new SlashFinder(text).next(authorityStart);
    url.authority = { start: start + authorityStart, end: start + authorityEnd, text: text.slice(authorityStart, authorityEnd) };
    from = authorityEnd;
  }
  const slashes = new SlashFinder(text);
  while (from < text.length) {
    const end = slashes.next(from);
    if (end > from) segments.push(decodedNode(text.slice(from, end), start + from));
    from = end + 1;
  }
  url.segments = orEmpty(segments);
  return url;
}

/** Finds the next `/` outside `{{...}}`; remembers what it found so a long path is read once. */
class SlashFinder {
  private slash = -2;
  private open = -2;

  constructor(private readonly text: string) {}

  next(from: number): number {
    const text = this.text;
    let at = from;
    for (;;) {
      if (this.slash !== -1 && this.slash < at) this.slash = text.indexOf("/", at);
      if (this.open !== -1 && this.open < at) this.open = text.indexOf("{{", at);
      if (this.slash < 0) return text.length;
      if (this.open < 0 || this.slash < this.open) return this.slash;
      const close = text.indexOf("}}", this.open + 2);
      if (close < 0) return text.length;
      at = close + 2;
    }
  }
}

/** A node for `text` at `start`, with its percent-decoded form. */
export function decodedNode(text: string, start: number): DecodedTextNode {
  const decoded = text.indexOf("%") < 0 ? text : percentDecode(text).text;
  return { start, end: start + text.length, text, decoded };
}

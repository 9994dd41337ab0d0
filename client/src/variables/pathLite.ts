/**
 * A small JSONPath subset shared by chained variables and expectations: `member[0].wonum`,
 * `$.member[0].wonum`, `["spi:wonum"]`, `member.length`, `member[-1]`. Walked by hand; no eval.
 */
export type PathSegment = { kind: "key"; key: string } | { kind: "index"; index: number };

export type PathResult = { found: true; value: unknown } | { found: false; missingAt: string };

/** Segments of `path`; an empty path, `$` or `*` means the whole value. Throws an Error saying what is malformed. */
export function parsePath(path: string): PathSegment[] {
  // `body.$.member` and `body.member` both reach here with a leading dot.
  const text = path.trim().replace(/^\./, "");
  if (text === "" || text === "$" || text === "*") return [];
  const segments: PathSegment[] = [];
  let i = text.startsWith("$") ? 1 : 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === ".") {
      i++;
      continue;
    }
    if (c === "[") {
      const close = readBracket(text, i, segments);
      i = close + 1;
      continue;
    }
    let end = i;
    while (end < text.length && text[end] !== "." && text[end] !== "[") end++;
    segments.push({ kind: "key", key: text.slice(i, end) });
    i = end;
  }
  return segments;
}

/** Reads `[0]`, `[-1]`, `["key"]` or `['key']` at `open`; returns the index of its `]`. */
function readBracket(text: string, open: number, out: PathSegment[]): number {
  const quote = text[open + 1];
  if (quote === '"' || quote === "'") {
    const endQuote = text.indexOf(quote, open + 2);
    if (endQuote < 0 || text[endQuote + 1] !== "]") throw new Error(`the quoted key at ${text.slice(open)} is not closed with ${quote}]`);
    out.push({ kind: "key", key: text.slice(open + 2, endQuote) });
    return endQuote + 1;
  }
  const close = text.indexOf("]", open);
  const inside = close < 0 ? "" : text.slice(open + 1, close);
  if (!/^-?\d+$/.test(inside)) throw new Error(`\`${text.slice(open, close < 0 ? undefined : close + 1)}\` is not an index: write [0], [-1] or ["key"]`);
  out.push({ kind: "index", index: Number(inside) });
  return close;
}

/** Follows `segments` into `value`; `missingAt` is the path up to the first step that found nothing. */
export function readPath(value: unknown, segments: readonly PathSegment[]): PathResult {
  let current = value;
  let walked = "";
  for (const segment of segments) {
    walked += segment.kind === "index" ? `[${segment.index}]` : `${walked ? "." : ""}${segment.key}`;
    const next = step(current, segment);
    if (next === undefined) return { found: false, missingAt: walked };
    current = next;
  }
  return { found: true, value: current };
}

function step(current: unknown, segment: PathSegment): unknown {
  if (segment.kind === "index") {
    if (!Array.isArray(current)) return undefined;
    // A negative index counts from the end: [-1] is the last member.
    return current[segment.index < 0 ? current.length + segment.index : segment.index];
  }
  if (typeof current === "string") return segment.key === "length" ? current.length : undefined;
  if (Array.isArray(current)) {
    if (segment.key === "length") return current.length;
    return /^\d+$/.test(segment.key) ? current[Number(segment.key)] : undefined;
  }
  if (current !== null && typeof current === "object" && Object.prototype.hasOwnProperty.call(current, segment.key)) {
    return (current as Record<string, unknown>)[segment.key];
  }
  return undefined;
}

/** How a found value is written into a request: strings as they are, the rest as JSON. */
export function valueText(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

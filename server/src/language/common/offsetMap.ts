import type { OffsetMapper } from "./types";

/**
 * Builds decoded text and a mapper back to the source for a run of text that may hold
 * percent-escapes (`%22` -> `"`). Multi-byte UTF-8 sequences (`%C3%A9`) decode to one character
 * whose offset maps to the first escape. Malformed escapes are kept literally.
 * Variable references `{{...}}` are kept as written (never decoded). With `plusAsSpace`, `+`
 * decodes to a space, as the servlet container reads a form-encoded query string.
 */
export function percentDecode(source: string, base = 0, plusAsSpace = false): { text: string; map: OffsetMapper } {
  if (source.indexOf("%") < 0 && !(plusAsSpace && source.indexOf("+") >= 0)) {
    return { text: source, map: (i) => base + i };
  }
  let text = "";
  // starts[i] = source offset where decoded char i begins; one extra entry for the end.
  const starts: number[] = [];
  let i = 0;
  while (i < source.length) {
    if (source.charCodeAt(i) === 0x7b /* { */ && source.startsWith("{{", i)) {
      const close = source.indexOf("}}", i + 2);
      const end = close < 0 ? source.length : close + 2;
      for (let k = i; k < end; k++) {
        text += source[k];
        starts.push(k);
      }
      i = end;
      continue;
    }
    if (source.charCodeAt(i) === 0x25 /* % */) {
      const decoded = decodeEscapeRun(source, i);
      if (decoded) {
        for (const ch of decoded.chars) {
          text += ch;
          starts.push(i);
          for (let extra = 1; extra < ch.length; extra++) starts.push(i);
        }
        i = decoded.end;
        continue;
      }
    }
    text += plusAsSpace && source.charCodeAt(i) === 0x2b /* + */ ? " " : source[i];
    starts.push(i);
    i++;
  }
  starts.push(source.length);
  return { text, map: (offset) => base + (starts[Math.max(0, Math.min(offset, starts.length - 1))] ?? source.length) };
}

// One decoder for the module: creating one per escape made 10 MB of `%22` take seconds.
const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Decodes one UTF-8 character written as percent escapes starting at `at`, or returns undefined. */
function decodeEscapeRun(source: string, at: number): { chars: string; end: number } | undefined {
  const first = hexByte(source, at);
  if (first === undefined) return undefined;
  const length = first < 0x80 ? 1 : first >= 0xf0 ? 4 : first >= 0xe0 ? 3 : first >= 0xc0 ? 2 : 0;
  if (length === 0) return undefined;
  const bytes = [first];
  for (let k = 1; k < length; k++) {
    const b = hexByte(source, at + 3 * k);
    if (b === undefined || (b & 0xc0) !== 0x80) return undefined;
    bytes.push(b);
  }
  try {
    const chars = utf8.decode(Uint8Array.from(bytes));
    return { chars, end: at + 3 * length };
  } catch {
    return undefined;
  }
}

function hexByte(source: string, at: number): number | undefined {
  if (source.charCodeAt(at) !== 0x25 || at + 3 > source.length) return undefined;
  const hex = source.slice(at + 1, at + 3);
  return /^[0-9a-fA-F]{2}$/.test(hex) ? parseInt(hex, 16) : undefined;
}

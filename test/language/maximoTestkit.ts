/**
 * Helpers for the `.maximo` parser tests: fixtures, range markers, and the seeded PRNG re-exported from test/support.
 *
 * Range markers: `⟦name:text⟧` marks `text` as the span called `name` and is removed from the
 * source (markers nest; `⟦name:⟧` marks an empty span). Names are unique per source.
 */
export { prng, pick } from "../support/random";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { Span } from "../../server/src/language/common";

const root = process.env.MAXIMO_WORKBENCH_ROOT ?? join(__dirname, "..", "..", "..");
export const fixtureDir = join(root, "test", "fixtures", "maximo");

export function fixture(name: string): string {
  return readFileSync(join(fixtureDir, name), "utf8");
}

/** Every `.maximo` fixture (markers removed), by file name. */
export function allFixtures(): Map<string, string> {
  const result = new Map<string, string>();
  for (const name of readdirSync(fixtureDir).sort()) {
    if (name.endsWith(".maximo")) result.set(name, marked(fixture(name)).text);
  }
  return result;
}

export interface Marked {
  text: string;
  spans: Map<string, Span>;
}

/** Removes `⟦name:...⟧` markers and returns where each marked text ended up. */
export function marked(source: string): Marked {
  let text = "";
  const spans = new Map<string, Span>();
  const open: { name: string; start: number }[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (c === "⟦") {
      const colon = source.indexOf(":", i);
      const name = source.slice(i + 1, colon);
      open.push({ name, start: text.length });
      i = colon + 1;
    } else if (c === "⟧") {
      const top = open.pop();
      if (!top) throw new Error(`unbalanced ⟧ at ${i}`);
      if (spans.has(top.name)) throw new Error(`marker ${top.name} used twice`);
      spans.set(top.name, { start: top.start, end: text.length });
      i++;
    } else {
      text += c;
      i++;
    }
  }
  if (open.length > 0) throw new Error(`unclosed marker ${open[0]!.name}`);
  return { text, spans };
}

export function span(m: Marked, name: string): Span {
  const found = m.spans.get(name);
  if (!found) throw new Error(`no marker ${name}`);
  return found;
}

/** Line and character of an offset, computed independently of the parser (CRLF, CR, LF). */
export function naivePosition(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = text[i];
    if (c === "\r") {
      if (text[i + 1] === "\n") {
        if (i + 1 >= offset) break; // between \r and \n: still on this line
        i++;
      }
      line++;
      lineStart = i + 1;
    } else if (c === "\n") {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: offset - lineStart };
}


export function withLineEnds(text: string, eol: "\n" | "\r\n" | "\r"): string {
  return text.replace(/\r\n|\r|\n/g, eol);
}

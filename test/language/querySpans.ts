/** Test helpers for the query-language tests: spans of substrings, diagnostic summaries. */
import assert from "node:assert/strict";
import type { Span, SyntaxDiagnostic } from "../../server/src/language/common";

/** The span of the `occurrence`-th `needle` in `text`, shifted by `base`. */
export function spanOf(text: string, needle: string, occurrence = 0, base = 0): Span {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `${JSON.stringify(needle)} occurs ${occurrence + 1} times in ${JSON.stringify(text)}`);
  }
  return { start: base + at, end: base + at + needle.length };
}

/** `code@start-end` per diagnostic, in order: compact and exact. */
export function summary(diagnostics: readonly SyntaxDiagnostic[]): string[] {
  return diagnostics.map((d) => `${d.code}@${d.span.start}-${d.span.end}`);
}

/** The one diagnostic with this code (fails when there are none or several). */
export function only(diagnostics: readonly SyntaxDiagnostic[], code: string): SyntaxDiagnostic {
  const found = diagnostics.filter((d) => d.code === code);
  assert.equal(found.length, 1, `one ${code} in ${JSON.stringify(summary(diagnostics))}`);
  return found[0];
}

export function at(text: string, needle: string, code: string, occurrence = 0): string {
  const span = spanOf(text, needle, occurrence);
  return `${code}@${span.start}-${span.end}`;
}

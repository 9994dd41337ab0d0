/**
 * Where file variables (`@site = ...` ↔ `{{site}}`) and request names (`# @name wo` ↔
 * `{{wo.response...}}`, and a JetBrains `### Login` title ↔ `run #Login`) are defined and used:
 * the one index behind definition, references and rename. Spans are absolute and cover the name
 * only, so a rename replaces exactly it.
 */
import type { Span } from "../../language/common";
import type { MaximoDocument } from "../../language/maximo/api";

export type SymbolKind = "variable" | "request";

export interface SymbolOccurrence {
  kind: SymbolKind;
  name: string;
  span: Span;
  definition: boolean;
}

/** What stands at an offset: a renamable symbol, a system variable, or nothing. */
export type SymbolAt = { occurrence: SymbolOccurrence } | { system: string; span: Span } | undefined;

/** Every occurrence in the document, in source order. */
export function collectOccurrences(document: MaximoDocument): SymbolOccurrence[] {
  const out: SymbolOccurrence[] = [];
  const withRuns = document.blocks.some((b) => b.tree.runs !== undefined);
  for (const block of document.blocks) {
    const tree = block.tree;
    for (const variable of tree.variables) {
      out.push({ kind: "variable", name: variable.name.text, span: block.toAbsolute(variable.name), definition: true });
    }
    let named = false;
    for (const directive of tree.directives) {
      if (directive.name.text !== "name" || !directive.args) continue;
      named = true;
      out.push({ kind: "request", name: directive.args.text, span: block.toAbsolute(directive.args), definition: true });
    }
    // In a file with run lines (JetBrains names requests by title), a `### Login` title names the
    // request when no `@name` does, as `BlockNode.name` reads it.
    const title = tree.separator?.title;
    if (withRuns && !named && tree.request && title) out.push({ kind: "request", name: title.text, span: block.toAbsolute(title), definition: true });
    // `run #Login` of this file (a run line with a path names another file's request).
    for (const run of tree.runs ?? []) {
      if (run.request && !run.path) out.push({ kind: "request", name: run.request.text, span: block.toAbsolute(run.request), definition: false });
    }
    for (const expression of tree.expressions) {
      if (expression.kind !== "variable" && expression.kind !== "chained") continue;
      // The name opens the trimmed inner text (`wo` of `wo.response.body`).
      const start = expression.inner.start;
      out.push({
        kind: expression.kind === "variable" ? "variable" : "request",
        name: expression.name,
        span: block.toAbsolute({ start, end: start + expression.name.length }),
        definition: false,
      });
    }
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

/** The symbol under `offset` (its end included, as editors place the cursor after a word). */
export function symbolAt(document: MaximoDocument, offset: number): SymbolAt {
  const block = document.blockAt(offset);
  for (const expression of block.tree.expressions) {
    const span = block.toAbsolute(expression);
    if (expression.kind === "system" && offset >= span.start && offset <= span.end) {
      return { system: expression.name, span: block.toAbsolute(expression.inner) };
    }
  }
  const occurrence = collectOccurrences(document).find((o) => offset >= o.span.start && offset <= o.span.end);
  return occurrence ? { occurrence } : undefined;
}

/** Occurrences of the same symbol (same kind and name). */
export function occurrencesOf(document: MaximoDocument, symbol: SymbolOccurrence): SymbolOccurrence[] {
  return collectOccurrences(document).filter((o) => o.kind === symbol.kind && o.name === symbol.name);
}

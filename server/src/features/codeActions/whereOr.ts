/**
 * `where.or-unsupported` on a clause whose every joiner is `or`: join with `and` and add
 * `opmodeor=1` (or `<obj>.<rel>.opmodeor=1` for a child where), which makes the server read
 * every `and` as `or`. A clause that mixes `and` and `or` has no such rewrite, so no fix.
 */
import type { CodeAction, Diagnostic, TextEdit } from "vscode-languageserver";
import type { Span } from "../../language/common";
import { queryParamRoute } from "../../language/embedded";
import type { EmbeddedQuery, MaximoDocument } from "../../language/maximo/api";
import { WhereCode } from "../../language/where/diagnosticCodes";
import type { WhereClause } from "../../language/where/ast";
import { quickFix, withCode } from "./quickFix";

export function whereOrFixes(document: MaximoDocument, uri: string, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  const done = new Set<number>();
  for (const diagnostic of withCode(diagnostics, WhereCode.orUnsupported)) {
    const offset = document.offsetAt(diagnostic.range.start);
    const block = document.blockAt(offset);
    const query = document
      .embeddedQueries(block)
      .find((q) => q.parse.language === "where" && block.offset + q.param.start <= offset && offset <= block.offset + q.param.end);
    if (!query || query.parse.language !== "where" || done.has(block.offset + query.param.start)) continue;
    done.add(block.offset + query.param.start);
    const switchName = opmodeParam(query);
    const edits = switchName && rewrite(document, block.offset, query, query.parse.ast, switchName);
    if (!edits) continue;
    const related = withCode(diagnostics, WhereCode.orUnsupported).filter((d) => {
      const at = document.offsetAt(d.range.start) - block.offset;
      return at >= query.param.start && at <= query.param.end;
    });
    actions.push(quickFix(`Join with "and" and add ${switchName}=1`, uri, edits, related, true));
  }
  return actions;
}

function opmodeParam(query: EmbeddedQuery): string | undefined {
  const route = queryParamRoute(query.param.key.decoded);
  return route?.language === "where" ? route.opmodeOrParam : undefined;
}

/** The edits, or undefined when the clause is not all-`or`. */
function rewrite(document: MaximoDocument, base: number, query: EmbeddedQuery, clause: WhereClause, switchName: string): TextEdit[] | undefined {
  if (clause.joiners.length === 0 || clause.joiners.some((j) => j.keyword !== "or")) return undefined;
  // The switch reaches the top-level joiners; nested `rel{...}` clauses are left to the author.
  if (clause.terms.some((t) => t.kind === "scoped" && t.clause.joiners.length > 0)) return undefined;
  const range = (span: Span) => document.rangeOf({ start: base + span.start, end: base + span.end });
  const edits: TextEdit[] = clause.joiners.map((j) => ({ range: range(j.span), newText: "and" }));
  const block = document.blockAt(base);
  const existing = block.tree.request?.url.query.find((p) => p.key.decoded.toLowerCase() === switchName.toLowerCase());
  if (existing?.value) {
    if (existing.value.decoded !== "1") edits.push({ range: range(existing.value), newText: "1" });
  } else if (existing) {
    edits.push({ range: range({ start: existing.end, end: existing.end }), newText: "=1" });
  } else {
    const end = range({ start: query.param.end, end: query.param.end });
    edits.push({ range: end, newText: `&${switchName}=1` });
  }
  return edits;
}

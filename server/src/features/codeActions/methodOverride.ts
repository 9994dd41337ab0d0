/**
 * PATCH/PUT request lines: Maximo updates through POST with `x-method-override: PATCH`, so
 * rewrite the method and add the header. Offered on the request line whether or not the
 * `maximo.http-patch` diagnostic is on (it needs the schema diagnostics to run). An action call
 * on a record that lacks the header gets it added.
 */
import type { CodeAction, Diagnostic, Range, TextEdit } from "vscode-languageserver";
import type { MaximoDocument, RequestNode } from "../../language/maximo/api";
import { quickFix } from "./quickFix";

const OVERRIDDEN = new Set(["PATCH", "PUT"]);
const HEADER = "x-method-override";

export function methodOverrideFixes(document: MaximoDocument, uri: string, range: Range, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const entry = document.requestAt(document.offsetAt(range.start));
  const request = entry?.request;
  const method = request?.method;
  if (!request || !method || !OVERRIDDEN.has(request.methodName)) return [];
  const line = document.rangeOf(request.line);
  if (range.start.line > line.end.line || range.end.line < line.start.line) return [];

  const edits: TextEdit[] = [{ range: document.rangeOf(method), newText: "POST" }];
  if (!request.headers.some((h) => h.name.text.toLowerCase() === HEADER)) edits.push(overrideHeaderEdit(document, request));
  const related = diagnostics.filter((d) => d.code === "maximo.http-patch");
  return [quickFix(`Send as POST with ${HEADER}: PATCH`, uri, edits, related, true)];
}

/** `action=wsmethod:...` on a record without an override (reference §13): add the header. */
export function actionOverrideFixes(document: MaximoDocument, uri: string, diagnostics: readonly Diagnostic[]): CodeAction[] {
  return diagnostics
    .filter((d) => d.code === "maximo.action-needs-override")
    .flatMap((diagnostic) => {
      const request = document.requestAt(document.offsetAt(diagnostic.range.start))?.request;
      if (!request || request.headers.some((h) => h.name.text.toLowerCase() === HEADER)) return [];
      return [quickFix(`Add ${HEADER}: PATCH`, uri, [overrideHeaderEdit(document, request)], [diagnostic], true)];
    });
}

/** The header after the request line and its `?`/`&` continuation lines, before any other header. */
function overrideHeaderEdit(document: MaximoDocument, request: RequestNode): TextEdit {
  const firstHeader = request.headers[0];
  const lastQuery = request.url.query.at(-1);
  const urlEnd = Math.max(request.line.end, lastQuery?.end ?? 0);
  const header = `${HEADER}: PATCH`;
  return firstHeader
    ? { range: document.rangeOf({ start: firstHeader.start, end: firstHeader.start }), newText: `${header}\n` }
    : { range: document.rangeOf({ start: urlEnd, end: urlEnd }), newText: `\n${header}` };
}

/**
 * What `maximo parse FILE` prints: each request as written (percent-escapes decoded,
 * variables unresolved) with its range, and every diagnostic. Positions are 0-based.
 */
import type { Severity } from "../common";
import type { MaximoDocument } from "./document";
import type { Range } from "./lineIndex";

export interface ParseSummary {
  requests: RequestSummary[];
  /** JetBrains `import` / `run` lines, in file order (fileCommands.ts). */
  fileCommands: FileCommandSummary[];
  diagnostics: DiagnosticSummary[];
}

export interface FileCommandSummary {
  kind: "import" | "run";
  /** The file named, as written; null for `run #name` (this file or an import). */
  path: string | null;
  /** The request named after `#`; null for `import` and `run PATH` (every request of that file). */
  request: string | null;
  /** A run line's `(@name=value, ...)`, values as written. */
  variables: { name: string; value: string }[];
  /** The line's range. */
  range: Range;
}

export interface RequestSummary {
  name: string | null;
  /** The method sent: upper case, `GET` for a bare URL. */
  method: string;
  /** Path and query, continuation lines joined with `&`. */
  url: string;
  query: { key: string; value: string }[];
  headers: { name: string; value: string }[];
  /** The body as sent (comment lines left out), `< ./file` lines as written; null when none. */
  body: string | null;
  /** From the `###` line (or the request line of an unseparated request) to the request's last line. */
  range: Range;
}

export interface DiagnosticSummary {
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
  severity: Severity;
  code: string;
  message: string;
}

export function toParseSummary(document: MaximoDocument): ParseSummary {
  const requests = document.requests.map(({ node, request, name }): RequestSummary => {
    const start = node.separator ? node.separator.start : request.start;
    return {
      name: name ?? null,
      method: request.methodName,
      url: request.url.text,
      query: request.url.query.map((p) => ({ key: p.key.decoded, value: p.value?.decoded ?? "" })),
      headers: request.headers.map((h) => ({ name: h.name.text, value: h.value.text })),
      body: request.body ? request.body.text : null,
      range: document.rangeOf({ start, end: request.end }),
    };
  });
  return { requests, fileCommands: fileCommandSummaries(document), diagnostics: diagnosticSummaries(document) };
}

function fileCommandSummaries(document: MaximoDocument): FileCommandSummary[] {
  const out: { at: number; summary: FileCommandSummary }[] = [];
  for (const block of document.blocks) {
    if (!block.tree.imports && !block.tree.runs) continue;
    const node = block.node();
    for (const line of node.imports ?? []) {
      out.push({ at: line.start, summary: { kind: "import", path: line.path?.text ?? null, request: null, variables: [], range: document.rangeOf(line) } });
    }
    for (const run of node.runs ?? []) {
      const variables = run.overrides.map((o) => ({ name: o.name.text, value: o.value.text }));
      out.push({ at: run.start, summary: { kind: "run", path: run.path?.text ?? null, request: run.request?.text ?? null, variables, range: document.rangeOf(run) } });
    }
  }
  // A block's imports and runs were read apart: put them back in line order.
  return out.sort((a, b) => a.at - b.at).map((e) => e.summary);
}

/** The diagnostics part of the summary alone (`maximo check` needs no request copies). */
export function diagnosticSummaries(document: MaximoDocument): DiagnosticSummary[] {
  return document.diagnostics().map(
    (d): DiagnosticSummary => ({
      line: d.range.start.line,
      character: d.range.start.character,
      endLine: d.range.end.line,
      endCharacter: d.range.end.character,
      severity: d.severity,
      code: d.code,
      message: d.message,
    }),
  );
}

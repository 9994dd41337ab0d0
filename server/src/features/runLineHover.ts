/**
 * Hover on a JetBrains `run` line (fileCommands.ts): over `run`, what the line does; over the
 * `#name` of a request of this file, that request's line. Requests of other files are not read here.
 */
import { MarkupKind, type Hover } from "vscode-languageserver";
import type { MaximoDocument } from "../language/maximo/api";

export function runLineHover(document: MaximoDocument, offset: number): Hover | undefined {
  const block = document.blockAt(offset);
  if (!block.tree.runs) return undefined;
  const run = block.node().runs!.find((r) => offset >= r.start && offset <= r.end);
  if (!run) return undefined;
  const hover = (value: string, span: { start: number; end: number }): Hover => ({ contents: { kind: MarkupKind.Markdown, value }, range: document.rangeOf(span) });
  const overrides = run.overrides.length > 0 ? `, with ${run.overrides.map((o) => `\`${o.name.text}\``).join(", ")} set for this run` : "";
  if (offset <= run.keyword.end) {
    const what = run.path ? (run.request ? `the request \`${run.request.text}\` of \`${run.path.text}\`` : `every request of \`${run.path.text}\``) : `the request \`${run.request?.text ?? "…"}\` (of this file, else of a file it imports)`;
    return hover(`**run** (JetBrains HTTP Client): sends ${what}${overrides}. Send on this line runs it; so does \`maximo run\` on the file.`, run.keyword);
  }
  if (run.request && !run.path && offset >= run.request.start && offset <= run.request.end) {
    const target = document.requests.find((r) => r.name === run.request!.text);
    if (!target) return undefined;
    const line = document.positionAt(target.request.line.start).line + 1;
    const requestLine = document.text.slice(target.request.line.start, target.request.line.end).trim();
    return hover(`**${run.request.text}** (line ${line})\n\n\`\`\`http\n${requestLine}\n\`\`\``, run.request);
  }
  return undefined;
}

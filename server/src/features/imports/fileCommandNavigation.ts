/** Go-to-definition and hover answers for what an `import` / `run` line names in another file (fileCommandTargets.ts). */
import { basename } from "node:path";
import { pathToFileURL } from "node:url";
import { MarkupKind, type Hover, type Location, type Range } from "vscode-languageserver";
import type { FileCommandTarget } from "./fileCommandTargets";

/** Names listed in a hover on a path; the rest are counted. */
const LISTED_NAMES = 12;

/** The named request's line, or the top of the file when the path was asked for. */
export function fileCommandLocation(target: FileCommandTarget): Location {
  const top = { line: 0, character: 0 };
  const range: Range = target.request ? target.request.document.rangeOf(target.request.line) : { start: top, end: top };
  return { uri: pathToFileURL(target.path).toString(), range };
}

export function fileCommandHover(target: FileCommandTarget, range: Range): Hover {
  const file = `\`${target.written}\``;
  let value: string;
  if (target.request) {
    const { name, document, line } = target.request;
    const number = document.positionAt(line.start).line + 1;
    value = `**${name}** (${file}, line ${number})\n\n\`\`\`http\n${document.text.slice(line.start, line.end).trim()}\n\`\`\``;
  } else if (target.names.length === 0) {
    value = `${file} (${basename(target.path)}) has no named requests: \`run #name\` finds none there.`;
  } else {
    const listed = target.names.slice(0, LISTED_NAMES).map((n) => `\`${n}\``).join(", ");
    const more = target.names.length > LISTED_NAMES ? ` and ${target.names.length - LISTED_NAMES} more` : "";
    value = `${file}: ${target.names.length} named request${target.names.length === 1 ? "" : "s"}: ${listed}${more}.`;
  }
  return { contents: { kind: MarkupKind.Markdown, value }, range };
}

import { FoldingRangeKind, type FoldingRange } from "vscode-languageserver";
import type { MaximoDocument } from "../language/maximo/api";

/** One fold per request block: from its `###` line (or first line) to its last non-blank line. */
export function getFoldingRanges(document: MaximoDocument): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  for (const entry of document.requests) {
    const startOffset = entry.node.separator?.start ?? entry.node.contentSpan.start;
    const startLine = document.positionAt(startOffset).line;
    const endLine = document.positionAt(Math.max(entry.node.contentSpan.start, entry.node.contentSpan.end - 1)).line;
    if (endLine > startLine) ranges.push({ startLine, endLine, kind: FoldingRangeKind.Region });
  }
  return ranges;
}

/**
 * Builds the typed tree of one request block: what each line means, with exact ranges, and
 * the structural diagnostics found on the way (unknown method, missing URL, malformed header,
 * ...). The parser's actions read the lines as they are parsed (`parser.ts`); this module lexes,
 * parses and assembles the tree. Spans are relative to the block start.
 */
import type { BlockTree } from "./ast";
import { finishBlock } from "./blockReaders";
import type { BuildState } from "./buildState";
import { diagnostic } from "./diagnosticCodes";
import { EMPTY, orEmpty } from "./empty";
import { ExpressionScanner } from "./expressions";
import { lexBlock } from "./lexer";
import { readableParseError } from "./readableParseError";
import { blockParser } from "./parser";

/** Lexes, parses and builds one block. `text` is the block text, `lineStarts` its relative line starts. */
export function buildBlockTree(text: string, lineStarts: readonly number[]): BlockTree {
  const lexed = lexBlock(text);
  const s: BuildState = { text, scanner: new ExpressionScanner(text), contentStart: -1, contentEnd: -1, expressions: [], diagnostics: [] };
  const parseErrors = blockParser().parseBlock(lexed.tokens, s);
  finishBlock(s);
  const errors = lexed.errors.map((error) => readableParseError(text, error.offset, error.length));
  for (const error of parseErrors) {
    // Tokens the parser inserted while recovering have no offset.
    const found = Number.isFinite(error.token.startOffset);
    errors.push(readableParseError(text, found ? error.token.startOffset : text.length, found ? error.token.image.length : 0));
  }
  for (const { start, end, message } of errors) s.diagnostics.push(diagnostic("maximo.syntax", { start, end }, message));
  const tree: BlockTree = {
    text,
    lineStarts,
    start: 0,
    end: text.length,
    contentSpan: s.contentStart >= 0 ? { start: s.contentStart, end: s.contentEnd } : { start: 0, end: 0 },
    comments: sorted(s.comments),
    directives: sorted(s.directives),
    variables: sorted(s.variables),
    scripts: sorted(s.scripts),
    toolLines: sorted(s.toolLines),
    expressions: sorted(s.expressions),
    diagnostics: orEmpty(s.diagnostics.sort((a, b) => a.span.start - b.span.start)),
  };
  if (s.separator) tree.separator = s.separator;
  if (s.request) tree.request = s.request.node;
  if (s.imports) tree.imports = orEmpty(s.imports);
  if (s.runs) tree.runs = orEmpty(s.runs);
  let name: string | undefined;
  for (const d of tree.directives) if (d.name.text === "name" && d.args) name = d.args.text;
  name ??= s.separator?.title?.text;
  if (name !== undefined) tree.name = name;
  return tree;
}

/** The list in source order (the readers see the lines in order; a body's expressions come last), or the shared empty list. */
function sorted<T extends { start: number }>(list: T[] | undefined): readonly T[] {
  if (!list || list.length === 0) return EMPTY;
  for (let i = 1; i < list.length; i++) {
    if (list[i]!.start < list[i - 1]!.start) {
      list.sort((a, b) => a.start - b.start);
      break;
    }
  }
  return orEmpty(list);
}

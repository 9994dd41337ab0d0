/** What the block builder and its line readers share while one block is built. */
import type { SyntaxDiagnostic } from "../common";
import type {
  CommentNode,
  DirectiveNode,
  ExpressionNode,
  HeaderNode,
  QueryParamNode,
  RequestNode,
  ScriptNode,
  SeparatorNode,
  TextNode,
  ToolLineNode,
  VariableNode,
} from "./ast";
import type { ExpressionScanner } from "./expressions";

/** Lists gathered while a block is built; the tree gets them (or the shared empty list) at the end. */
export interface BuildState {
  text: string;
  scanner: ExpressionScanner;
  /** First and last non-blank offsets seen (block-relative). */
  contentStart: number;
  contentEnd: number;
  separator?: SeparatorNode;
  comments?: CommentNode[];
  directives?: DirectiveNode[];
  variables?: VariableNode[];
  scripts?: ScriptNode[];
  toolLines?: ToolLineNode[];
  expressions: ExpressionNode[];
  diagnostics: SyntaxDiagnostic[];
  request?: RequestDraft;
}

/** A request while it is read: its lists still growing. */
export interface RequestDraft {
  node: RequestNode;
  query: QueryParamNode[];
  headers: HeaderNode[];
  malformedLines: TextNode[];
}

/** Widens the block content to [start, end). */
export function content(s: BuildState, start: number, end: number): void {
  if (s.contentStart < 0 || start < s.contentStart) s.contentStart = start;
  if (end > s.contentEnd) s.contentEnd = end;
}

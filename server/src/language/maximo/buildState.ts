/** What the grammar's actions and the line readers share while one block is built. */
import type { IToken } from "chevrotain";
import type { SyntaxDiagnostic } from "../common";
import type {
  CommentNode,
  DirectiveNode,
  ExpressionNode,
  HeaderNode,
  ImportNode,
  QueryParamNode,
  RequestNode,
  RunNode,
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
  imports?: ImportNode[];
  runs?: RunNode[];
  expressions: ExpressionNode[];
  diagnostics: SyntaxDiagnostic[];
  /** The tokens of the request line while the parser is on it. */
  line?: RequestLineTokens;
  request?: RequestDraft;
  body?: BodyLines;
  /** A stored response after the request (`HTTP/1.1 200 OK` and its lines). */
  response?: { start: number; end: number };
}

/** The parts of a request line the reader needs (`Ws` and `&` are left out). */
export interface RequestLineTokens {
  indent?: IToken;
  method?: IToken;
  firstPath?: IToken;
  lastPath?: IToken;
  question?: IToken;
  params: IToken[];
  version?: IToken;
  lineEnd?: IToken;
}

/** A request while it is read: its lists still growing. */
export interface RequestDraft {
  node: RequestNode;
  query: QueryParamNode[];
  headers: HeaderNode[];
  malformedLines: TextNode[];
  /** Where the request line, its continuation lines and headers end so far. */
  end: number;
  /** `/path` lines continuing the URL, joined to it when the request is complete. */
  pathLines?: TextNode[];
  /** The URL has a query (`?` on the request line or a `?`/`&` line): an indented `k=v&` line continues it. */
  queryOpen?: boolean;
  /** Where the continuation line being read started and ends so far. */
  lineStart: number;
  lineEnd: number;
}

/** The lines of a body, gathered by the grammar and read when the request is complete. */
export interface BodyLines {
  /** Text lines, file lines and blank lines, in source order. */
  lines: IToken[];
  /** Where comment, directive, variable and tool lines inside the body start: they are not sent. */
  skipped?: number[];
  /** Whether a script block stands in the body. */
  script: boolean;
}

/** Widens the block content to [start, end). */
export function content(s: BuildState, start: number, end: number): void {
  if (s.contentStart < 0 || start < s.contentStart) s.contentStart = start;
  if (end > s.contentEnd) s.contentEnd = end;
}

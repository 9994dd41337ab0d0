/**
 * The typed tree of a `.maximo` request block.
 *
 * Every node is a span: `start` and `end` are its own range (half-open, UTF-16 offsets), so
 * `document.rangeOf(node)` works on any node. Ranges that are not nodes (`line`, `colon`,
 * `equals`, `contentSpan`) are plain spans. Flat nodes also keep the tree small: a nested span
 * object per node was half the objects a parse kept alive.
 *
 * A block's tree is immutable (arrays are readonly; empty ones are shared) and position
 * independent: every offset in it is RELATIVE to the start of its block, so an edit elsewhere
 * in the file reuses the tree as it is and only moves the block (`document.ts`).
 * `DocumentBlock.node()` gives the same tree with absolute offsets.
 */
import type { Span, SyntaxDiagnostic } from "../common";

/** A piece of source text and where it stands. `text` is exactly the source in [start, end). */
export interface TextNode extends Span {
  text: string;
}

/** Text that may hold percent-escapes; `decoded` is what the server receives (`%22` -> `"`). */
export interface DecodedTextNode extends TextNode {
  decoded: string;
}

/** `### Name` (the line without its line break): starts a block; the text after the hashes names the request. */
export interface SeparatorNode extends Span {
  title?: TextNode;
}

/** A `#` or `//` line, without its line break. */
export interface CommentNode extends Span {
  marker: "#" | "//" | "/*";
  /** The text after the marker, trimmed (a block comment: its inner lines). */
  text: string;
}

/** What a `# @expect ...` directive asserts about the response. */
export interface ExpectNode {
  subject: "status" | "header" | "body" | "duration";
  /** Header name (`header content-type ...`) or body path (`body.member.length`, `body`). */
  target?: TextNode;
  /** `==`, `!=`, `<`, `<=`, `>`, `>=`, `contains`, `!contains`, `matches`, `exists`, `!exists`, `startsWith`, `endsWith`. */
  operator: string;
  operatorSpan?: Span;
  value?: TextNode;
}

/** `# @name wo1`, `// @timeout 30s`, `# @expect status 200`, `# @prompt id`, ... (the line without its line break). */
export interface DirectiveNode extends Span {
  marker: "#" | "//";
  /** Without the `@`. */
  name: TextNode;
  args?: TextNode;
  /** Parsed for `@expect`. */
  expect?: ExpectNode;
  /** For `@timeout`: the duration in milliseconds. */
  timeoutMs?: number;
}

/** `@name = value` (also `@name := value`, evaluated lazily by httpyac); the line without its line break. */
export interface VariableNode extends Span {
  name: TextNode;
  value: TextNode;
  lazy: boolean;
}

/** A script block (httpyac `{{ ... }}`, JetBrains `> {% ... %}`); kept, not interpreted. */
export interface ScriptNode extends Span {
  kind: "httpyac" | "handler";
  terminated: boolean;
}

/** httpyac/JetBrains lines that are neither headers nor body: `?? status == 200`, `>> out.json`, `<> ref`, `> handler.js`. */
export interface ToolLineNode extends Span {
  text: string;
}

export type ExpressionKind =
  /** `{{site}}`, `{{config.host}}` */
  | "variable"
  /** `{{$guid}}`, `{{$randomInt 1 10}}` */
  | "system"
  /** `{{wo1.response.body.member[0].wonum}}`, `{{wo1.response.headers.location}}` */
  | "chained"
  /** anything else: httpyac evaluates it as JavaScript (`{{ a + b }}`) */
  | "script"
  /** `{{}}` */
  | "empty";

/** `{{...}}`: from `{{` to `}}`, or to the end of the line when unterminated. */
export interface ExpressionNode extends Span {
  /** Between the braces, trimmed. */
  inner: TextNode;
  terminated: boolean;
  kind: ExpressionKind;
  /** Variable name, system variable (`$randomInt`), or request name of a chained reference. */
  name: string;
  /** System variable arguments (`1`, `100`; `"DD-MM-YYYY"` with its quotes). */
  args: readonly TextNode[];
  /** Chained reference: `response` or `request`, then `body` or `headers`, then the path. */
  chain?: { source: string; part: string; path: string };
}

/** A query parameter, from the first character of its key to the end of its value. */
export interface QueryParamNode extends Span {
  key: DecodedTextNode;
  /** The `=`, absent for a bare key (`?count`). */
  equals?: Span;
  /** Trimmed; absent when there is no `=`; empty text for `key=`. */
  value?: DecodedTextNode;
  /** The parameter is written on a `?`/`&` continuation line. */
  continuation: boolean;
  /**
   * The value is written percent-encoded, as browsers and curl write it: `+` in it is a space
   * (`decoded` has it so) and the runner sends it as written.
   */
  encoded?: true;
}

/** The URL on the request line (without continuation lines, version or trailing spaces). */
export interface UrlNode extends Span {
  /** The whole URL as written and decoded, continuation parameters joined with `&`. */
  text: string;
  /** Before the `?`. */
  path: DecodedTextNode;
  /** `https`, when the URL is absolute. */
  scheme?: TextNode;
  /** `host:port`, when the URL is absolute. */
  authority?: TextNode;
  /** Path segments between slashes (`os`, `mxapiasset`); `{{base}}` counts as one. */
  segments: readonly DecodedTextNode[];
  /** Every parameter, from the request line and its continuation lines, in order. */
  query: readonly QueryParamNode[];
}

/** `Name: value`, the line without its line break. */
export interface HeaderNode extends Span {
  name: TextNode;
  colon: Span;
  /** Trimmed. */
  value: TextNode;
}

/** Body lines sent as written. */
export interface BodyTextPart extends Span {
  kind: "text";
}

/** `< ./file.json` (raw), `<@ ./file` (variables replaced), `<@latin1 ./file` (with encoding); the line without its line break. */
export interface BodyFilePart extends Span {
  kind: "file";
  path?: TextNode;
  processVariables: boolean;
  encoding?: TextNode;
}

export type BodyPart = BodyTextPart | BodyFilePart;

/** From the first body line to the end of the last non-blank one. */
export interface BodyNode extends Span {
  /** The body as sent: its lines without comment lines, trailing blank lines removed. */
  text: string;
  parts: readonly BodyPart[];
  /**
   * An httpyac GraphQL body (`query ...` or `mutation ...` up to a blank line, then optional
   * JSON variables): sent as `{"query", "operationName", "variables"}` JSON, as httpyac sends it.
   */
  graphql?: GraphqlBody;
}

export interface GraphqlBody {
  query: string;
  operationName?: string;
  /** The JSON text after the query, when there is one. */
  variables?: string;
}

/** From the request line to the end of the request's last line (headers, body, handlers). */
export interface RequestNode extends Span {
  /** The request line without its line break. */
  line: Span;
  /** As written; absent for a bare URL (sent as GET). */
  method?: TextNode;
  /** The method to send: upper-cased, `GET` when absent. */
  methodName: string;
  url: UrlNode;
  httpVersion?: TextNode;
  headers: readonly HeaderNode[];
  /** Lines in the header section that are not headers (diagnosed). */
  malformedLines: readonly TextNode[];
  body?: BodyNode;
  /** An example response written after the request (`HTTP/1.1 200 OK` and the lines after it): not sent. */
  response?: Span;
}

/** JetBrains `import ./auth.http` (the line without its line break): that file's named requests can be run from here. */
export interface ImportNode extends Span {
  /** The word `import`. */
  keyword: Span;
  /** Trimmed; absent when the line names no file (diagnosed). */
  path?: TextNode;
}

/** `@user=alice` inside a run line's parentheses: the variable set for that run. */
export interface RunOverrideNode extends Span {
  /** Without the `@`. */
  name: TextNode;
  /** Trimmed, as written (`{{...}}` in it is an expression of this file). */
  value: TextNode;
}

/**
 * JetBrains `run #Login`, `run ./auth.http#Login`, `run ./auth.http`, each optionally with
 * `(@name=value, ...)` (the line without its line break). Not a request: it runs others.
 */
export interface RunNode extends Span {
  /** The word `run`. */
  keyword: Span;
  /** The file whose requests run; absent for `run #name` (this file and its imports). */
  path?: TextNode;
  /** The request name after `#` (without it); absent for `run PATH` (every request of that file). */
  request?: TextNode;
  overrides: readonly RunOverrideNode[];
  /** The line has a `maximo.run-malformed` error (an unclosed `(`, a variable not written `@name=value`, ...): it is not run. */
  malformed?: true;
}

/** One request block: the text from a `###` line (or the start of the file) to the next, line breaks included. */
export interface BlockNode extends Span {
  /** From the first to the last non-blank line; empty at the block start when all is blank. */
  contentSpan: Span;
  separator?: SeparatorNode;
  /** `@name` directive, else the separator title. */
  name?: string;
  comments: readonly CommentNode[];
  directives: readonly DirectiveNode[];
  variables: readonly VariableNode[];
  scripts: readonly ScriptNode[];
  toolLines: readonly ToolLineNode[];
  request?: RequestNode;
  /** JetBrains `import` lines (only on blocks that have one: most have none). */
  imports?: readonly ImportNode[];
  /** JetBrains `run` lines (only on blocks that have one). */
  runs?: readonly RunNode[];
  /** Every `{{...}}` in the URL, headers, variable values, directive arguments and body, in order. */
  expressions: readonly ExpressionNode[];
  /** Structural problems found while building the tree (the rest are computed on demand). */
  diagnostics: readonly SyntaxDiagnostic[];
}

/** A block's tree as stored: relative offsets, plus the block text and its line starts. */
export interface BlockTree extends BlockNode {
  text: string;
  /** Relative offsets of the lines that start in this block (the first is 0). */
  lineStarts: readonly number[];
}

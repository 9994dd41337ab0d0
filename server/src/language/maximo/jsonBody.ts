/**
 * Checks a JSON body. `{{...}}` placeholders are allowed inside strings (`"{{site}}"`) and in
 * place of values (`"wopriority": {{prio}}`): before parsing, each is overwritten by text of
 * the same length that is valid where it stands, so offsets stay those of the source. Comment
 * and script lines inside the body (not sent) are blanked the same way.
 */
// The ESM build: the package's default (UMD) build loads its parts with a `require` that
// esbuild cannot follow, so a bundle would fail at run time.
import { ParseErrorCode, visit } from "jsonc-parser/lib/esm/main.js";
import type { Span, SyntaxDiagnostic } from "../common";
import type { BlockTree, RequestNode } from "./ast";
import { diagnostic } from "./diagnosticCodes";
import { requestNotSent } from "./httpMethods";

/** Whether the request sends its body as JSON. */
export function isJsonBody(request: RequestNode): boolean {
  const body = request.body;
  if (!body || body.parts.some((part) => part.kind === "file")) return false;
  if (request.methodName === "GRAPHQL" || body.graphql) return false;
  // Not sent, so not sent as JSON: a JetBrains WebSocket body holds `===`-separated messages.
  if (requestNotSent(request)) return false;
  let contentType: string | undefined;
  for (const header of request.headers) {
    const name = header.name.text.toLowerCase();
    if (name === "content-type") contentType = header.value.text.toLowerCase();
  }
  if (contentType !== undefined) return contentType.includes("json");
  // Maximo requests often leave Content-Type out; a body that opens like JSON is meant as JSON.
  const c = body.text.charCodeAt(0);
  return c === 123 /* { */ || c === 91 /* [ */;
}

/** The first JSON syntax error of the body, if any. */
export function checkJsonBody(tree: BlockTree, request: RequestNode): SyntaxDiagnostic | undefined {
  const body = request.body!;
  const { start, end } = body;
  const { masked: withEscapes, placeholders } = maskBody(tree, start, end);
  // httpyac sends `\{\{x\}\}` as a literal `{{x}}` (src/plugins/core/replacer/escapeVariableReplacer.ts).
  const masked = withEscapes.includes("\\{") ? withEscapes.replace(ESCAPED_BRACES, (m) => "x".repeat(m.length)) : withEscapes;
  // Most bodies are valid: one native parse says so. JSON.parse accepts nothing the strict visit
  // below rejects (test/language/jsonBodyCheck.test.ts), so only an invalid body is visited.
  if (parsesAsJson(masked)) return undefined;
  const filter = new PlaceholderFilter(placeholders, masked);
  let found: SyntaxDiagnostic | undefined;
  try {
    visitJson(masked, start, end, filter, (d) => (found ??= d));
  } catch {
    // jsonc-parser recurses per nesting level: a body nested tens of thousands deep overflows
    // the stack. Such a body is not checked rather than costing the request its tree.
    return undefined;
  }
  return found;
}

/** httpyac's escaped expression: `\{\{name\}\}`. */
export const ESCAPED_BRACES = /(?:\\\{){2}([^}]+?)(?:\\\}){2}/g;

export function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function visitJson(masked: string, start: number, end: number, filter: PlaceholderFilter, report: (d: SyntaxDiagnostic) => void): void {
  let found = false;
  visit(
    masked,
    {
      onError(error, offset, length) {
        if (found || filter.covers(offset)) return;
        const span: Span = { start: start + offset, end: start + offset + Math.max(length, 1) };
        if (span.end > end) span.end = Math.max(end, span.start);
        found = true;
        report(diagnostic("maximo.json-invalid", span, jsonMessage(error, masked, offset)));
      },
    },
    { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
  );
}

/** The body text with comments, scripts and placeholders overwritten (same length). */
function maskBody(tree: BlockTree, start: number, end: number): { masked: string; placeholders: Span[] } {
  const text = tree.text;
  const spans: { span: Span; blank: boolean }[] = [];
  for (const list of [tree.comments, tree.directives, tree.toolLines, tree.scripts]) {
    for (const node of list) if (node.start >= start && node.end <= end) spans.push({ span: node, blank: true });
  }
  for (const e of tree.expressions) if (e.start >= start && e.end <= end) spans.push({ span: e, blank: false });
  const placeholders: Span[] = [];
  if (spans.length === 0) return { masked: text.slice(start, end), placeholders };
  spans.sort((x, y) => x.span.start - y.span.start);
  const json = new JsonContext(text);
  const pieces: string[] = [];
  let at = start;
  for (const { span, blank } of spans) {
    if (span.start < at) continue;
    json.read(at, span.start);
    pieces.push(text.slice(at, span.start));
    const length = span.end - span.start;
    if (blank) {
      pieces.push(" ".repeat(length));
    } else {
      pieces.push(standIn(json, text, span, end));
      placeholders.push({ start: span.start - start, end: span.end - start });
    }
    at = span.end;
  }
  pieces.push(text.slice(at, end));
  return { masked: pieces.join(""), placeholders };
}

/**
 * Text of the placeholder's length that is valid JSON where it stands: filler inside a string,
 * a name before `:`, a whole member where members go, a number where a value goes.
 */
function standIn(json: JsonContext, text: string, span: Span, end: number): string {
  const length = span.end - span.start;
  if (json.inString) return "x".repeat(length);
  let next = span.end;
  while (next < end && isJsonSpace(text.charCodeAt(next))) next++;
  if (text[next] === ":") return '"' + "x".repeat(length - 2) + '"';
  if (json.inObject && (json.lastSignificant === "{" || json.lastSignificant === ",")) return '"":0' + " ".repeat(length - 4);
  return "0" + " ".repeat(length - 1);
}

/** What JSON structure surrounds a position: reads the text in order, skipping placeholders. */
class JsonContext {
  inString = false;
  lastSignificant = "";
  private readonly stack: string[] = [];

  constructor(private readonly text: string) {}

  get inObject(): boolean {
    return this.stack[this.stack.length - 1] === "{";
  }

  read(from: number, to: number): void {
    const text = this.text;
    for (let i = from; i < to; i++) {
      const c = text[i]!;
      if (this.inString) {
        if (c === "\\") i++;
        else if (c === '"') this.inString = false;
        continue;
      }
      if (c === '"') {
        this.inString = true;
        this.lastSignificant = c;
      } else if (c === "{" || c === "[") {
        this.stack.push(c);
        this.lastSignificant = c;
      } else if (c === "}" || c === "]") {
        this.stack.pop();
        this.lastSignificant = c;
      } else if (!isJsonSpace(c.charCodeAt(0))) {
        this.lastSignificant = c;
      }
    }
  }
}

/** Errors at a placeholder, or at the token right after it, come from the stand-in value. */
class PlaceholderFilter {
  private index = 0;
  private readonly nextToken: number[];

  constructor(private readonly placeholders: Span[], masked: string) {
    this.nextToken = placeholders.map((p) => {
      let next = p.end;
      while (next < masked.length && isJsonSpace(masked.charCodeAt(next))) next++;
      return next;
    });
  }

  /** Errors arrive in text order, so one forward pass over the placeholders suffices. */
  covers(offset: number): boolean {
    while (this.index < this.placeholders.length && this.nextToken[this.index]! < offset) this.index++;
    const p = this.placeholders[this.index];
    return p !== undefined && ((offset >= p.start && offset < p.end) || offset === this.nextToken[this.index]);
  }
}

function isJsonSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

function jsonMessage(error: ParseErrorCode, text: string, offset: number): string {
  const what = describe(error, text, offset);
  return `Invalid JSON in the body: ${what}`;
}

function describe(error: ParseErrorCode, text: string, offset: number): string {
  switch (error) {
    case ParseErrorCode.ValueExpected:
    case ParseErrorCode.PropertyNameExpected: {
      if (offset >= text.length) return "the body ends where a value is expected.";
      let before = offset - 1;
      while (before >= 0 && /\s/.test(text[before]!)) before--;
      if (text[before] === ",") return "a trailing comma; remove the comma before this.";
      return error === ParseErrorCode.PropertyNameExpected
        ? 'a property name is expected here, in double quotes ("name": value).'
        : "a value is expected here (a string in double quotes, a number, true, false, null, an object or an array).";
    }
    case ParseErrorCode.InvalidSymbol:
      if (text[offset] === "'") return "strings and names are written in double quotes, not single quotes.";
      if (/^[^\s,:\]}]/.test(text.slice(offset)) && offset > 0 && text.slice(0, offset).trim().length > 0 && isAfterValue(text, offset)) {
        return "unexpected text after the JSON value; a body holds one value.";
      }
      return "this is not JSON; strings are written in double quotes and {{variables}} are allowed.";
    case ParseErrorCode.ColonExpected:
      return 'a colon is expected after the property name ("name": value).';
    case ParseErrorCode.CommaExpected:
      return "a comma is expected between members.";
    case ParseErrorCode.CloseBraceExpected:
      return "the object is not closed; add `}`.";
    case ParseErrorCode.CloseBracketExpected:
      return "the array is not closed; add `]`.";
    case ParseErrorCode.EndOfFileExpected:
      return "unexpected text after the JSON value; a body holds one value.";
    case ParseErrorCode.UnexpectedEndOfString:
      return 'the string is not closed; add `"`.';
    case ParseErrorCode.InvalidEscapeCharacter:
      return "invalid escape in a string; write `\\\\` for a backslash.";
    case ParseErrorCode.InvalidCharacter:
      return "a control character (such as a tab or line break) inside a string; escape it (`\\t`, `\\n`).";
    case ParseErrorCode.InvalidUnicode:
      return "invalid `\\u` escape; write four hex digits.";
    case ParseErrorCode.InvalidNumberFormat:
    case ParseErrorCode.UnexpectedEndOfNumber:
      return "this number is not written as JSON numbers are (e.g. 12, -1.5, 2e3).";
    case ParseErrorCode.InvalidCommentToken:
    case ParseErrorCode.UnexpectedEndOfComment:
      return "JSON has no comments; put a comment on its own line starting with `#`.";
    default:
      return "this is not valid JSON.";
  }
}

/** Whether a complete top-level value ends before `offset`. */
function isAfterValue(text: string, offset: number): boolean {
  let depth = 0;
  let inString = false;
  let sawValue = false;
  for (let i = 0; i < offset; i++) {
    const c = text[i]!;
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') {
      inString = true;
      sawValue = true;
    } else if (c === "{" || c === "[") depth++;
    else if (c === "}" || c === "]") depth--;
    else if (!/\s/.test(c)) sawValue = true;
  }
  return depth === 0 && sawValue;
}

/**
 * `{{...}}` expressions: finding them in a block and telling their kind apart.
 *
 * An expression never spans lines; a `{{` without `}}` on its line runs to the end of the
 * region it is in. The scanner caches the next `{{` and `}}` it found, so a block is searched
 * in one pass even when it is mostly braces (a `{{{{...` line costs linear time).
 */
import type { ExpressionNode, TextNode } from "./ast";
import { EMPTY, orEmpty } from "./empty";

const CHAINED = /^([A-Za-z_][\w-]*)\.(response|request)(?:\.([A-Za-z]+))?(.*)$/s;
/** `$guid`, `$random.integer`, `$shared.host`; httpyac's `$input-askonce` is one name. */
const SYSTEM_NAME = /^\$[\w.]*(?:-askonce)?/;

export class ExpressionScanner {
  private nextOpen = -2;
  private nextClose = -2;
  private nextLf = -2;
  private nextCr = -2;
  private lastStart = 0;

  constructor(private readonly text: string) {}

  /** Appends the expressions that start in [start, end) of the block text to `out`. */
  scan(start: number, end: number, out: ExpressionNode[]): void {
    if (start < this.lastStart) {
      this.nextOpen = this.nextClose = this.nextLf = this.nextCr = -2;
    }
    this.lastStart = start;
    let from = start;
    while (from < end - 1) {
      const open = this.findOpen(from);
      if (open < 0 || open >= end - 1) return;
      // An unclosed `{{` ends with its line, and the next line is scanned on its own.
      const lineStop = Math.min(end, this.findLineBreak(open + 2));
      const close = this.findClose(open + 2);
      if (close >= 0 && close + 2 <= lineStop) {
        out.push(buildExpression(this.text, open, close + 2, true));
        from = close + 2;
      } else {
        out.push(buildExpression(this.text, open, lineStop, false));
        from = lineStop;
      }
    }
  }

  private findOpen(from: number): number {
    if (this.nextOpen === -1) return -1;
    if (this.nextOpen < from) this.nextOpen = this.text.indexOf("{{", from);
    return this.nextOpen;
  }

  private findClose(from: number): number {
    if (this.nextClose === -1) return -1;
    if (this.nextClose < from) this.nextClose = this.text.indexOf("}}", from);
    return this.nextClose;
  }

  /** The first `\n` or `\r` at or after `from`, or the end of the text. */
  private findLineBreak(from: number): number {
    if (this.nextLf !== -1 && this.nextLf < from) this.nextLf = this.text.indexOf("\n", from);
    if (this.nextCr !== -1 && this.nextCr < from) this.nextCr = this.text.indexOf("\r", from);
    const lf = this.nextLf < 0 ? this.text.length : this.nextLf;
    const cr = this.nextCr < 0 ? this.text.length : this.nextCr;
    return Math.min(lf, cr);
  }
}

function buildExpression(text: string, start: number, end: number, terminated: boolean): ExpressionNode {
  const inner = trimmedNode(text, start + 2, terminated ? end - 2 : end);
  const node: ExpressionNode = { start, end, inner, terminated, kind: "script", name: "", args: EMPTY };
  classify(node);
  return node;
}

/**
 * Sets the kind, name, arguments and chain of an expression from its inner text. Anything that
 * is neither empty, a system variable, a chained reference nor a (dotted) name stays "script":
 * httpyac evaluates it as JavaScript (`{{ a + b }}`).
 */
function classify(node: ExpressionNode): void {
  const text = node.inner.text;
  if (text.length === 0) {
    node.kind = "empty";
    return;
  }
  if (text.charCodeAt(0) === 36 /* $ */) {
    node.kind = "system";
    node.name = SYSTEM_NAME.exec(text)![0];
    node.args = orEmpty(splitArgs(text, node.name.length, node.inner.start));
    return;
  }
  const chained = text.includes(".re") ? CHAINED.exec(text) : null;
  if (chained) {
    setChain(node, chained);
  } else if (isVariableName(text) && !isJavaScriptValue(text)) {
    node.kind = "variable";
    node.name = text;
  }
}

/**
 * `{{true}}`, `{{null}}`, `{{process.env.HOME}}`: a value in JavaScript, which httpyac evaluates
 * every `{{...}}` as (src/plugins/javascript/javascriptVariableReplacer.ts), never a variable
 * (REST Client and JetBrains could not name one so either).
 */
function isJavaScriptValue(text: string): boolean {
  return text === "true" || text === "false" || text === "null" || text === "undefined" || text.startsWith("process.env.");
}

function setChain(node: ExpressionNode, match: RegExpExecArray): void {
  node.kind = "chained";
  node.name = match[1]!;
  node.chain = { source: match[2]!, part: match[3] ?? "", path: (match[4] ?? "").replace(/^\./, "") };
}

/**
 * `site`, `config.host`: names joined by dots, each a letter or `_` and then letters, digits,
 * `_` or `-` (a loop over the characters: a regex loop over the dots would backtrack, and
 * splitting allocates for every expression).
 */
function isVariableName(text: string): boolean {
  let partStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 /* . */) {
      if (partStart) return false;
      partStart = true;
      continue;
    }
    const nameStart = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95; /* A-Z a-z _ */
    if (partStart) {
      if (!nameStart) return false;
      partStart = false;
    } else if (!nameStart && !(c >= 48 && c <= 57) && c !== 45 /* - */) {
      return false;
    }
  }
  return !partStart;
}

/** Whitespace-separated arguments; `"..."` and `'...'` stay whole (quotes included). */
function splitArgs(text: string, from: number, base: number): TextNode[] {
  const args: TextNode[] = [];
  let i = from;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9) {
      i++;
      continue;
    }
    const start = i;
    if (c === 34 || c === 39) {
      const close = text.indexOf(text[i]!, i + 1);
      i = close < 0 ? text.length : close + 1;
    } else {
      while (i < text.length && text.charCodeAt(i) !== 32 && text.charCodeAt(i) !== 9) i++;
    }
    args.push({ start: base + start, end: base + i, text: text.slice(start, i) });
  }
  return args;
}

/** The text of [start, end) without surrounding spaces and tabs. */
export function trimmedNode(text: string, start: number, end: number): TextNode {
  while (start < end && isBlank(text.charCodeAt(start))) start++;
  while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
  return { start, end, text: text.slice(start, end) };
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

/**
 * Finds the `scriptConfig` a script file carries, in the forms the widely used Maximo deploy
 * tooling reads, so existing files deploy unchanged:
 *   JavaScript: `var scriptConfig = { ... };` (also `let`/`const`/bare assignment)
 *   Python:     `scriptConfig = """{ ... }"""` (any Python string quoting) or a dict literal.
 * The last top-level assignment wins, as it would when the script runs. Top-level as that tooling
 * reads it: for JavaScript a statement of the program itself, found by a parser (acorn), so one
 * inside a function or a comment is no config; for Python a line that starts in column 0, so an
 * indented one (in a `def`) and a `#` comment are none. A JavaScript file the parser cannot read
 * (Nashorn's own syntax) falls back to column-0 lines.
 */
import { acorn } from "../libraries/lazy";
import type { LanguageFamily } from "./language";
import { isLiteralObject, readLiteral, type LiteralValue } from "./literal";

export interface FoundConfig {
  /** The parsed object; absent when the text is broken (see `error`). */
  value?: { [key: string]: LiteralValue };
  /** The whole assignment, as offsets into the source. */
  start: number;
  end: number;
  /** 1-based line of the assignment. */
  line: number;
  /** What is wrong, as a sentence naming the line. */
  error?: string;
}

const jsAssignment = /^(?:(?:var|let|const)[ \t]+)?scriptConfig[ \t]*=\s*/gm;
const pyAssignment = /^scriptConfig[ \t]*=\s*/gm;

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function lastMatch(pattern: RegExp, source: string): RegExpExecArray | undefined {
  pattern.lastIndex = 0;
  let last: RegExpExecArray | undefined;
  for (let match = pattern.exec(source); match; match = pattern.exec(source)) last = match;
  return last;
}

/** Python's escapes in a non-raw string; unknown ones keep their backslash, as Python does. */
function pythonUnescape(text: string): string {
  const map: Record<string, string> = { "\\": "\\", '"': '"', "'": "'", n: "\n", t: "\t", r: "\r", "\n": "" };
  return text.replace(/\\([\\"'ntr\n])/g, (_, c: string) => map[c] ?? `\\${c}`);
}

interface PythonString {
  content: string;
  /** Offset of the first character inside the quotes. */
  contentStart: number;
  end: number;
}

function readPythonString(source: string, at: number): PythonString | string {
  const opening = /^([rRuU]?)("""|'''|"|')/.exec(source.slice(at, at + 4));
  if (!opening) return "scriptConfig must be a string holding JSON or a dict literal";
  const raw = opening[1]!.toLowerCase() === "r";
  const quote = opening[2]!;
  const contentStart = at + opening[0].length;
  let close = -1;
  if (quote.length === 3) {
    for (let i = contentStart; i < source.length; i++) {
      if (source[i] === "\\" && !raw) i++;
      else if (source.startsWith(quote, i)) {
        close = i;
        break;
      }
    }
  } else {
    for (let i = contentStart; i < source.length && source[i] !== "\n"; i++) {
      if (source[i] === "\\") i++;
      else if (source[i] === quote) {
        close = i;
        break;
      }
    }
  }
  if (close < 0) return `the string after scriptConfig = is not closed (${quote})`;
  const text = source.slice(contentStart, close);
  return { content: raw ? text : pythonUnescape(text), contentStart, end: close + quote.length };
}

function parsed(source: string, start: number, literalStart: number, text: string, textOffset: number, end?: number): FoundConfig {
  const line = lineAt(source, start);
  const result = readLiteral(text, textOffset);
  if (result.error) {
    const at = literalStart + (result.error.offset - textOffset);
    return { start, end: end ?? literalStart + (result.end - textOffset), line, error: `scriptConfig (line ${line}) is not valid: ${result.error.message} at line ${lineAt(source, at)}.` };
  }
  if (!isLiteralObject(result.value)) return { start, end: end ?? literalStart, line, error: `scriptConfig (line ${line}) must be an object ({ ... }).` };
  let stop = end ?? literalStart + (result.end - textOffset);
  if (end === undefined) {
    // `var scriptConfig = {...};` — the statement includes its semicolon.
    const semicolon = /^[ \t]*;/.exec(source.slice(stop));
    if (semicolon) stop += semicolon[0].length;
  }
  return { value: result.value, start, end: stop, line };
}

/** Where the last top-level `scriptConfig = ...` of a JavaScript program starts and its value begins; null when it has none; undefined when the program does not parse. */
function topLevelJsAssignment(source: string): { start: number; at: number } | null | undefined {
  let program: import("acorn").Program;
  try {
    program = acorn().parse(source, { ecmaVersion: "latest", sourceType: "script", allowReturnOutsideFunction: true, allowHashBang: true });
  } catch {
    return undefined;
  }
  let found: { start: number; at: number } | null = null;
  for (const statement of program.body) {
    if (statement.type === "VariableDeclaration") {
      for (const declarator of statement.declarations) {
        if (declarator.id.type === "Identifier" && declarator.id.name === "scriptConfig" && declarator.init) found = { start: statement.start, at: declarator.init.start };
      }
    } else if (statement.type === "ExpressionStatement" && statement.expression.type === "AssignmentExpression") {
      const { left, right, operator } = statement.expression;
      if (operator === "=" && left.type === "Identifier" && left.name === "scriptConfig") found = { start: statement.start, at: right.start };
    }
  }
  return found;
}

/** Where the last top-level `scriptConfig = ...` starts and its value begins: the parser's answer for JavaScript it can read, else the column-0 lines'. */
function assignmentOf(source: string, family: LanguageFamily): { start: number; at: number } | undefined {
  if (family === "javascript") {
    const parsed = topLevelJsAssignment(source);
    if (parsed !== undefined) return parsed ?? undefined;
  }
  const match = lastMatch(family === "javascript" ? jsAssignment : pyAssignment, source);
  return match && { start: match.index, at: match.index + match[0].length };
}

/** The `scriptConfig` of a source, or undefined when it has none. */
export function findScriptConfig(source: string, family: LanguageFamily): FoundConfig | undefined {
  const found = assignmentOf(source, family);
  if (!found) return undefined;
  const { start, at } = found;
  if (source[at] === "{") return parsed(source, start, at, source, at);
  if (family === "javascript") return { start, end: at, line: lineAt(source, start), error: `scriptConfig (line ${lineAt(source, start)}) must be an object literal ({ ... }).` };
  const text = readPythonString(source, at);
  if (typeof text === "string") return { start, end: at, line: lineAt(source, start), error: `scriptConfig (line ${lineAt(source, start)}): ${text}.` };
  // Error lines are counted in the unescaped text from the opening quote: exact unless the JSON spans escaped newlines.
  return parsed(source, start, text.contentStart, text.content, 0, text.end);
}

/**
 * Directives: `# @name`, `# @connection`, `# @timeout`, `# @expect`, ... Reads a directive
 * line into its name and arguments and checks the arguments of the directives Maximo
 * Workbench acts on. Directives of REST Client and httpyac (`@prompt`, `@no-cookie-jar`,
 * `@note`, `@ref`, `@import`, ...) and unknown ones are kept as written and not flagged.
 */
import type { SyntaxDiagnostic } from "../common";
import type { DirectiveNode, ExpectNode, TextNode } from "./ast";
import { diagnostic } from "./diagnosticCodes";
import { trimmedNode } from "./expressions";

const DIRECTIVE_LINE = /^[ \t]*(#+|\/\/+)[ \t]*@([^\s]*)/;

/** Reads a directive line (without its line break) that starts at `start` of the block text. */
export function readDirective(text: string, start: number, end: number, out: SyntaxDiagnostic[]): DirectiveNode {
  const match = DIRECTIVE_LINE.exec(text.slice(start, end))!;
  const nameStart = start + match[0].length - match[2]!.length;
  let word = match[2]!;
  // JetBrains also names a request `# @name = login` or `# @name=login` (jetbrains.com/help "HTTP request syntax").
  if (word.startsWith("name=")) word = "name";
  const name: TextNode = { start: nameStart, end: nameStart + word.length, text: word };
  let argsNode = trimmedNode(text, name.end, end);
  if (word === "name" && argsNode.text.startsWith("=")) argsNode = trimmedNode(text, argsNode.start + 1, argsNode.end);
  const node: DirectiveNode = { start, end, marker: match[1]!.startsWith("#") ? "#" : "//", name };
  if (argsNode.text.length > 0) node.args = argsNode;
  checkDirective(node, out);
  return node;
}

const NAME = /^[A-Za-z_][\w-]*$/;
const DURATION = /^(\d+)(ms|s|m)?$/;
const NO_ARGUMENT = new Set(["all-pages", "no-redirect", "verify", "server-log"]);
/** Words of a name joined by blanks (`Login and Remember Token`). */
const SPACED_NAME = /^[A-Za-z_][\w-]*(?:[ \t]+[\w-]+)+$/;
/** A comment after a directive that takes no argument (`# @no-redirect // keep the 302`). */
const TRAILING_COMMENT = /^(?:\/\/|#)/;

function checkDirective(node: DirectiveNode, out: SyntaxDiagnostic[]): void {
  const { name, args } = node;
  switch (name.text) {
    case "name":
      if (!args) {
        out.push(diagnostic("maximo.name-invalid", node, "`@name` names nothing: write `# @name wo1` to refer to the response as `{{wo1.response...}}`."));
      } else if (SPACED_NAME.test(args.text)) {
        // JetBrains names requests with any text (`run #Login and Remember Token`), httpyac too; REST Client reads one word only.
        out.push(
          diagnostic(
            "maximo.name-spaces",
            args,
            `\`${args.text}\` names the request for JetBrains (\`run #${args.text}\`) and httpyac, but REST Client ignores a name with spaces, and \`{{name.response...}}\` cannot use it: write one word (e.g. \`${args.text.split(/\s+/).map((w, i) => (i === 0 ? w : w[0]!.toUpperCase() + w.slice(1))).join("")}\`) to refer to its response.`,
          ),
        );
      } else if (!NAME.test(args.text)) {
        out.push(
          diagnostic(
            "maximo.name-invalid",
            args,
            `\`${args.text}\` cannot be used in \`{{name.response...}}\`: a request name is one word of letters, digits, \`_\` and \`-\`, starting with a letter (e.g. \`wo1\`).`,
          ),
        );
      }
      return;
    case "connection":
      if (!args) {
        out.push(diagnostic("maximo.connection-missing-name", node, "`@connection` needs the name of a connection: write `# @connection dev`."));
      }
      return;
    case "timeout": {
      const match = args ? DURATION.exec(args.text) : null;
      if (!match) {
        out.push(
          diagnostic(
            "maximo.timeout-invalid",
            args ?? node,
            `${args ? `\`${args.text}\` is not a duration` : "`@timeout` needs a duration"}: write a whole number with ms, s or m, e.g. \`# @timeout 30s\` (a bare number is milliseconds).`,
          ),
        );
        return;
      }
      const unit = match[2] ?? "ms";
      node.timeoutMs = Number(match[1]) * (unit === "ms" ? 1 : unit === "s" ? 1000 : 60_000);
      return;
    }
    case "expect":
      if (!args) {
        out.push(diagnostic("maximo.expect-missing", node, "`@expect` has no expectation: write e.g. `# @expect status 200` or `# @expect body.member.length > 0`."));
        return;
      }
      readExpect(node, args, out);
      return;
    default:
      if (NO_ARGUMENT.has(name.text) && args && !TRAILING_COMMENT.test(args.text)) {
        out.push(diagnostic("maximo.directive-unexpected-argument", args, `\`@${name.text}\` takes no argument; \`${args.text}\` is ignored.`));
      }
  }
}

const OPERATORS = ["==", "!=", "<=", ">=", "<", ">", "contains", "!contains", "matches", "exists", "!exists", "startsWith", "endsWith"];
const COMPARISONS = new Set(["==", "!=", "<", "<=", ">", ">="]);
const NO_VALUE = new Set(["exists", "!exists"]);
const SUBJECT = /^(status|duration|header|body)(?=$|[\s.[/])/;
const EXPECT_FORMS =
  "write `status 200`, `status < 400`, `header content-type contains json`, `body.member.length > 0`, `body.member[0].status == \"APPR\"` or `duration < 2s`";

/** `@expect SUBJECT [TARGET] [OPERATOR [VALUE]]`. */
function readExpect(node: DirectiveNode, args: TextNode, out: SyntaxDiagnostic[]): void {
  const text = args.text;
  const base = args.start;
  const invalid = (why: string) => out.push(diagnostic("maximo.expect-invalid", args, `${why}: ${EXPECT_FORMS}.`));
  const subject = SUBJECT.exec(text);
  if (!subject) {
    invalid(`\`${firstWord(text)}\` is not something an expectation can check`);
    return;
  }
  const kind = subject[1] as ExpectNode["subject"];
  let at = subject[0].length;
  let target: TextNode | undefined;
  if (kind === "body") {
    // The path runs to the first blank outside brackets and quotes: `body.member[0].wonum`,
    // `body.member[?(@.status == 'APPR')].wonum`, `body//wo[status = "APPR"]/wonum`.
    const end = endOfPath(text);
    target = { start: base, end: base + end, text: text.slice(0, end) };
    at = end;
  } else if (kind === "header") {
    const nameNode = nextWord(text, at, base);
    if (!nameNode) {
      invalid("`header` needs the header name");
      return;
    }
    target = nameNode;
    at = nameNode.end - base;
  }
  const operatorNode = nextWord(text, at, base);
  let operator = operatorNode?.text;
  let value: TextNode | undefined;
  if (operator !== undefined && !OPERATORS.includes(operator)) {
    // `status 200`: the operator `==` is implied.
    if (kind === "status") {
      value = trimmedNode(text, at, text.length);
      operator = "==";
    } else {
      invalid(`\`${operator}\` is not an operator (use ${OPERATORS.join(", ")})`);
      return;
    }
  } else if (operatorNode) {
    value = trimmedNode(text, operatorNode.end - base, text.length);
  }
  if (value) value = { start: base + value.start, end: base + value.end, text: value.text };
  if (value && value.text.length === 0) value = undefined;
  if (operator === undefined) {
    if (kind !== "header") {
      invalid(`\`${text}\` says what to check but not what to expect`);
      return;
    }
    operator = "exists";
  }
  if (NO_VALUE.has(operator) && value) {
    invalid(`\`${operator}\` takes no value`);
    return;
  }
  if (!NO_VALUE.has(operator) && !value) {
    invalid(`\`${operator}\` needs a value`);
    return;
  }
  if ((kind === "status" || kind === "duration") && !COMPARISONS.has(operator)) {
    invalid(`\`${kind}\` is compared with ==, !=, <, <=, > or >=`);
    return;
  }
  if (kind === "status" && value && !/^([1-5]\d\d|[1-5]xx)$/.test(value.text)) {
    invalid(`\`${value.text}\` is not a status code (a number such as 200, or a class such as 2xx)`);
    return;
  }
  if (kind === "duration" && value && !/^\d+(ms|s)?$/.test(value.text)) {
    invalid(`\`${value.text}\` is not a duration (milliseconds, or a number with ms or s)`);
    return;
  }
  const expect: ExpectNode = { subject: kind, operator };
  if (target) expect.target = target;
  if (operatorNode && operatorNode.text === operator) expect.operatorSpan = { start: operatorNode.start, end: operatorNode.end };
  if (value) expect.value = value;
  node.expect = expect;
}

/** The first blank that is not inside `[...]`, `(...)` or quotes (JSONPath filters, XPath predicates). */
function endOfPath(text: string): number {
  let depth = 0;
  let quote = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = "";
    } else if (c === "'" || c === '"') quote = c;
    else if (c === "[" || c === "(") depth++;
    else if ((c === "]" || c === ")") && depth > 0) depth--;
    else if ((c === " " || c === "\t") && depth === 0) return i;
  }
  return text.length;
}

function firstWord(text: string): string {
  return text.slice(0, indexOfBlank(text, 0));
}

function indexOfBlank(text: string, from: number): number {
  let i = from;
  while (i < text.length && text.charCodeAt(i) !== 32 && text.charCodeAt(i) !== 9) i++;
  return i;
}

/** The next whitespace-separated word at or after `from`, with spans shifted by `base`. */
function nextWord(text: string, from: number, base: number): TextNode | undefined {
  let start = from;
  while (start < text.length && (text.charCodeAt(start) === 32 || text.charCodeAt(start) === 9)) start++;
  if (start >= text.length) return undefined;
  const end = indexOfBlank(text, start);
  return { start: base + start, end: base + end, text: text.slice(start, end) };
}

/** Whether a block carries httpyac's `# @loop` (its `{{$index}}` then has a value). */
export function hasLoop(block: { directives: readonly DirectiveNode[] }): boolean {
  return block.directives.some((d) => d.name.text === "loop");
}

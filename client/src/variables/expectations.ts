/**
 * `# @expect` lines checked against a response: `status 200`, `status < 400`, `status == 2xx`,
 * `header content-type contains json`, `body.member.length > 0`, `body.wonum == "1001"`,
 * `body.member[0].status != "CLOSE"`, `body.member[?(@.status=='APPR')].wonum contains "1001"`,
 * `body//wonum == "1001"` (XPath on XML), `exists`, `matches /re/`, `duration < 500`. The parser
 * (directives.ts) already split each line into an ExpectNode; this only evaluates it.
 */
import type { ExpectNode } from "../../../server/src/language/maximo/api";
import { looksSecret } from "../environments/secretNames";
import { isSecretHeader, mask } from "../http/redact";
import type { ExecutedResponse } from "../http/types";
import { asText, describe, order, parseLiteral, parsePattern, sameValue } from "./expectValues";
import { isWholeBody, queryBody } from "./bodyQuery";

export interface ExpectationResult {
  /** The expectation as written (`status 200`, `body.member.length > 0`). */
  text: string;
  passed: boolean;
  /** What was found; on a failure, what was expected against what came back. */
  detail: string;
}

export function evaluateExpectations(expects: readonly ExpectNode[], response: ExecutedResponse): ExpectationResult[] {
  return expects.map((expect) => evaluateOne(expect, response));
}

/** The actual value of the subject, or a reason it has none. */
type Actual = { value: unknown } | { missing: string };

function evaluateOne(expect: ExpectNode, response: ExecutedResponse): ExpectationResult {
  const text = textOf(expect);
  const result = (passed: boolean, detail: string): ExpectationResult => ({ text, passed, detail });
  const actual = actualOf(expect, response);
  // A cookie, token or password the response holds is compared, never quoted (reports, JUnit files).
  const shown = (value: unknown) => (holdsSecret(expect) ? mask : describe(value));
  const { operator } = expect;
  if (operator === "exists" || operator === "!exists") {
    const exists = "value" in actual && actual.value !== undefined;
    const detail = "value" in actual ? `found ${shown(actual.value)}` : actual.missing;
    return result(exists === (operator === "exists"), detail);
  }
  if (!("value" in actual)) return result(false, `expected ${text}, but ${actual.missing}`);
  const valueText = expect.value?.text ?? "";
  try {
    const passed = compare(expect, actual.value, valueText);
    return result(passed, passed ? `got ${shown(actual.value)}` : `expected ${text}, got ${shown(actual.value)}`);
  } catch (error) {
    return result(false, `${text}: ${(error as Error).message}`);
  }
}

/** `header set-cookie ...`, `header x-auth-token ...`, `body.access_token ...`: the value is a secret. */
function holdsSecret(expect: ExpectNode): boolean {
  if (expect.subject === "header") return isSecretHeader(expect.target?.text ?? "");
  return expect.subject === "body" && looksSecret(expect.target?.text ?? "");
}

function actualOf(expect: ExpectNode, response: ExecutedResponse): Actual {
  switch (expect.subject) {
    case "status":
      return { value: response.status };
    case "duration":
      return { value: response.timings.totalMs };
    case "header": {
      const name = expect.target?.text.toLowerCase() ?? "";
      const values = response.headers.filter(([n]) => n.toLowerCase() === name).map(([, v]) => v);
      return values.length > 0 ? { value: values.join(", ") } : { missing: `the response has no header ${name}` };
    }
    case "body":
      return bodyValue(expect.target?.text ?? "body", response);
  }
}

function bodyValue(target: string, response: ExecutedResponse): Actual {
  const path = target.slice("body".length);
  const text = response.text();
  const contentType = response.headers.find(([n]) => n.toLowerCase() === "content-type")?.[1];
  if (isWholeBody(path)) {
    // A body that is not JSON can still be checked as text (`body contains "ok"`).
    try {
      return { value: response.json() };
    } catch {
      return { value: text };
    }
  }
  // A path that can match several values (a filter, a wildcard) is checked against all of them.
  const found = queryBody({ text, contentType, label: "the body", json: () => response.json() }, path, true);
  return found.found ? { value: found.value } : { missing: found.reason };
}

function compare(expect: ExpectNode, actual: unknown, valueText: string): boolean {
  const { operator } = expect;
  if (expect.subject === "status" && /^[1-5]xx$/.test(valueText)) return compareClass(operator, actual as number, Number(valueText[0]));
  const expected = expect.subject === "duration" ? durationMs(valueText) : parseLiteral(valueText);
  // Header values are text: `header content-length > 100` compares numbers, `== 5` the text "5".
  const left = expect.subject === "header" && typeof expected === "number" && operator !== "==" && operator !== "!=" ? Number(actual) : actual;
  const right = expect.subject === "header" && (operator === "==" || operator === "!=") ? asText(expected) : expected;
  switch (operator) {
    case "==":
      return sameValue(left, right);
    case "!=":
      return !sameValue(left, right);
    case "<":
    case "<=":
    case ">":
    case ">=":
      return ordered(operator, left, right);
    case "contains":
      return contains(left, expected);
    case "!contains":
      return !contains(left, expected);
    case "startsWith":
      return asText(left).startsWith(asText(expected));
    case "endsWith":
      return asText(left).endsWith(asText(expected));
    case "matches":
      return parsePattern(valueText).test(asText(left));
    default:
      throw new Error(`\`${operator}\` is not an operator`);
  }
}

function ordered(operator: string, left: unknown, right: unknown): boolean {
  const difference = order(left, right);
  if (difference === undefined || Number.isNaN(difference)) {
    throw new Error(`${describe(left)} and ${describe(right)} cannot be ordered (compare two numbers or two strings)`);
  }
  if (operator === "<") return difference < 0;
  if (operator === "<=") return difference <= 0;
  if (operator === ">") return difference > 0;
  return difference >= 0;
}

/** A string holds a substring, an array a member, an object a key. */
function contains(actual: unknown, expected: unknown): boolean {
  if (typeof actual === "string") return actual.includes(asText(expected));
  if (Array.isArray(actual)) return actual.some((member) => sameValue(member, expected));
  if (actual !== null && typeof actual === "object") return Object.prototype.hasOwnProperty.call(actual, asText(expected));
  throw new Error(`${describe(actual)} is neither text, an array nor an object, so it contains nothing`);
}

/** `status == 2xx`: the class of the code; `status < 4xx` is below 400. */
function compareClass(operator: string, status: number, digit: number): boolean {
  const low = digit * 100;
  const high = low + 99;
  switch (operator) {
    case "==": return status >= low && status <= high;
    case "!=": return status < low || status > high;
    case "<": return status < low;
    case "<=": return status <= high;
    case ">": return status > high;
    default: return status >= low;
  }
}

/** `500`, `500ms`, `2s`. */
function durationMs(text: string): number {
  const match = /^(\d+)(ms|s)?$/.exec(text.trim());
  if (!match) throw new Error(`\`${text}\` is not a duration (milliseconds, or a number with ms or s)`);
  return Number(match[1]) * (match[2] === "s" ? 1000 : 1);
}

function textOf(expect: ExpectNode): string {
  const value = expect.value ? ` ${expect.value.text}` : "";
  switch (expect.subject) {
    case "status":
      // `status 200` implies `==`.
      return expect.operatorSpan ? `status ${expect.operator}${value}` : `status${value}`;
    case "header":
      return `header ${expect.target?.text ?? ""} ${expect.operator}${value}`;
    case "body":
      return `${expect.target?.text ?? "body"} ${expect.operator}${value}`;
    case "duration":
      return `duration ${expect.operator}${value}`;
  }
}

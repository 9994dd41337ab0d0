/**
 * Reading a value out of a request or response body, shared by chained references
 * (`{{wo.response.body.$.member[0].wonum}}`) and expectations (`# @expect body.member.length > 0`):
 * JSONPath on JSON bodies (jsonpath-plus, filters included:
 * `member[?(@.status=='APPR')].wonum`), XPath on XML bodies (`//wonum`, `//wo/@id`), as REST
 * Client reads them. The path may start with `$` or not (`member[0].wonum`); `[-1]` is the last
 * member; after a wildcard, filter, slice or `..`, `.length` counts the matches.
 */
import type { Document as XmlDocument, Element as XmlElement, Node as XmlNode } from "@xmldom/xmldom";
import { jsonPath, xmlDom, xpath, type XPathValue } from "../libraries/lazy";

/** `value` is what the path selects; with `all` and a path that can match many, the array of matches. */
export type QueryResult = { found: true; value: unknown } | { found: false; reason: string };

export interface BodySource {
  text: string;
  contentType?: string | undefined;
  /** Parses the text as JSON (the response caches its parse); throws when it is not JSON. */
  json(): unknown;
  /** How the body is named in a reason: `the body`, `the response body of "wo"`. */
  label: string;
}

/** An empty path, `$` or `*` means the whole body. */
export function isWholeBody(path: string): boolean {
  const text = normalise(path);
  return text === "" || text === "$" || text === "*";
}

/** Reads `path` from the body: XPath when the body is XML, JSONPath otherwise. `many`: a path that can match several values gives them all. */
export function queryBody(body: BodySource, path: string, many: boolean): QueryResult {
  const text = normalise(path);
  if (isXml(body)) return queryXml(body, text, many);
  let json: unknown;
  try {
    json = body.json();
  } catch (error) {
    return { found: false, reason: `${body.label} is not JSON (${(error as Error).message})` };
  }
  return queryJson(json, text, many, body.label);
}

/** `body.$.x` and `body.x` both arrive with a leading dot. */
function normalise(path: string): string {
  return path.trim().replace(/^\.(?!\/)/, "");
}

function isXml(body: BodySource): boolean {
  const type = body.contentType?.toLowerCase() ?? "";
  if (/[/+]xml\b/.test(type)) return true;
  if (/json/.test(type)) return false;
  return /^\s*</.test(body.text);
}

// JSONPath -------------------------------------------------------------------------------------

/** A step that selects at most one value: a name or an index. */
function isDefiniteStep(step: string): boolean {
  if (/^-?\d+$/.test(step)) return true;
  if (step === "" || step === "*" || step === ".." || step === "^" || step === "~") return false;
  if (/^\??\(/.test(step) || /^@\w+\(\)$/.test(step)) return false;
  // Slices (`1:3`, `-2:`) and unions (`0,1`, `'a','b'`).
  return !/^-?\d*:-?\d*(:-?\d*)?$/.test(step) && !step.includes(",");
}

/** `member[0].wonum`, `["spi:wonum"]`, as the path was written. */
function display(steps: readonly string[]): string {
  return steps.map((step, i) => (/^-?\d+$/.test(step) ? `[${step}]` : /^[A-Za-z_$][\w$-]*$/.test(step) ? `${i === 0 ? "" : "."}${step}` : `[${JSON.stringify(step)}]`)).join("");
}

/** A definite path in the bracket form jsonpath-plus reads; `[-1]` becomes the slice `[-1:]`, which it understands. */
function bracketPath(steps: readonly string[]): string {
  return "$" + steps.map((step) => (/^-\d+$/.test(step) ? `[${step}:${Number(step) + 1 || ""}]` : /^\d+$/.test(step) ? `[${step}]` : `[${JSON.stringify(step)}]`)).join("");
}

function evaluate(json: unknown, path: string): unknown[] {
  // wrap: always an array of matches; filters run in jsonpath-plus's own safe evaluator, never eval.
  return jsonPath()({ path, json: json as object, wrap: true, eval: "safe" }) as unknown[];
}

function queryJson(json: unknown, path: string, many: boolean, label: string): QueryResult {
  if (path === "" || path === "$" || path === "*") return { found: true, value: json };
  const full = path.startsWith("$") ? path : path.startsWith("[") ? `$${path}` : `$.${path}`;
  try {
    const steps = jsonPath().toPathArray(full).slice(1);
    if (steps.every(isDefiniteStep)) return definite(json, steps, label);
    // `member[?(@.status=='APPR')].length`: how many matched.
    const last = steps[steps.length - 1];
    if (last === "length" && !steps.slice(0, -1).every(isDefiniteStep)) {
      return { found: true, value: evaluate(json, full.replace(/\.length\s*$/, "")).length };
    }
    const matches = evaluate(json, full);
    if (matches.length === 0) return { found: false, reason: `${label} has nothing at ${path}` };
    return { found: true, value: many ? matches : matches[0] };
  } catch (error) {
    return { found: false, reason: `the path ${path} cannot be read: ${(error as Error).message.replace(/^jsonPath: /, "")}` };
  }
}

/** A path of names and indexes: one value, or the first step that found nothing. */
function definite(json: unknown, steps: readonly string[], label: string): QueryResult {
  const matches = evaluate(json, bracketPath(steps));
  if (matches.length > 0) return { found: true, value: matches[0] };
  let reached = 0;
  while (reached < steps.length - 1 && evaluate(json, bracketPath(steps.slice(0, reached + 1))).length > 0) reached++;
  return { found: false, reason: `${label} has nothing at ${display(steps.slice(0, reached + 1))}` };
}

// XPath ----------------------------------------------------------------------------------------

const ELEMENT = 1;
const ATTRIBUTE = 2;
const TEXT = 3;
const CDATA = 4;

function queryXml(body: BodySource, path: string, many: boolean): QueryResult {
  if (path === "" || path === "$" || path === "*") return { found: true, value: body.text };
  let document: XmlDocument;
  try {
    const { DOMParser } = xmlDom();
    // Warnings and recoverable errors are not printed (the CLI's output is the user's); fatal ones throw.
    document = new DOMParser({ onError: () => undefined }).parseFromString(body.text, "text/xml");
  } catch (error) {
    return { found: false, reason: `${body.label} is not well-formed XML (${firstLine(error)})` };
  }
  let result: XPathValue;
  try {
    // Prefixes the document declares (`spi:`, `rdf:`, `oslc:` in Maximo's XML) may be used in the path.
    result = xpath().useNamespaces(namespacesOf(document))(path, document as unknown as XmlNode);
  } catch (error) {
    return { found: false, reason: `the XPath ${path} cannot be read: ${firstLine(error)}` };
  }
  if (!Array.isArray(result)) {
    if (result === null || typeof result === "object") return result ? { found: true, value: nodeValue(result) } : { found: false, reason: `${body.label} has nothing at ${path}` };
    return { found: true, value: result };
  }
  if (result.length === 0) return { found: false, reason: `${body.label} has nothing at ${path}` };
  const values = result.map(nodeValue);
  return { found: true, value: many && values.length > 1 ? values : values[0] };
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0]!.trim();
}

function namespacesOf(document: XmlDocument): Record<string, string> {
  const namespaces: Record<string, string> = {};
  const visit = (element: XmlElement) => {
    for (let i = 0; i < element.attributes.length; i++) {
      const attribute = element.attributes.item(i)!;
      const prefix = attribute.localName;
      if (attribute.prefix === "xmlns" && prefix && !(prefix in namespaces)) namespaces[prefix] = attribute.value;
    }
    for (let child = element.firstChild; child; child = child.nextSibling) if (child.nodeType === ELEMENT) visit(child as XmlElement);
  };
  if (document.documentElement) visit(document.documentElement);
  return namespaces;
}

/** An attribute's value, a text node's text; an element's text, or its inner XML when it holds elements. */
function nodeValue(node: XmlNode): string {
  if (node.nodeType === ATTRIBUTE || node.nodeType === TEXT || node.nodeType === CDATA) return node.nodeValue ?? "";
  if (node.nodeType !== ELEMENT) return node.toString();
  let hasElements = false;
  for (let child = node.firstChild; child; child = child.nextSibling) if (child.nodeType === ELEMENT) hasElements = true;
  if (!hasElements) return node.textContent ?? "";
  let inner = "";
  for (let child = node.firstChild; child; child = child.nextSibling) inner += child.toString();
  return inner.trim();
}

/** How a found value is written into a request: strings as they are, the rest as JSON. */
export function valueText(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

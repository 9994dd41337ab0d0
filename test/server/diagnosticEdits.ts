// Request files and random edits for the property tests of diagnostics' faster paths: the
// language server's incremental diagnostics (fileDiagnostics.test.ts) and `maximo check`'s cache
// (test/cli/checkCache.test.ts).
import { pick } from "../language/maximoTestkit";

/**
 * Requests that give diagnostics of every kind: unknown attributes (schema, per block),
 * variables defined in one block and used in others, chained `{{name.response...}}`
 * references, a name used twice, a variable defined only at the end of the file.
 */
export function requests(count: number): string {
  const parts = ["@site = BEDFORD", ""];
  for (let i = 0; i < count; i++) {
    switch (i % 5) {
      case 0:
        parts.push(`### Create ${i}`, `# @name create${i}`, "POST os/mxapiwodetail?lean=1", "Content-Type: application/json", "", `{"wonum": "W${i}", "siteid": "{{site}}", "nosuchkey": 1}`, "");
        break;
      case 1:
        parts.push(`### Query ${i}`, `GET os/mxapiwodetail?oslc.where=status="APPR" and siteid="{{site}}"&oslc.select=wonum,descripton`, "");
        break;
      case 2:
        parts.push(`### Update ${i}`, `# @name dup`, `POST {{create${i - 2}.response.headers.location}}?lean=1`, "x-method-override: PATCH", "", `{"description": "{{late}}"}`, "");
        break;
      case 3:
        parts.push(`GET os/mxapiasset?oslc.select=assetnum,{{missing${i % 3}}}&oslc.where=assetnum="{{asset}}"`, "");
        break;
      default:
        parts.push(`@asset = A${i}`, `GET os/mxapiasset?oslc.where=assetnum="{{asset}}"&oslc.orderBy=-assetnum,`, "");
    }
  }
  parts.push("### The end", "@late = defined at the end", "GET os/mxapiperson?oslc.select=personid", "");
  return parts.join("\n");
}

const SNIPPETS = [
  "x", " ", "\n", "\r\n", "###\n", "### t\n", "#", '"', "?", "&", ",", "{{", "}}", "{{site}}", "{{late}}", "{{missing1}}", "{{create0.response.body}}",
  "@site = B\n", "@missing1 = m\n", "@late = 1\n", "# @name dup\n", "# @name create0\n", "# @import ./other.http\n", "{{\n", "}}\n",
  "GET os/mxapiasset?oslc.select=assetnum,nosuch\n", "POST os/mxapiwodetail\n\n{\"wonum\": 1}\n", "&oslc.where=status=\"APPR\"", "descripton", "é",
];

export interface Change {
  start: number;
  end: number;
  text: string;
}

/** Lines that define what other blocks use: variables, prompts, request names, an import. */
const DEFINITIONS = ["@late = 1\n", "@missing1 = m\n", "@missing2 = m\n", "@site = B\n", "# @name create0\n", "# @name dup\n", "# @prompt missing0\n", "# @import ./other.http\n", "### Part\n"];

/** Insert or delete characters or lines, replace a range, add or remove a definition; offsets in `text`. */
export function randomChange(random: () => number, text: string): Change {
  const at = Math.floor(random() * (text.length + 1));
  const kind = random();
  if (kind < 0.1) {
    // A definition at a line start.
    const lineStart = text.lastIndexOf("\n", at - 1) + 1;
    return { start: lineStart, end: lineStart, text: pick(random, DEFINITIONS) };
  }
  if (kind < 0.2) {
    // Remove a definition line (`@x = `, `# @name`, `# @prompt`, `# @import`) somewhere.
    const found = [...text.matchAll(/^(@|# @(name|prompt|import)).*\n/gm)];
    if (found.length > 0) {
      const line = pick(random, found);
      return { start: line.index!, end: line.index! + line[0].length, text: "" };
    }
  }
  if (kind < 0.4) return { start: at, end: at, text: pick(random, SNIPPETS) };
  if (kind < 0.6) return { start: at, end: Math.min(text.length, at + 1 + Math.floor(random() * 12)), text: "" };
  if (kind < 0.8) {
    // A whole line.
    const lineStart = text.lastIndexOf("\n", at - 1) + 1;
    const next = text.indexOf("\n", at);
    return { start: lineStart, end: next < 0 ? text.length : next + 1, text: random() < 0.5 ? "" : pick(random, SNIPPETS) };
  }
  return { start: at, end: Math.min(text.length, at + Math.floor(random() * 60)), text: pick(random, SNIPPETS) };
}


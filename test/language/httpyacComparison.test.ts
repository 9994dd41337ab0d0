/**
 * Our parser against httpyac's (the reference for `.http` files) on fixture files written after
 * the public examples of REST Client and httpyac, and on Maximo requests written for them:
 * the same requests, one by one, with the same method, URL, headers and body.
 *
 * Normalised on both sides only where the two tools store the same request differently:
 * - a body file (`< ./f`) is `<file>` (httpyac keeps a loader function in its place);
 * - multipart line ends are LF (httpyac joins the parts with CRLF at parse time, we when sending);
 * - a form written one `&key=value` per line is joined as both send it (ours: `joinFormLines`);
 * - a GraphQL body: httpyac keeps the query aside until it sends (gqlAction.ts) and parses only the
 *   JSON variables after it as the body; ours keeps both and compares its variables.
 * Request names are not compared: httpyac gives a `# @name` line above a request that follows
 * another without `###` to the request above; we give it to the request below it.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as httpyac from "httpyac";
import { parseDocument, type RequestNode } from "../../server/src/language/maximo/api";
import { joinFormLines } from "../../client/src/variables/body";

const root = process.env.MAXIMO_WORKBENCH_ROOT ?? process.cwd();
const FIXTURES = ["restclient.http", "httpyac.http", "maximo.http", "httpyacRegions.http"];

interface Compared {
  method: string;
  url: string;
  headers: Record<string, string | string[]>;
  body?: string;
}

function headerRecord(pairs: Array<[string, string]>): Record<string, string | string[]> {
  const record: Record<string, string | string[]> = {};
  for (const [name, value] of pairs) {
    const previous = record[name];
    record[name] = previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
  }
  return record;
}

const FILE_LINE = /^[ \t]*<@?[\w-]*[ \t]+\S[^\r\n]*$/gm;

/** The URL as written: path, then the query parameters (request line and continuation lines) joined. */
function writtenUrl(request: RequestNode): string {
  return request.url.path.text + request.url.query.map((p, i) => (i === 0 ? "?" : "&") + p.key.text + (p.value ? "=" + p.value.text : "")).join("");
}

function ours(text: string): Compared[] {
  return parseDocument(text).requests.map(({ request }) => {
    const headers = request.headers.map((h): [string, string] => [h.name.text, h.value.text]);
    const compared: Compared = { method: request.methodName, url: writtenUrl(request), headers: headerRecord(headers) };
    if (request.body?.graphql) {
      if (request.body.graphql.variables !== undefined) compared.body = request.body.graphql.variables;
    } else if (request.body) {
      const form = headers.some(([name, value]) => /^content-type$/i.test(name) && /x-www-form-urlencoded/i.test(value));
      const body = request.body.text.replace(FILE_LINE, "<file>");
      compared.body = form ? joinFormLines(body) : body;
    }
    return compared;
  });
}

async function theirs(text: string, file: string): Promise<Compared[]> {
  httpyac.cli.initFileProvider();
  const store = new httpyac.store.HttpFileStore();
  const parsed = await store.parse(file, text, { workingDir: join(root, "test", "fixtures", "http") });
  return parsed.httpRegions
    .filter((region) => region.request)
    .map((region) => {
      const request = region.request as { method: string; url: string; headers?: Record<string, string | string[]>; body?: unknown };
      const compared: Compared = { method: request.method, url: request.url, headers: { ...(request.headers ?? {}) } };
      if (request.body !== undefined) {
        const parts = Array.isArray(request.body) ? request.body : [request.body];
        compared.body = parts.map((part) => (typeof part === "string" ? part : "<file>")).join("").replace(/\r\n/g, "\n");
      }
      return compared;
    });
}

for (const name of FIXTURES) {
  test(`${name}: our parser reads the requests httpyac reads, one by one`, async () => {
    const path = join(root, "test", "fixtures", "http", name);
    const text = readFileSync(path, "utf8");
    const expected = await theirs(text, path);
    const actual = ours(text);
    assert.ok(expected.length >= 5, `httpyac reads ${expected.length} requests`);
    assert.equal(actual.length, expected.length, `request count: ours ${actual.map((r) => r.url).join(", ")}`);
    for (let i = 0; i < expected.length; i++) assert.deepEqual(actual[i], expected[i], `request ${i + 1} (${expected[i]!.method} ${expected[i]!.url})`);
  });

  test(`${name}: opens without an error or a warning (what httpyac runs and we do not is information)`, () => {
    const text = readFileSync(join(root, "test", "fixtures", "http", name), "utf8");
    const problems = parseDocument(text)
      .diagnostics()
      .filter((d) => d.severity !== "information")
      .map((d) => `${d.range.start.line + 1}: ${d.code} ${d.message}`);
    assert.deepEqual(problems, []);
  });
}

test("httpyac.http: every rule this fixture exercises is said as information where we do not run it", () => {
  const text = readFileSync(join(root, "test", "fixtures", "http", "httpyac.http"), "utf8");
  const codes = new Set(parseDocument(text).diagnostics().map((d) => d.code));
  for (const code of ["maximo.script-not-run", "maximo.assertion-not-run", "maximo.output-not-written", "maximo.directive-not-run"]) assert.ok(codes.has(code as never), code);
});

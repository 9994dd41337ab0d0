// Expectations from `# @expect` lines, each operator passing and failing with a useful detail.
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseDocument } from "../../../server/src/language/maximo/api";
import type { ExpectNode } from "../../../server/src/language/maximo/api";
import { evaluateExpectations } from "../../../client/src/variables";
import { fakeResponse } from "./support";

const response = fakeResponse(
  JSON.stringify({ wonum: "1001", count: 3, ok: true, none: null, member: [{ status: "APPR", wopriority: 2 }, { status: "CLOSE" }], tags: ["a", "b"] }),
  [
    ["content-type", "application/json; charset=utf-8"],
    ["content-length", "250"],
    ["etag", '"abc"'],
  ],
  201,
  420,
);

/** The expectations of `# @expect` lines, parsed by the language parser. */
function expectsOf(...lines: string[]): ExpectNode[] {
  const node = parseDocument(lines.map((line) => `# @expect ${line}\n`).join("") + "GET os/x\n").blocks[0]!.node();
  const expects = node.directives.map((d) => d.expect);
  assert.ok(expects.every((e) => e !== undefined), `every line parses: ${lines.join(" | ")}`);
  return expects as ExpectNode[];
}

function check(line: string, body = response) {
  return evaluateExpectations(expectsOf(line), body)[0]!;
}

const passing = [
  "status 201",
  "status == 201",
  "status < 400",
  "status == 2xx",
  "status != 4xx",
  "status >= 200",
  "header content-type contains json",
  "header Content-Type startsWith application/json",
  "header content-type endsWith utf-8",
  "header content-type matches /^application\\/json/",
  "header content-length > 100",
  "header content-length == 250",
  "header etag exists",
  "header x-missing !exists",
  "header etag",
  "body.member.length > 0",
  "body.member.length == 2",
  'body.wonum == "1001"',
  "body.count == 3",
  "body.ok == true",
  "body.none == null",
  'body.member[0].status != "CLOSE"',
  'body.$.member[-1].status == "CLOSE"',
  "body.member[0].wopriority <= 2",
  "body.member exists",
  "body.member[5] !exists",
  'body.tags contains "b"',
  'body.tags !contains "z"',
  'body.wonum startsWith "10"',
  'body.wonum endsWith "01"',
  "body.wonum matches /^\\d{4}$/",
  'body contains "wonum"',
  "duration < 500",
  "duration <= 1s",
];

test("each operator passes when the response agrees", () => {
  for (const line of passing) {
    const result = check(line);
    assert.equal(result.passed, true, `${line}: ${result.detail}`);
    assert.ok(result.text.length > 0);
  }
});

const failing: Array<[string, RegExp]> = [
  ["status 200", /expected status 200, got 201/],
  ["status < 201", /expected status < 201, got 201/],
  ["status == 4xx", /got 201/],
  ["header content-type contains xml", /expected header content-type contains xml, got "application\/json; charset=utf-8"/],
  ["header x-missing exists", /the response has no header x-missing/],
  ["header etag !exists", /found/],
  ['body.wonum == 1001', /expected body.wonum == 1001, got "1001" \(a string\)/],
  ['body.member[0].status != "APPR"', /got "APPR"/],
  ["body.member.length > 5", /got 2 \(a number\)/],
  ["body.member[5].status exists", /the body has nothing at member\[5\]/],
  ['body.member[5].status == "X"', /expected body.member\[5\].status == "X", but the body has nothing at member\[5\]/],
  ['body.tags contains "z"', /got \["a","b"\]/],
  ['body.wonum startsWith "2"', /got "1001"/],
  ['body.wonum endsWith "2"', /got "1001"/],
  ["body.wonum matches /^x/", /got "1001"/],
  ["body.wonum matches /(/", /Invalid regular expression/],
  ["body.ok > 1", /cannot be ordered/],
  ["body.count contains 3", /contains nothing/],
  ["duration < 100", /expected duration < 100, got 420/],
];

test("each operator fails with expected against actual", () => {
  for (const [line, detail] of failing) {
    const result = check(line);
    assert.equal(result.passed, false, `${line} should fail`);
    assert.match(result.detail, detail, line);
  }
});

test("long actual values are truncated in the detail", () => {
  const big = fakeResponse(JSON.stringify({ text: "x".repeat(5000) }));
  const result = check('body.text == "y"', big);
  assert.equal(result.passed, false);
  assert.ok(result.detail.length < 200, result.detail);
  assert.match(result.detail, /…/);
});

test("a body that is not JSON: whole-body checks read the text, paths say it is not JSON", () => {
  const text = fakeResponse("plain OK");
  assert.equal(check('body contains "OK"', text).passed, true);
  const path = check("body.x exists", text);
  assert.equal(path.passed, false);
  assert.match(path.detail, /not JSON/);
});

test("several expectations keep their order and text as written", () => {
  const results = evaluateExpectations(expectsOf("status 201", "body.member.length > 0", "duration < 100"), response);
  assert.deepEqual(
    results.map((r) => [r.text, r.passed]),
    [
      ["status 201", true],
      ["body.member.length > 0", true],
      ["duration < 100", false],
    ],
  );
});

test("a cookie, token or password the response holds is compared but never quoted (reports and JUnit files show the detail)", () => {
  const login = fakeResponse(JSON.stringify({ access_token: "eyJSECRET.TOKEN", user: "wilson" }), [
    ["set-cookie", "JSESSIONID=COOKIEVALUE; Path=/maximo; HttpOnly"],
    ["content-type", "application/json"],
  ]);
  for (const line of ['header set-cookie == "nope"', 'body.access_token == "nope"', "header set-cookie exists"]) {
    const result = check(line, login);
    assert.ok(!result.detail.includes("COOKIEVALUE") && !result.detail.includes("eyJSECRET"), `${line}: ${result.detail}`);
    assert.match(result.detail, /\*\*\*\*\*/);
  }
  assert.equal(check('body.access_token == "eyJSECRET.TOKEN"', login).passed, true);
  // What is no secret is still quoted.
  assert.match(check('body.user == "x"', login).detail, /got "wilson"/);
});

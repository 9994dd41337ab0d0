/**
 * `maximo run --junit FILE` against an in-process emulator: the report parsed as XML and checked
 * by structure and counts, as a CI server (Jenkins' JUnit plugin, GitLab's junit artifacts) reads
 * it: `<testsuites>` › a `<testsuite>` per file › a `<testcase>` per request, `<failure>` for a
 * failed status or expectation, `<error>` for a request that got no answer.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { DOMParser, type Element } from "@xmldom/xmldom";
import { runCli } from "../../client/src/cli/main";
import { junitXml, xmlAttribute, xmlText } from "../../client/src/cli/junitReport";
import { startEmulator, type EmulatorHandle } from "../../emulator/index";
import { defaultOptions } from "../../emulator/emulator";

// Invented for this test and registered only with the in-process emulator below: not real secrets.
const APIKEY = "emulator-test-key-cli-junit";
const PASSWORD = "Junit-Pa55-word-test";
let emu: EmulatorHandle;

before(async () => {
  const options = defaultOptions();
  options.credentials.apikeys = { ...options.credentials.apikeys, [APIKEY]: "MAXADMIN" };
  options.credentials.users = { ...options.credentials.users, MAXADMIN: PASSWORD };
  emu = await startEmulator({ port: 0, options: { ...options, workOrders: 30 } });
});
after(() => emu.close());

async function run(args: string[], cwd: string, env: Record<string, string> = { MAXIMO_APIKEY: APIKEY }) {
  const out: string[] = [];
  const code = await runCli(["run", ...args], (t) => out.push(t), (t) => out.push(t), { env, cwd });
  return { code, output: out.join("\n") };
}

function parseXml(text: string) {
  const errors: string[] = [];
  const document = new DOMParser({ onError: (level, message) => void (level !== "warning" && errors.push(message)) }).parseFromString(text, "text/xml");
  assert.deepEqual(errors, [], "the report is well-formed XML");
  return document;
}

const children = (element: Element, name: string) => Array.from(element.childNodes).filter((n): n is Element => n.nodeType === 1 && (n as Element).tagName === name);
const number = (element: Element, name: string) => Number(element.getAttribute(name));

test("--junit: a testsuite per file, a testcase per request, failures and errors counted in the attributes", async () => {
  const dir = mkdtempSync(join(tmpdir(), "maximo-junit-"));
  writeFileSync(
    join(dir, "a-workorders.maximo"),
    [
      "### Approved work orders",
      "# @name approved",
      "# @expect status 200",
      "# @expect body.member.length > 0",
      'GET os/mxapiwodetail?lean=1&oslc.select=wonum,status&oslc.where=status="APPR"&oslc.pageSize=5',
      "",
      "### Too many",
      "# @expect body.member.length == 999",
      "GET os/mxapiwodetail?lean=1&oslc.pageSize=2",
      "",
      "### Uses or",
      'GET os/mxapiwodetail?lean=1&oslc.where=status="APPR" or status="INPRG"',
      "",
      "### Undefined variable",
      "GET os/mxapiasset?oslc.where=siteid=\"{{nosuchsite}}\"",
      "",
    ].join("\n"),
  );
  writeFileSync(join(dir, "b-who.maximo"), ["### who <me> & \"you\"", "# @expect status 200", "GET whoami", ""].join("\n"));
  const report = join(dir, "reports", "junit.xml");
  const result = await run([dir, "--connection", emu.url, "--junit", "reports/junit.xml"], dir);
  assert.equal(result.code, 1, result.output);

  const document = parseXml(readFileSync(report, "utf8"));
  const root = document.documentElement!;
  assert.equal(root.tagName, "testsuites");
  assert.deepEqual([number(root, "tests"), number(root, "failures"), number(root, "errors")], [5, 2, 1]);
  const suites = children(root, "testsuite");
  assert.deepEqual(suites.map((s) => s.getAttribute("name")), ["a-workorders.maximo", "b-who.maximo"]);

  const [a, b] = suites as [Element, Element];
  assert.deepEqual([number(a, "tests"), number(a, "failures"), number(a, "errors"), number(a, "skipped")], [4, 2, 1, 0]);
  assert.deepEqual([number(b, "tests"), number(b, "failures"), number(b, "errors")], [1, 0, 0]);
  for (const suite of suites) {
    assert.match(suite.getAttribute("timestamp") ?? "", /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
    assert.ok(number(suite, "time") >= 0);
  }

  const cases = children(a, "testcase");
  assert.deepEqual(cases.map((c) => [c.getAttribute("name"), c.getAttribute("line"), c.getAttribute("classname")]), [
    ["approved (line 5)", "5", "a-workorders.maximo"],
    ["Too many (line 9)", "9", "a-workorders.maximo"],
    ["Uses or (line 12)", "12", "a-workorders.maximo"],
    ["Undefined variable (line 15)", "15", "a-workorders.maximo"],
  ]);
  const [passed, expectation, status, variable] = cases as [Element, Element, Element, Element];
  assert.equal(passed.childNodes.length, 0, "a passing request is an empty testcase");
  assert.ok(number(passed, "time") > 0, "time in seconds");

  const failure = children(expectation, "failure")[0]!;
  assert.equal(failure.getAttribute("type"), "ExpectationFailed");
  assert.match(failure.getAttribute("message") ?? "", /^✗ body\.member\.length == 999: expected body\.member\.length == 999, got 2/);
  assert.match(failure.textContent ?? "", /GET .*a-workorders\.maximo:9 Too many → HTTP 200/);

  // Reference: a real server rejects `or` in oslc.where with BMXAA8744E (PRODUCT.md).
  const statusFailure = children(status, "failure")[0]!;
  assert.equal(statusFailure.getAttribute("type"), "StatusFailed");
  assert.match(statusFailure.getAttribute("message") ?? "", /^BMXAA8744E: /);
  assert.match(statusFailure.textContent ?? "", /→ HTTP 400/);

  assert.equal(children(variable, "failure").length, 0);
  const error = children(variable, "error")[0]!;
  assert.equal(error.getAttribute("type"), "RequestError");
  assert.match(error.getAttribute("message") ?? "", /nosuchsite/);

  // Markup characters in a request name arrive as written once parsed.
  assert.equal(children(b, "testcase")[0]!.getAttribute("name"), 'who <me> & "you" (line 3)');
});

test("--junit holds no secret: a password the server echoes back is masked as in the terminal", async () => {
  const dir = mkdtempSync(join(tmpdir(), "maximo-junit-"));
  writeFileSync(
    join(dir, "secret.maximo"),
    [
      "### A record whose description is the password, read back by a failing expectation",
      '# @expect body.description == "something else"',
      "POST os/mxapiwodetail?lean=1",
      "Content-Type: application/json",
      "properties: wonum,description",
      "",
      '{"siteid": "BEDFORD", "description": "{{$processEnv MAXIMO_PASSWORD}}"}',
      "",
    ].join("\n"),
  );
  const result = await run([dir, "--connection", emu.url, "--junit", "junit.xml", "--verbose"], dir, { MAXIMO_USER: "maxadmin", MAXIMO_PASSWORD: PASSWORD });
  const xml = readFileSync(join(dir, "junit.xml"), "utf8");
  const failure = parseXml(xml).getElementsByTagName("failure")[0]!;
  // The emulator answers the create with the record (reference: the `properties` header), description included.
  assert.match(failure.getAttribute("message") ?? "", /got "\*+" \(a string\)/);
  const encoded = Buffer.from(`maxadmin:${PASSWORD}`).toString("base64");
  for (const secret of [PASSWORD, encoded]) {
    assert.ok(!xml.includes(secret), `secret in the report:\n${xml}`);
    assert.ok(!result.output.includes(secret), "and not in the terminal");
  }
});

test("XML escaping: markup, quotes in attributes, line breaks kept, characters XML cannot hold written as \\uXXXX", () => {
  assert.equal(xmlText(`a < b && c > d "q" 'a'`), `a &lt; b &amp;&amp; c &gt; d "q" 'a'`);
  assert.equal(xmlAttribute(`x="1"\nnext\tcol`), "x=&quot;1&quot;&#10;next&#9;col");
  assert.equal(xmlText("esc\u001b[31m bel\u0007 nul\u0000 ok\ttab"), "esc\\u001b[31m bel\\u0007 nul\\u0000 ok\ttab");
  const xml = junitXml(
    [{ file: "f\u001b.maximo", durationMs: 5, startedAt: new Date(0), outcomes: [{ label: "f:1", line: 1, method: "GET", expectations: [], passed: false, error: "bad \u0001 <thing> secret-value", notes: [] }] }],
    (text) => text.replaceAll("secret-value", "****"),
  );
  const document = parseXml(xml);
  const error = document.getElementsByTagName("error")[0]!;
  assert.equal(error.getAttribute("message"), "bad \\u0001 <thing> ****");
  assert.equal(document.getElementsByTagName("testsuite")[0]!.getAttribute("name"), "f\\u001b.maximo");
});

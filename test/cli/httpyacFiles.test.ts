// `maximo run` on a file written for httpyac / REST Client (`.http`), against the in-process
// emulator: requests without `###`, a body right after the headers, a query written
// percent-encoded, and what the command line cannot do said in a sentence.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../../client/src/cli/main";
import { startEmulator, type EmulatorHandle } from "../../emulator/index";

const APIKEY = "emulator-apikey";
let emu: EmulatorHandle;

before(async () => {
  emu = await startEmulator({ port: 0 });
});
after(() => emu.close());

async function run(text: string): Promise<{ code: number; stdout: string }> {
  const dir = mkdtempSync(join(tmpdir(), "maximo-httpyac-"));
  const file = join(dir, "requests.http");
  writeFileSync(file, text);
  const out: string[] = [];
  const code = await runCli(["run", file, "--connection", emu.url], (t) => out.push(t), (t) => out.push(t), { env: { MAXIMO_APIKEY: APIKEY }, cwd: dir });
  return { code, stdout: out.join("\n") };
}

test("run: a query written percent-encoded with + between terms reaches the server as written (servlet decoding, PRODUCT.md)", async () => {
  const result = await run(
    [
      "# @expect status 200",
      "# @expect body.member.length > 0",
      '# @expect body.member[0].status == "APPR"',
      '# @expect body.member[0].siteid == "BEDFORD"',
      "GET os/mxapiwodetail?lean=1&oslc.select=wonum%2Cstatus%2Csiteid&oslc.where=status%3D%22APPR%22+and+siteid%3D%22BEDFORD%22&oslc.pageSize=5",
      "",
    ].join("\n"),
  );
  assert.equal(result.code, 0, result.stdout);
  assert.match(result.stdout, /^1 passed, 0 failed$/m);
});

test("run: requests without ### between them run one by one, a body right after the headers is sent", async () => {
  const result = await run(
    [
      "# @expect status 200",
      "GET whoami",
      "# @name created",
      "# @expect status 201",
      "POST os/mxapiwodetail?lean=1",
      "Content-Type: application/json",
      '{"siteid": "BEDFORD", "description": "body without a blank line"}',
      "# @expect status 200",
      '# @expect body.member[0].description == "body without a blank line"',
      'GET os/mxapiwodetail?lean=1&oslc.select=description&oslc.where=description="body without a blank line"',
      "",
    ].join("\n"),
  );
  assert.equal(result.code, 0, result.stdout);
  assert.match(result.stdout, /^3 passed, 0 failed$/m);
});

test("run: a question for the user ($input) fails with a sentence saying the command line cannot ask", async () => {
  const result = await run("GET os/mxapiwodetail/{{$input Work order id}}\n");
  assert.equal(result.code, 1);
  assert.match(result.stdout, /\{\{\$input\}\} asks "Work order id" when the request is sent, and the command line cannot ask/);
  assert.match(result.stdout, /line 1/);
});

/**
 * `# @verify` in `maximo run` (issue 17 "Writes that verify themselves"): after a single-record
 * update (JSON API reference §11: POST with x-method-override PATCH to a member href) the record
 * is read back and each value sent compared with what the server holds. PRODUCT.md's real-server
 * facts give the silent failures: upper-case keys and `spi:` keys in a lean body are ignored
 * with a 204; the emulator's `ignoreField` fault stands for any other key a server does not read.
 */
import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../../client/src/cli/main";
import { startEmulator, type EmulatorHandle } from "../../emulator/index";

const APIKEY = "emulator-apikey";
let emu: EmulatorHandle;

before(async () => {
  emu = await startEmulator({ port: 0, options: { workOrders: 30 } });
});
after(() => emu.close());
beforeEach(() => emu.reset());

async function run(text: string): Promise<{ code: number; stdout: string }> {
  const dir = mkdtempSync(join(tmpdir(), "maximo-verify-"));
  const file = join(dir, "verify.maximo");
  writeFileSync(file, text);
  const out: string[] = [];
  const code = await runCli(["run", file, "--connection", emu.url], (t) => out.push(t), () => undefined, { env: { MAXIMO_APIKEY: APIKEY }, cwd: dir, progress: () => undefined });
  const stdout = out.join("\n");
  assert.ok(!stdout.includes(APIKEY), "no secret printed");
  return { code, stdout };
}

/** A file that reads the first asset, then updates it with `body`. */
function updateFile(body: string, extraHeaders = ""): string {
  return [
    "### first",
    "# @name first",
    "GET os/mxapiasset?lean=1&oslc.select=assetnum&oslc.pageSize=1",
    "",
    "### update",
    "# @verify",
    "POST {{first.response.body.member[0].href}}?lean=1",
    "x-method-override: PATCH",
    "patchtype: MERGE",
    ...(extraHeaders ? [extraHeaders] : []),
    "Content-Type: application/json",
    "",
    body,
    "",
  ].join("\n");
}

function firstAsset() {
  return emu.emulator.store.rows("asset")[0]!;
}

test("@verify passes when the server holds every value sent, and the read-back selects only the keys sent", async () => {
  const result = await run(updateFile('{ "description": "Verified pump", "serialnum": "SN-VERIFY-1" }'));
  assert.equal(result.code, 0, result.stdout);
  assert.match(result.stdout, /^PASS .*update {2}POST {2}204/m);
  assert.match(result.stdout, /@verify: the server holds every value sent \(description, serialnum\)/);
  const readBack = emu.log.list().at(-1)!;
  assert.equal(readBack.method, "GET");
  assert.match(readBack.path, /\/os\/mxapiasset\/[^/]+$/);
  assert.equal(new URLSearchParams(readBack.query).get("oslc.select"), "description,serialnum");
  assert.equal(new URLSearchParams(readBack.query).get("lean"), "1");
});

test("@verify fails a 204 whose upper-case key the server ignored, naming the key and the fix", async () => {
  const before = String(firstAsset().description);
  const result = await run(updateFile('{ "DESCRIPTION": "Never stored" }'));
  assert.equal(result.code, 1, result.stdout);
  assert.match(result.stdout, /^FAIL .*update {2}POST {2}204/m);
  assert.match(result.stdout, /the server did not keep this value: DESCRIPTION: sent "Never stored", the server holds "[^"]*" \(the server ignores upper-case keys: write it in lower case\)/);
  assert.equal(firstAsset().description, before);
  assert.match(result.stdout, /^1 passed, 1 failed$/m);
});

test("@verify fails a lean update with a spi: key (ignored by the server)", async () => {
  const result = await run(updateFile('{ "spi:description": "Prefixed" }'));
  assert.equal(result.code, 1, result.stdout);
  assert.match(result.stdout, /spi:description: sent "Prefixed".*drop `spi:`/);
});

test("@verify fails when the server silently keeps one attribute of several (the emulator's ignoreField fault)", async () => {
  emu.addFault({ path: "*", kind: "ignoreField", attribute: "serialnum", os: "mxapiasset" });
  const result = await run(updateFile('{ "description": "Stored", "serialnum": "SN-IGNORED" }'));
  assert.equal(result.code, 1, result.stdout);
  assert.match(result.stdout, /did not keep this value: serialnum: sent "SN-IGNORED"/);
  assert.doesNotMatch(result.stdout, /description: sent/, "the description was kept and is not named");
  assert.equal(firstAsset().description, "Stored");
});

test("@verify compares numbers by value and dates by what they mean", async () => {
  const text = [
    "### wo",
    "# @name wo",
    'GET os/mxapiwodetail?lean=1&oslc.select=wonum&oslc.pageSize=1&oslc.where=status="WAPPR"',
    "",
    "### update",
    "# @verify",
    "POST {{wo.response.body.member[0].href}}?lean=1",
    "x-method-override: PATCH",
    "Content-Type: application/json",
    "",
    '{ "wopriority": "2", "targstartdate": "2027-03-01T08:30:00", "targcompdate": "2027-03-02T10:00:00+02:00", "schedstart": "2027-03-05", "description": "Dated" }',
    "",
  ].join("\n");
  const result = await run(text);
  assert.equal(result.code, 0, result.stdout);
  assert.match(result.stdout, /@verify: the server holds every value sent \(wopriority, targstartdate, targcompdate, schedstart, description\)/);
  const row = emu.emulator.store.rows("workorder").find((r) => r.description === "Dated")!;
  // The server answers in its own zone, not as sent: the comparison had work to do.
  assert.deepEqual([row.wopriority, row.targstartdate, row.targcompdate, row.schedstart], [2, "2027-03-01T08:30:00+00:00", "2027-03-02T08:00:00+00:00", "2027-03-05T00:00:00+00:00"]);
});

test("@verify fails a date the server holds at another instant", async () => {
  emu.addFault({ path: "*", kind: "ignoreField", attribute: "targstartdate" });
  const text = [
    "# @name wo",
    'GET os/mxapiwodetail?lean=1&oslc.select=wonum&oslc.pageSize=1&oslc.where=status="WAPPR"',
    "",
    "###",
    "# @verify",
    "POST {{wo.response.body.member[0].href}}?lean=1",
    "x-method-override: PATCH",
    "Content-Type: application/json",
    "",
    '{ "targstartdate": "2031-01-01T00:00:00Z" }',
    "",
  ].join("\n");
  const result = await run(text);
  assert.equal(result.code, 1, result.stdout);
  assert.match(result.stdout, /targstartdate: sent "2031-01-01T00:00:00Z", the server holds/);
});

test("@verify on a read is a clear message, not a failure", async () => {
  const result = await run(["# @verify", "GET os/mxapiasset?lean=1&oslc.pageSize=1", ""].join("\n"));
  assert.equal(result.code, 0, result.stdout);
  assert.match(result.stdout, /@verify checks a single-record update .*this is a GET\./);
});

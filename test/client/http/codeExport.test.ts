// Copy as fetch (JavaScript) and Copy as Python requests: credentials are read from the same
// MAXIMO_* variables as Copy as curl, secrets in the body are masked, and the fetch code, run by
// node against the emulator, sends the request with the key taken from the environment.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { toFetch, toPython } from "../../../client/src/http/codeExport";
import { exportFor } from "../../../client/src/extension/run/curlCommand";
import type { OutgoingRequest } from "../../../client/src/http/types";
import { startEmulator, type EmulatorHandle } from "../../../emulator/index";
import { defaultOptions } from "../../../emulator/emulator";

const SECRETS = ["sekret-key", "bWF4YWRtaW46cHc=", "tkn-123", "JSESSIONID=1", "pw1", "qk-999"];

function outgoing(): OutgoingRequest {
  return {
    method: "POST",
    url: new URL('https://host/maximo/oslc/os/mxapiasset?lean=1&oslc.where=status="OPERATING"&apikey=qk-999'),
    headers: new Map([
      ["apikey", "sekret-key"],
      ["maxauth", "bWF4YWRtaW46cHc="],
      ["authorization", "Bearer tkn-123"],
      ["cookie", "JSESSIONID=1"],
      ["content-type", "application/json"],
      ["x-note", `it's "quoted" \${HOME} \\ back`],
    ]),
    body: Buffer.from('{"description":"a \'quoted\' $HOME","password":"pw1"}'),
  };
}

describe("Copy as fetch", () => {
  const code = toFetch(outgoing());
  test("no secret; credentials read from process.env by the curl export's names", () => {
    for (const secret of SECRETS) assert.ok(!code.includes(secret), `${secret} in\n${code}`);
    assert.match(code, /"apikey": process\.env\.MAXIMO_APIKEY,/);
    assert.match(code, /"maxauth": process\.env\.MAXIMO_MAXAUTH,/);
    assert.match(code, /"Authorization": "Bearer " \+ process\.env\.MAXIMO_TOKEN,/);
    assert.match(code, /"Cookie": process\.env\.MAXIMO_COOKIE,/);
    assert.match(code, /apikey=" \+ encodeURIComponent\(process\.env\.MAXIMO_APIKEY \?\? ""\)/);
    assert.match(code, /"password\\":\\"\*\*\*\*\*\\"/, "the body's password is masked as curl masks it");
  });
  test("is JavaScript that parses: quotes, backslashes and ${} stay literal", () => {
    assert.doesNotThrow(() => new Function(`return (async () => { ${code} })`));
    assert.match(code, /"x-note": "it's \\"quoted\\" \$\{HOME\} \\\\ back",/);
  });
});

describe("Copy as Python requests", () => {
  const code = toPython(outgoing());
  test("no secret; credentials read from os.environ by the curl export's names", () => {
    for (const secret of SECRETS) assert.ok(!code.includes(secret), `${secret} in\n${code}`);
    assert.match(code, /^import os\nimport requests\nfrom urllib\.parse import quote\n/);
    assert.match(code, /"apikey": os\.environ\["MAXIMO_APIKEY"\],/);
    assert.match(code, /"Authorization": "Bearer " \+ os\.environ\["MAXIMO_TOKEN"\],/);
    assert.match(code, /apikey=" \+ quote\(os\.environ\["MAXIMO_APIKEY"\], safe=""\)/);
    assert.match(code, /data=".*\*\*\*\*\*.*"\.encode\("utf-8"\),/);
    assert.match(code, /^response = requests\.request\(\n {4}"POST",$/m);
  });
  test("a request without credentials needs no os import", () => {
    const plain = toPython({ method: "GET", url: new URL("http://127.0.0.1:9/maximo/oslc/whoami"), headers: new Map([["accept", "application/json"]]) });
    assert.equal(plain, ['import requests', "", "response = requests.request(", '    "GET",', '    "http://127.0.0.1:9/maximo/oslc/whoami",', "    headers={", '        "accept": "application/json",', "    },", ")", "print(response.status_code, response.text)"].join("\n"));
  });
});

describe("a connection's credential header is added as a placeholder in every format", () => {
  const get = (): OutgoingRequest => ({ method: "GET", url: new URL("http://127.0.0.1:9/maximo/api/os/mxapiasset?lean=1"), headers: new Map([["accept", "application/json"]]) });
  test("apikey, basic and maxauth connections", () => {
    assert.match(exportFor("fetch", get(), { name: "a", url: "", apiRoot: "api", auth: "apikey" }, []), /"apikey": process\.env\.MAXIMO_APIKEY/);
    assert.match(exportFor("python", get(), { name: "b", url: "", apiRoot: "oslc", auth: "basic" }, []), /"Authorization": "Basic " \+ os\.environ\["MAXIMO_BASIC"\]/);
    assert.match(exportFor("python", get(), { name: "m", url: "", apiRoot: "oslc", auth: "maxauth" }, []), /"maxauth": os\.environ\["MAXIMO_MAXAUTH"\]/);
    assert.doesNotMatch(exportFor("fetch", get(), { name: "n", url: "", apiRoot: "oslc", auth: "none" }, []), /apikey|Authorization/);
  });
  test("a secret the connection knows is masked in the body", () => {
    const text = exportFor("fetch", { ...get(), method: "POST", body: Buffer.from('{"note":"s3cr3t-value"}') }, { name: "a", url: "", apiRoot: "api", auth: "apikey" }, ["s3cr3t-value"]);
    assert.ok(!text.includes("s3cr3t-value"));
  });
});

describe("the fetch code runs", () => {
  let emu: EmulatorHandle;
  before(async () => {
    emu = await startEmulator({ port: 0, options: defaultOptions() });
  });
  after(() => emu.close());

  test("node runs the copied code against the emulator; the key comes from MAXIMO_APIKEY", async () => {
    const request: OutgoingRequest = {
      method: "GET",
      url: new URL(`${emu.url}/api/os/mxapiwodetail?lean=1&oslc.select=wonum&oslc.pageSize=1`),
      headers: new Map([["accept", "application/json"]]),
    };
    const code = exportFor("fetch", request, { name: "emu", url: emu.url, apiRoot: "api", auth: "apikey" }, []);
    const file = join(mkdtempSync(join(tmpdir(), "maximo-fetch-")), "copied.mjs");
    writeFileSync(file, code);
    // Asynchronously: the emulator answers from this process's event loop.
    const result = await promisify(execFile)(process.execPath, [file], { encoding: "utf8", env: { PATH: process.env.PATH, MAXIMO_APIKEY: "emulator-apikey" } });
    assert.match(result.stdout, /^200 /, result.stderr);
    assert.match(result.stdout, /"member"/);
    const last = emu.log.list().at(-1)!;
    assert.equal(last.headers["apikey"], "emulator-apikey");
  });
});

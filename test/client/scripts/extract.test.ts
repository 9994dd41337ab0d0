/**
 * Extract (list the server's scripts, write them as files with their scriptConfig), the
 * deploy → extract round trip, and running a script through `/oslc/script/{name}` (JSON API
 * reference §14, whose COUNTOFWOANDSR example the emulator serves).
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, afterEach, before, beforeEach, describe, test } from "node:test";
import type { EmulatorHandle } from "../../../emulator/index";
import { extractScripts, type ExtractContext } from "../../../client/src/scripts/extract";
import { headline } from "../../../client/src/scripts/deployReport";
import { parseParameters, runScript } from "../../../client/src/scripts/runScript";
import { jsScript, pyScript, scriptEmulator, workspace, writes, type Workspace } from "./support";

let emu: EmulatorHandle;
let ws: Workspace;
before(async () => {
  emu = await scriptEmulator();
});
after(() => emu.close());
beforeEach(() => {
  emu.reset();
  ws = workspace(emu);
});
afterEach(() => ws.close());

function extractContext(outDir: string, overwrite = false): ExtractContext {
  return { api: ws.api, connection: "dev", server: ws.context.server, state: ws.state, outDir, workspaceDir: ws.dir, overwrite };
}

describe("list", () => {
  test("every seeded script with its description and language, in name order", async () => {
    const list = await ws.api.list();
    assert.deepEqual(
      list.map((s) => [s.name, s.language]),
      [
        ["ASSET_STATUS_CHANGE", "jython"],
        ["COUNTOFWOANDSR", "javascript"],
        ["LIB_DATE_UTILS", "javascript"],
        ["MXWB_CLOSE_WO", "jython"],
        ["MXWB_HELLO", "jython"],
        ["WO_DEFAULT_WORKTYPE", "javascript"],
        ["WO_VALIDATE_PRIORITY", "jython"],
      ],
    );
    assert.equal(list.find((s) => s.name === "MXWB_HELLO")!.description, "Hello world REST API script");
  });
});

describe("extract", () => {
  test("deploy then extract round-trips byte for byte, for a JavaScript and a Jython script", async () => {
    const js = jsScript("MXWB_TRIP_JS", "// ünïcödé\r\nvar x = 1;\t", {
      active: true,
      scriptLaunchPoints: [{ launchPointName: "MXWBTRIPJS", launchPointType: "OBJECT", objectName: "ASSET", save: true, add: true }],
    });
    const py = pyScript("MXWB_TRIP_PY", "x = '\\\\n'  # no newline at the end", { logLevel: "DEBUG" }).trimEnd();
    for (const [file, text] of [["in/trip.js", js], ["in/trip.py", py]] as const) {
      assert.equal((await ws.deploy(ws.file(file, text))).kind, "created");
    }
    const results = await extractScripts(["MXWB_TRIP_JS", "mxwb_trip_py"], extractContext(join(ws.dir, "out")));
    assert.deepEqual(results.map((r) => [r.name, r.status]), [["MXWB_TRIP_JS", "written"], ["MXWB_TRIP_PY", "written"]]);
    assert.deepEqual(readFileSync(join(ws.dir, "out", "MXWB_TRIP_JS.js")), Buffer.from(js, "utf8"));
    assert.deepEqual(readFileSync(join(ws.dir, "out", "MXWB_TRIP_PY.py")), Buffer.from(py, "utf8"));
  });

  test("a script without scriptConfig gets one describing its launch points and variables; deploying that file changes nothing", async () => {
    const [result] = await extractScripts(["WO_VALIDATE_PRIORITY"], extractContext(join(ws.dir, "scripts")));
    assert.equal(result!.status, "written");
    const text = readFileSync(result!.path!, "utf8");
    assert.match(text, /^# Object launch point on WORKORDER save/);
    assert.match(text, /scriptConfig = """\{\n {4}"autoscript": "WO_VALIDATE_PRIORITY",/);
    assert.match(text, /"launchPointName": "WOVALIDATEPRI",[\s\S]*"save": true,\n\s*"add": true,\n\s*"update": true,\n\s*"beforeSave": true/);
    assert.match(text, /"varname": "maxpri",[\s\S]*"varBindingType": "LITERAL"/);

    emu.log.clear();
    // Deploying it back: only the source gains the scriptConfig; launch points and variables already match.
    const outcome = await ws.deploy({ path: result!.path!, file: "scripts/WO_VALIDATE_PRIORITY.py", text });
    assert.equal(outcome.kind, "updated", headline(outcome));
    assert.deepEqual(writes(emu).map((r) => Object.keys(JSON.parse(r.body))), [["source"]]);
    const [again] = await extractScripts(["WO_VALIDATE_PRIORITY"], extractContext(join(ws.dir, "scripts")));
    assert.equal(again!.status, "unchanged");
    assert.equal(readFileSync(result!.path!, "utf8"), text);
  });

  test("extract remembers the pull: a server change after it is a conflict for the next deploy", async () => {
    const [pulled] = await extractScripts(["MXWB_HELLO"], extractContext(ws.dir));
    const text = readFileSync(pulled!.path!, "utf8");
    const response = await fetch(`${emu.url}/oslc/os/mxscript?lean=1&oslc.where=${encodeURIComponent('autoscript="MXWB_HELLO"')}`, { headers: { apikey: "emulator-apikey" } });
    const href = ((await response.json()) as { member: Array<{ href: string }> }).member[0]!.href;
    const changed = await fetch(`${href}?lean=1`, { method: "POST", headers: { apikey: "emulator-apikey", "x-method-override": "PATCH", patchtype: "MERGE", "content-type": "application/json" }, body: JSON.stringify({ source: "responseBody = 'changed'\n" }) });
    assert.equal(changed.status, 204);
    const outcome = await ws.deploy({ path: pulled!.path!, file: "MXWB_HELLO.py", text: text.replace("Hello, ", "Hi, ") });
    assert.equal(outcome.kind, "conflict", headline(outcome));
    assert.match(headline(outcome), /since this workspace last pulled it/);
  });

  test("a local file with other content is kept unless overwriting is asked for; unknown names are reported", async () => {
    const path = join(ws.dir, "MXWB_HELLO.py");
    writeFileSync(path, "# my local edits\n");
    const [kept, missing] = await extractScripts(["MXWB_HELLO", "NO_SUCH_SCRIPT"], extractContext(ws.dir));
    assert.equal(kept!.status, "skipped");
    assert.equal(kept!.message, "the file exists with other content; it was kept.");
    assert.equal(readFileSync(path, "utf8"), "# my local edits\n");
    assert.deepEqual([missing!.status, missing!.message], ["failed", "There is no automation script NO_SUCH_SCRIPT on dev."]);
    const [replaced] = await extractScripts(["MXWB_HELLO"], extractContext(ws.dir, true));
    assert.equal(replaced!.status, "written");
    assert.match(readFileSync(path, "utf8"), /^# Hello world REST script/);
    assert.ok(!existsSync(join(ws.dir, "NO_SUCH_SCRIPT.py")));
  });
});

describe("run", () => {
  test("/oslc/script/{name} with parameters (reference §14)", async () => {
    const params = parseParameters("name=Ada & other=1");
    assert.ok(Array.isArray(params));
    const response = await runScript(ws.executor, "MXWB_HELLO", params);
    assert.equal(response.status, 200);
    assert.deepEqual(response.json(), { message: "Hello, Ada!", user: "MAXADMIN" });
    assert.match(response.request.url.href, /\/oslc\/script\/MXWB_HELLO\?name=Ada&other=1$/);
    const count = await runScript(ws.executor, "countofwoandsr", [{ key: "site", value: "BEDFORD" }]);
    const body = count.json() as { wocount: number; srcount: number; total: number };
    assert.equal(body.total, body.wocount + body.srcount);
  });

  test("parameters that are not name=value are refused with an example", () => {
    assert.equal(parseParameters("site"), '"site" is not a name=value parameter; write them as site=BEDFORD&status=APPR.');
    assert.deepEqual(parseParameters(""), []);
  });
});

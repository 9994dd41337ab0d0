/**
 * Deploying automation scripts against the emulator's MXSCRIPT / MXAPIAUTOSCRIPT (issue 8, "What
 * it must show"). Expected behaviour comes from the JSON API reference §11 (create; update with
 * x-method-override PATCH; patchtype MERGE keeps children that are not sent, PATCH deletes
 * them), the practitioner guide "UPDATE" (If-Match with the ETag read; 412 when stale) and
 * PRODUCT.md's real-server facts (MXSCRIPT may be missing: BMXAA9301E → MXAPIAUTOSCRIPT; create
 * without a status, then activate with a MERGE).
 */
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, afterEach, before, beforeEach, describe, test } from "node:test";
import type { EmulatorHandle } from "../../../emulator/index";
import { headline } from "../../../client/src/scripts/deployReport";
import type { ScriptApi } from "../../../client/src/scripts/scriptApi";
import { jsScript, launchPointNames, launchPointVars, pyScript, scriptEmulator, scriptRow, workspace, writes, type Workspace } from "./support";

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

/** Another user changing the script in Maximo: a MERGE update sent as anyone would. */
async function changeOnServer(name: string, body: Record<string, unknown>): Promise<void> {
  const list = await fetch(`${emu.url}/oslc/os/mxapiautoscript?lean=1&oslc.select=autoscript&oslc.where=${encodeURIComponent(`autoscript="${name}"`)}`, { headers: { apikey: "emulator-apikey" } });
  const href = ((await list.json()) as { member: Array<{ href: string }> }).member[0]!.href;
  const response = await fetch(`${href}?lean=1`, {
    method: "POST",
    headers: { apikey: "emulator-apikey", "content-type": "application/json", "x-method-override": "PATCH", patchtype: "MERGE" },
    body: JSON.stringify(body),
  });
  assert.equal(response.status, 204, await response.text());
}

const orderCheck = `// Object launch point on WORKORDER save.
if (mbo.getString("worktype") == "EM" && mbo.isNull("wopriority")) {
    service.error("workorder", "needpriority");
}`;

describe("create", () => {
  test("a JavaScript file with scriptConfig: one POST with variables and launch points, no status, then activated with a MERGE", async () => {
    const text = jsScript("MXWB_ORDER_CHECK", orderCheck, {
      version: "1.0.0",
      active: true,
      logLevel: "info",
      autoScriptVars: [{ varname: "needpri", varType: "IN", varBindingType: "LITERAL", literalDataType: "ALN", varBindingValue: "Y" }],
      scriptLaunchPoints: [
        { launchPointName: "MXWBORDERCHK", launchPointType: "OBJECT", objectName: "WORKORDER", description: "Check on save", save: true, add: true, update: true, beforeSave: true, launchPointVars: [{ varName: "needpri", varBindingValue: "N" }] },
      ],
    });
    const input = ws.file("scripts/order_check.js", text);
    const outcome = await ws.deploy(input);
    assert.equal(outcome.kind, "created", headline(outcome));
    assert.equal(headline(outcome), "Deployed MXWB_ORDER_CHECK to dev");

    const row = scriptRow(emu, "MXWB_ORDER_CHECK")!;
    assert.equal(row.source, text, "the server stores the whole file, scriptConfig included");
    assert.equal(row.scriptlanguage, "javascript");
    assert.equal(row.status, "Active");
    assert.equal(row.loglevel, "INFO");
    assert.equal(row.version, "1.0.0");
    assert.deepEqual(launchPointNames(emu, "MXWB_ORDER_CHECK"), ["MXWBORDERCHK"]);
    const lp = emu.emulator.store.findByKey("scriptlaunchpoint", ["MXWBORDERCHK"])!;
    assert.equal(lp.objectevent, 2 | 4, "before save on add and update is OBJECTEVENT 6");
    assert.equal(lp.active, true);
    assert.deepEqual(launchPointVars(emu, "MXWBORDERCHK"), { needpri: "N" });

    const sent = writes(emu);
    assert.equal(sent.length, 2);
    assert.equal(sent[0]!.headers["x-method-override"], undefined);
    const created = JSON.parse(sent[0]!.body) as Record<string, unknown>;
    assert.equal(created.status, undefined, "PRODUCT.md: creating with a status can fail; create first");
    assert.equal(sent[1]!.headers["x-method-override"], "PATCH");
    assert.equal(sent[1]!.headers.patchtype, "MERGE");
    assert.deepEqual(JSON.parse(sent[1]!.body), { status: "Active" });
  });

  test("an attribute launch point deploys its event as ATTRIBUTEEVENT; allowInvokingScriptFunctions as INTERFACE; deploying again sends nothing", async () => {
    const text = jsScript("MXWB_ASSET_STATUS", "// validate the asset status", {
      allowInvokingScriptFunctions: true,
      scriptLaunchPoints: [{ launchPointName: "MXWBASSETSTAT", launchPointType: "ATTRIBUTE", objectName: "ASSET", attributeName: "STATUS", validate: true }],
    });
    const input = ws.file("scripts/asset_status.js", text);
    const outcome = await ws.deploy(input);
    assert.equal(outcome.kind, "created", headline(outcome));
    assert.deepEqual("warnings" in outcome ? outcome.warnings : [], []);
    assert.equal(emu.emulator.store.findByKey("scriptlaunchpoint", ["MXWBASSETSTAT"])!.attributeevent, 2);
    assert.equal(scriptRow(emu, "MXWB_ASSET_STATUS")!.interface, true);
    assert.equal((await ws.deploy(input)).kind, "unchanged");
  });

  test("a Jython file without scriptConfig: the name comes from the file name, the language from .py", async () => {
    const text = "# hello\nresponseBody = 'hi'\n";
    const outcome = await ws.deploy(ws.file("mxwb_plain.py", text));
    assert.equal(outcome.kind, "created", headline(outcome));
    const row = scriptRow(emu, "MXWB_PLAIN")!;
    assert.equal(row.scriptlanguage, "jython");
    assert.equal(row.source, text);
    // The deploy tooling these files come from activates every script it creates (Sharptree's
    // sharptree.autoscript.deploy.js sets ACTIVE on add): a Draft script's launch points never run.
    assert.equal(row.status, "Active", "created, then activated: nothing says otherwise");
    const draft = await ws.deploy(ws.file("mxwb_draft.py", 'x = 1\n\nscriptConfig = """{"autoscript": "MXWB_DRAFT", "active": false}"""\n'));
    assert.equal(draft.kind, "created", headline(draft));
    assert.equal(scriptRow(emu, "MXWB_DRAFT")!.status, "Draft", '"active": false keeps the create\'s default');
  });

  test("a .jy file is Jython too, and a Python dict literal is read as scriptConfig", async () => {
    const text = `x = 1\n\nscriptConfig = {\n    'autoscript': 'MXWB_DICT',  # a comment\n    'active': True,\n    'logLevel': 'DEBUG',\n}\n`;
    const outcome = await ws.deploy(ws.file("whatever.jy", text));
    assert.equal(outcome.kind, "created", headline(outcome));
    const row = scriptRow(emu, "MXWB_DICT")!;
    assert.equal(row.scriptlanguage, "jython");
    assert.equal(row.status, "Active");
    assert.equal(row.loglevel, "DEBUG");
  });

  test("a launch point another script owns is refused before anything is written", async () => {
    const text = jsScript("MXWB_THIEF", "var x = 1;", { scriptLaunchPoints: [{ launchPointName: "WOVALIDATEPRI", launchPointType: "OBJECT", objectName: "WORKORDER", save: true, add: true }] });
    const outcome = await ws.deploy(ws.file("thief.js", text));
    assert.equal(outcome.kind, "refused");
    assert.match(headline(outcome), /Launch point WOVALIDATEPRI belongs to script WO_VALIDATE_PRIORITY/);
    assert.equal(writes(emu).length, 0);
    assert.equal(scriptRow(emu, "MXWB_THIEF"), undefined);
  });
});

describe("update", () => {
  test("the source goes with x-method-override PATCH, patchtype MERGE and If-Match of the ETag read", async () => {
    const input = ws.file("MXWB_UPD.py", pyScript("MXWB_UPD", "a = 1"));
    assert.equal((await ws.deploy(input)).kind, "created");
    const etag = `"${String(scriptRow(emu, "MXWB_UPD")!._rowstamp)}"`;
    emu.log.clear();
    const changed = ws.file("MXWB_UPD.py", pyScript("MXWB_UPD", "a = 2"));
    const outcome = await ws.deploy(changed);
    assert.equal(outcome.kind, "updated", headline(outcome));
    assert.equal(scriptRow(emu, "MXWB_UPD")!.source, changed.text);
    const sent = writes(emu);
    assert.equal(sent.length, 1, "only the source changed: one request");
    assert.equal(sent[0]!.method, "POST");
    assert.equal(sent[0]!.headers["x-method-override"], "PATCH");
    assert.equal(sent[0]!.headers.patchtype, "MERGE");
    assert.equal(sent[0]!.headers["if-match"], etag);
    assert.deepEqual(Object.keys(JSON.parse(sent[0]!.body)), ["source"]);
  });

  test("deploying what the server already holds sends nothing", async () => {
    const input = ws.file("MXWB_SAME.js", jsScript("MXWB_SAME", "var a;", { active: true }));
    assert.equal((await ws.deploy(input)).kind, "created");
    emu.log.clear();
    const outcome = await ws.deploy(input);
    assert.equal(outcome.kind, "unchanged", headline(outcome));
    assert.equal(writes(emu).length, 0);
  });

  test("a rename in scriptConfig is refused with a clear message; nothing is created", async () => {
    assert.equal((await ws.deploy(ws.file("rename.js", jsScript("MXWB_OLDNAME", "var a;")))).kind, "created");
    emu.log.clear();
    const outcome = await ws.deploy(ws.file("rename.js", jsScript("MXWB_NEWNAME", "var a;")));
    assert.equal(outcome.kind, "refused");
    assert.match(headline(outcome), /rename\.js was deployed to dev as MXWB_OLDNAME, but it now names MXWB_NEWNAME\. Maximo cannot rename an automation script/);
    assert.equal(writes(emu).length, 0);
    assert.equal(scriptRow(emu, "MXWB_NEWNAME"), undefined);
  });

  test("a .py file over a JavaScript script is refused unless scriptConfig names the language", async () => {
    const outcome = await ws.deploy(ws.file("COUNTOFWOANDSR.py", "x = 1\n"));
    assert.equal(outcome.kind, "refused");
    assert.match(headline(outcome), /COUNTOFWOANDSR on dev is a javascript script and COUNTOFWOANDSR\.py is jython/);
    assert.equal(writes(emu).length, 0);
  });

  test("a read-only connection's refusal (beforeWrite → false) sends nothing; the question names the change", async () => {
    const asked: string[] = [];
    const guarded = workspace(emu, { beforeWrite: async (change) => (asked.push(change), false) });
    try {
      const outcome = await guarded.deploy(guarded.file("MXWB_RO.js", jsScript("MXWB_RO", "var a;")));
      assert.equal(outcome.kind, "cancelled");
      assert.equal(writes(emu).length, 0);
      assert.match(asked[0]!, /^Create automation script MXWB_RO on dev: create \(new script with 0 variables and 0 launch points\)/);
    } finally {
      guarded.close();
    }
  });
});

describe("no lost work", () => {
  test("a change on the server since the last deploy is a conflict; nothing is written until forced, and the server's source is backed up", async () => {
    const mine = ws.file("MXWB_SHARED.js", jsScript("MXWB_SHARED", "var v = 1;"));
    assert.equal((await ws.deploy(mine)).kind, "created");
    const theirs = jsScript("MXWB_SHARED", "var v = 'theirs';");
    await changeOnServer("MXWB_SHARED", { source: theirs });
    emu.log.clear();

    const next = ws.file("MXWB_SHARED.js", jsScript("MXWB_SHARED", "var v = 2;"));
    const outcome = await ws.deploy(next);
    assert.equal(outcome.kind, "conflict", headline(outcome));
    if (outcome.kind !== "conflict") return;
    assert.equal(outcome.serverSource, theirs);
    assert.equal(outcome.localSource, next.text);
    assert.match(headline(outcome), /MXWB_SHARED on dev was changed by someone else since this workspace last deployed it/);
    assert.equal(writes(emu).length, 0);
    assert.equal(scriptRow(emu, "MXWB_SHARED")!.source, theirs);

    // The user reviewed that server copy and chose Overwrite.
    const overwritten = await ws.deploy({ ...next, acceptRowstamp: outcome.serverRowstamp });
    assert.equal(overwritten.kind, "updated", headline(overwritten));
    assert.equal(scriptRow(emu, "MXWB_SHARED")!.source, next.text);
    if (overwritten.kind !== "updated") return;
    assert.ok(overwritten.backup, "a backup was written");
    assert.equal(readFileSync(overwritten.backup, "utf8"), theirs, "the backup holds the server's previous source");
    assert.match(overwritten.backup, /[\\/]\.maximo[\\/]backups[\\/]MXWB_SHARED-\d{8}T\d{9}Z\.js$/);
  });

  test("--force overwrites a conflicting copy, after backing it up", async () => {
    assert.equal((await ws.deploy(ws.file("MXWB_FORCE.py", pyScript("MXWB_FORCE", "a = 1")))).kind, "created");
    await changeOnServer("MXWB_FORCE", { source: "b = 'theirs'\n" });
    const input = ws.file("MXWB_FORCE.py", pyScript("MXWB_FORCE", "a = 3"));
    assert.equal((await ws.deploy(input)).kind, "conflict");
    const forced = await ws.deploy({ ...input, force: true });
    assert.equal(forced.kind, "updated", headline(forced));
    const backups = readdirSync(join(ws.dir, ".maximo", "backups"));
    assert.equal(backups.length, 1);
    assert.match(readFileSync(join(ws.dir, ".maximo", "backups", backups[0]!), "utf8"), /^b = 'theirs'\n/);
  });

  test("a change of status only (no source change) is not a conflict", async () => {
    const input = ws.file("MXWB_STATUS.js", jsScript("MXWB_STATUS", "var a;"));
    assert.equal((await ws.deploy(input)).kind, "created");
    await changeOnServer("MXWB_STATUS", { status: "Active" });
    const outcome = await ws.deploy(ws.file("MXWB_STATUS.js", jsScript("MXWB_STATUS", "var b;")));
    assert.equal(outcome.kind, "updated", headline(outcome));
  });

  test("a change between the read and the write is caught by If-Match: 412, reported, nothing overwritten", async () => {
    assert.equal((await ws.deploy(ws.file("MXWB_RACE.js", jsScript("MXWB_RACE", "var v = 1;")))).kind, "created");
    const api = ws.api;
    const racing = Object.create(api) as ScriptApi;
    racing.merge = async (href, etag, body) => {
      await changeOnServer("MXWB_RACE", { description: "changed meanwhile" });
      return api.merge(href, etag, body);
    };
    const raced = workspace(emu, { api: racing, state: ws.state });
    try {
      const outcome = await raced.deploy(ws.file("MXWB_RACE.js", jsScript("MXWB_RACE", "var v = 2;")));
      assert.equal(outcome.kind, "failed");
      assert.match(headline(outcome), /failed at the source step: the script changed on the server while deploying \(HTTP 412: the If-Match ETag is stale\)\./);
      assert.match(scriptRow(emu, "MXWB_RACE")!.source as string, /var v = 1;/);
    } finally {
      raced.close();
    }
  });

  test("a failed launch-point update leaves the server's source as it was and says what the server holds", async () => {
    const v1 = ws.file("MXWB_LPFAIL.js", jsScript("MXWB_LPFAIL", "var v = 1;", { scriptLaunchPoints: [{ launchPointName: "MXWBLPFAIL1", launchPointType: "ACTION", actionName: "MXWBLPFAIL1" }] }));
    assert.equal((await ws.deploy(v1)).kind, "created");
    emu.addFault({ path: "*/os/mxscript/*", method: "PATCH", kind: "error", bodyContains: '"scriptlaunchpoint"', status: 400, reasonCode: "BMXAA4176E", message: "The launch point cannot be saved." });
    const v2 = ws.file(
      "MXWB_LPFAIL.js",
      jsScript("MXWB_LPFAIL", "var v = 2;", {
        scriptLaunchPoints: [
          { launchPointName: "MXWBLPFAIL1", launchPointType: "ACTION", actionName: "MXWBLPFAIL1" },
          { launchPointName: "MXWBLPFAIL2", launchPointType: "ACTION", actionName: "MXWBLPFAIL2" },
        ],
      }),
    );
    const outcome = await ws.deploy(v2);
    assert.equal(outcome.kind, "failed", headline(outcome));
    if (outcome.kind !== "failed") return;
    assert.equal(outcome.failedStep, "launchPoints");
    assert.deepEqual(outcome.steps.map((s) => [s.name, s.status]), [["launchPoints", "failed"], ["source", "not run"]]);
    assert.equal(scriptRow(emu, "MXWB_LPFAIL")!.source, v1.text, "the source is still v1");
    assert.deepEqual(launchPointNames(emu, "MXWB_LPFAIL"), ["MXWBLPFAIL1"]);
    const text = headline(outcome);
    assert.match(text, /failed at the launch points step: BMXAA4176E - The launch point cannot be saved\./);
    assert.match(text, /source unchanged \(not sent\)/);
    assert.match(text, /its source is still the previous version/);
  });

  test("a launch point the server refuses by its own rules (a launch point type outside LAUNCHPOINTTYPE) fails the same way", async () => {
    const v1 = ws.file("MXWB_BADTYPE.js", jsScript("MXWB_BADTYPE", "var v = 1;"));
    assert.equal((await ws.deploy(v1)).kind, "created");
    const v2 = ws.file("MXWB_BADTYPE.js", jsScript("MXWB_BADTYPE", "var v = 2;", { scriptLaunchPoints: [{ launchPointName: "MXWBBADTYPE", launchPointType: "OBJCT", objectName: "ASSET" }] }));
    const outcome = await ws.deploy(v2);
    assert.equal(outcome.kind, "failed");
    assert.equal(outcome.kind === "failed" && outcome.failedStep, "launchPoints");
    assert.equal(scriptRow(emu, "MXWB_BADTYPE")!.source, v1.text);
  });

  test("launch points and variables the scriptConfig no longer names stay on the server, and the deploy says so", async () => {
    const source = pyScript("WO_VALIDATE_PRIORITY", "# only the new launch point", {
      scriptLaunchPoints: [{ launchPointName: "WOVALIDATEPRI2", launchPointType: "OBJECT", objectName: "WORKORDER", save: true, update: true }],
    });
    const outcome = await ws.deploy(ws.file("WO_VALIDATE_PRIORITY.py", source));
    assert.equal(outcome.kind, "updated", headline(outcome));
    assert.deepEqual(launchPointNames(emu, "WO_VALIDATE_PRIORITY"), ["WOVALIDATEPRI", "WOVALIDATEPRI2"]);
    const warnings = outcome.kind === "updated" ? outcome.warnings : [];
    assert.match(warnings.join("\n"), /The server keeps launch points this scriptConfig does not name: WOVALIDATEPRI\. A deploy never deletes them/);
    assert.match(warnings.join("\n"), /The server keeps variables this scriptConfig does not name: /);
  });

  test("launch points and variables are merged, never wiped: no delete in the request log, existing ones updated in place", async () => {
    const lpBefore = emu.emulator.store.findByKey("scriptlaunchpoint", ["WOVALIDATEPRI"])!;
    const idBefore = lpBefore.scriptlaunchpointid;
    const varsBefore = emu.emulator.store.rows("autoscriptvars").filter((r) => r.autoscript === "WO_VALIDATE_PRIORITY").map((r) => r.varname).sort();
    const source = pyScript("WO_VALIDATE_PRIORITY", "# rewritten\nif worktype == 'EM': pass", {
      autoScriptVars: [{ varname: "minpri", varType: "IN", varBindingType: "LITERAL", literalDataType: "INTEGER", varBindingValue: "1" }],
      scriptLaunchPoints: [
        { launchPointName: "WOVALIDATEPRI", launchPointType: "OBJECT", objectName: "WORKORDER", description: "Validate priority (changed)", launchPointVars: [{ varName: "maxpri", varBindingValue: "3" }] },
        { launchPointName: "WOVALIDATEPRI2", launchPointType: "OBJECT", objectName: "WORKORDER", save: true, update: true, launchPointVars: [{ varName: "minpri", varBindingValue: "1" }] },
      ],
    });
    const outcome = await ws.deploy(ws.file("WO_VALIDATE_PRIORITY.py", source));
    assert.equal(outcome.kind, "updated", headline(outcome));

    assert.deepEqual(launchPointNames(emu, "WO_VALIDATE_PRIORITY"), ["WOVALIDATEPRI", "WOVALIDATEPRI2"]);
    const lpAfter = emu.emulator.store.findByKey("scriptlaunchpoint", ["WOVALIDATEPRI"])!;
    assert.equal(lpAfter.scriptlaunchpointid, idBefore, "updated in place, not deleted and re-created");
    assert.equal(lpAfter.description, "Validate priority (changed)");
    assert.equal(lpAfter.objectevent, 6, "attributes the file does not name keep their values");
    assert.deepEqual(launchPointVars(emu, "WOVALIDATEPRI"), { maxpri: "3" });
    assert.deepEqual(launchPointVars(emu, "WOVALIDATEPRI2"), { minpri: "1" });
    const varsAfter = emu.emulator.store.rows("autoscriptvars").filter((r) => r.autoscript === "WO_VALIDATE_PRIORITY").map((r) => r.varname).sort();
    assert.deepEqual(varsAfter, [...varsBefore, "minpri"].sort(), "the three seeded variables are kept, the new one added");

    const sent = writes(emu);
    assert.deepEqual(sent.map((r) => r.headers["x-method-override"]), ["PATCH", "PATCH", "PATCH"], "variables, launch points, source");
    for (const request of emu.log.list()) {
      assert.notEqual(request.method, "DELETE");
      assert.doesNotMatch(request.body, /"_action"/i, "no child-level delete (reference §11)");
      if (request.headers["x-method-override"] === "PATCH") assert.equal(request.headers.patchtype, "MERGE", "a PATCH without MERGE deletes the children not sent (reference §11)");
    }
    assert.ok(outcome.kind === "updated" && outcome.backup && existsSync(outcome.backup));
  });
});

describe("fall-back object structure", () => {
  test("a server without MXSCRIPT (BMXAA9301E) is served through MXAPIAUTOSCRIPT, and MXSCRIPT is not asked again", async () => {
    const noMxscript = await scriptEmulator(["mxscript"]);
    const other = workspace(noMxscript);
    try {
      const outcome = await other.deploy(other.file("MXWB_FALLBACK.js", jsScript("MXWB_FALLBACK", "var a;", { active: true })));
      assert.equal(outcome.kind, "created", headline(outcome));
      const log = noMxscript.log.list();
      assert.match(log[0]!.path, /\/os\/mxscript$/);
      assert.equal(log[0]!.status, 400);
      assert.ok(log.slice(1).every((r) => !/\/os\/mxscript\b/.test(r.path)), "after the refusal every call uses MXAPIAUTOSCRIPT");
      assert.ok(writes(noMxscript).every((r) => /\/os\/mxapiautoscript/.test(r.path)));
      assert.equal(noMxscript.emulator.store.findByKey("autoscript", ["MXWB_FALLBACK"])!.status, "Active");
      noMxscript.log.clear();
      assert.equal((await other.deploy(other.file("MXWB_FALLBACK.js", jsScript("MXWB_FALLBACK", "var b;", { active: true })))).kind, "updated");
      assert.ok(noMxscript.log.list().every((r) => !/\/os\/mxscript\b/.test(r.path)));
    } finally {
      other.close();
      await noMxscript.close();
    }
  });

  test("a server with neither structure gives a sentence that says what to ask for", async () => {
    const none = await scriptEmulator(["mxscript", "mxapiautoscript"]);
    const other = workspace(none);
    try {
      const outcome = await other.deploy(other.file("MXWB_NONE.js", "var a;"));
      assert.equal(outcome.kind, "failed");
      assert.match(headline(outcome), /Neither MXSCRIPT nor MXAPIAUTOSCRIPT is available to this user on dev \(BMXAA9301E\): ask an administrator/);
    } finally {
      other.close();
      await none.close();
    }
  });
});

/**
 * A server that answers 2xx and keeps the old value of a key it does not read (PRODUCT.md
 * "Real-server facts"), made by the emulator's `ignoreField` fault: the read-back after the deploy
 * shows it, and the deploy is a failed step naming the field, never "Deployed".
 */
describe("silently ignored updates", () => {
  test("a log level the server keeps: the source step fails naming loglevel; the rest is applied", async () => {
    const v1 = ws.file("MXWB_IGNORED.js", jsScript("MXWB_IGNORED", "var v = 1;", { logLevel: "ERROR" }));
    assert.equal((await ws.deploy(v1)).kind, "created");
    emu.addFault({ path: "*", kind: "ignoreField", attribute: "loglevel", os: "mxscript" });
    const v2 = ws.file("MXWB_IGNORED.js", jsScript("MXWB_IGNORED", "var v = 2;", { logLevel: "DEBUG" }));
    const outcome = await ws.deploy(v2);
    assert.equal(outcome.kind, "failed", headline(outcome));
    if (outcome.kind !== "failed") return;
    assert.equal(outcome.failedStep, "source");
    assert.deepEqual(outcome.steps.map((s) => [s.name, s.status]), [["source", "failed"]]);
    assert.equal(writes(emu).at(-1)!.headers["x-method-override"], "PATCH", "the update was sent and answered 2xx");
    assert.equal(scriptRow(emu, "MXWB_IGNORED")!.loglevel, "ERROR", "the fault kept the old value");
    assert.equal(scriptRow(emu, "MXWB_IGNORED")!.source, v2.text, "the source of the same request was applied");
    const text = headline(outcome);
    assert.doesNotMatch(text, /^Deployed/);
    assert.match(text, /failed at the source step: the server answered success but did not apply loglevel\b/);
    assert.doesNotMatch(text, /did not apply [^(]*\bsource\b/, "the source took effect and is not named");
    assert.match(outcome.steps[0]!.summary, /kept its previous loglevel/);
  });

  test("a status the server keeps fails the status step", async () => {
    const v1 = ws.file("MXWB_IGNSTATUS.js", jsScript("MXWB_IGNSTATUS", "var v = 1;", { active: false }));
    assert.equal((await ws.deploy(v1)).kind, "created");
    emu.addFault({ path: "*", kind: "ignoreField", attribute: "status" });
    const outcome = await ws.deploy(ws.file("MXWB_IGNSTATUS.js", jsScript("MXWB_IGNSTATUS", "var v = 1;", { active: true })));
    assert.equal(outcome.kind, "failed", headline(outcome));
    if (outcome.kind !== "failed") return;
    assert.equal(outcome.failedStep, "status");
    assert.match(headline(outcome), /did not apply status\b/);
  });

  test("a variable binding and a launch-point description the server keeps are named with their variable and launch point", async () => {
    const config = (binding: string, lpDescription: string) => ({
      autoScriptVars: [{ varname: "limit", varType: "IN", varBindingType: "LITERAL", literalDataType: "INTEGER", varBindingValue: binding }],
      scriptLaunchPoints: [{ launchPointName: "MXWBIGNLP", launchPointType: "ACTION", actionName: "MXWBIGNLP", description: lpDescription }],
    });
    const v1 = ws.file("MXWB_IGNVAR.js", jsScript("MXWB_IGNVAR", "var v = 1;", config("5", "first")));
    assert.equal((await ws.deploy(v1)).kind, "created");
    emu.addFault({ path: "*", kind: "ignoreField", attribute: "varbindingvalue", count: 1 });
    emu.addFault({ path: "*", kind: "ignoreField", attribute: "description", bodyContains: "scriptlaunchpoint", count: 1 });
    const outcome = await ws.deploy(ws.file("MXWB_IGNVAR.js", jsScript("MXWB_IGNVAR", "var v = 1;", config("7", "second"))));
    assert.equal(outcome.kind, "failed", headline(outcome));
    if (outcome.kind !== "failed") return;
    assert.equal(outcome.failedStep, "variables");
    assert.deepEqual(outcome.steps.map((s) => [s.name, s.status]), [["variables", "failed"], ["launchPoints", "failed"], ["source", "done"]], "the file's scriptConfig changed, so its source went too");
    const text = headline(outcome);
    assert.match(text, /variable LIMIT \(varbindingvalue\)|variable limit \(varbindingvalue\)/);
    assert.match(text, /launch point MXWBIGNLP \(description\)/);
  });

  test("without the fault the same deploy is reported as deployed, and deploying again sends nothing", async () => {
    const v1 = ws.file("MXWB_NOIGN.js", jsScript("MXWB_NOIGN", "var v = 1;", { logLevel: "ERROR" }));
    assert.equal((await ws.deploy(v1)).kind, "created");
    const v2 = ws.file("MXWB_NOIGN.js", jsScript("MXWB_NOIGN", "var v = 2;", { logLevel: "DEBUG" }));
    const outcome = await ws.deploy(v2);
    assert.equal(outcome.kind, "updated", headline(outcome));
    assert.equal((await ws.deploy(v2)).kind, "unchanged");
  });
});

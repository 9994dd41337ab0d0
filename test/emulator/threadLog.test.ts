/**
 * Thread logging through the REST API (JSON API reference §23, "Troubleshooting the REST API"):
 * `POST /oslc/log/enablelogs` with logger names, `enablealllogs`, `disablealllogs`, and
 * `GET /oslc/log` with the calling user's captured log only. The lines are Maximo's log4j layout;
 * the sql logger prints the statement a query stands for, the script logger script calls and the
 * object launch points a save fires.
 */
import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";
import { startEmulator, type EmulatorHandle } from "../../emulator/index";
import { apikeyHeader, assertMaximoError, send } from "./support/testClient";

const wilson = { authorization: `Basic ${Buffer.from("wilson:wilson").toString("base64")}` };
const LOG4J_LINE = /^\d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2}:\d{3} \[(DEBUG|INFO|WARN|ERROR)\] \[MXServer\] \[CID-OSLC-\d+\] \[maximo\.(oslc|sql|integration|script)\] /;

describe("thread logging (reference §23)", () => {
  let emu: EmulatorHandle;
  const api = (path: string) => `${emu.url}/oslc/${path}`;
  const enable = (loggers: string[], headers: Record<string, string> = apikeyHeader) =>
    send(api("log/enablelogs"), { method: "POST", headers: { ...headers, "content-type": "application/json" }, body: JSON.stringify(loggers) });
  const readLog = async (headers: Record<string, string> = apikeyHeader) => {
    const response = await send(api("log"), { headers });
    assert.equal(response.status, 200, response.text);
    return response.text;
  };
  const where = encodeURIComponent('status="APPR" and siteid="BEDFORD"');

  before(async () => {
    emu = await startEmulator({ port: 0, options: { workOrders: 60 } });
  });
  after(() => emu.close());
  beforeEach(() => emu.reset());

  it("enablelogs for sql and oslc: a query's SQL, with its where and orderBy as Maximo writes them, in log4j lines", async () => {
    assert.equal((await enable(["log4j.logger.maximo.sql", "log4j.logger.maximo.oslc"])).status, 200);
    const query = await send(api(`os/mxapiwodetail?lean=1&oslc.where=${where}&oslc.orderBy=-reportdate&oslc.select=wonum`), { headers: apikeyHeader });
    assert.equal(query.status, 200);
    const log = await readLog();
    const lines = log.trimEnd().split("\n");
    for (const line of lines) assert.match(line, LOG4J_LINE);
    assert.ok(lines.some((line) => line.endsWith("[maximo.sql] select * from workorder where (status = 'APPR' and siteid = 'BEDFORD') order by reportdate desc")), log);
    assert.ok(lines.some((line) => /\[maximo\.oslc\] OSLC request GET \/maximo\/oslc\/os\/mxapiwodetail\?lean=1/.test(line)), log);
    assert.ok(lines.some((line) => /\[maximo\.oslc\] OSLC response 200 for GET \/maximo\/oslc\/os\/mxapiwodetail in \d+ ms/.test(line)), log);
    assert.ok(!lines.some((line) => /\[maximo\.oslc\].*\/oslc\/log/.test(line)), "reading or switching the log is not logged");
  });

  it("in, wildcards, not-null, quotes and related attributes become SQL the way Maximo writes it", async () => {
    await enable(["sql"]);
    const text = 'status in ["APPR","WAPPR"] and description="%O\'Brien%" and location.status="OPERATING" and wonum="*"';
    await send(api(`os/mxapiwodetail?lean=1&oslc.where=${encodeURIComponent(text)}`), { headers: apikeyHeader });
    const sql = (await readLog()).split("\n").find((line) => line.includes("[maximo.sql]"))!;
    assert.match(sql, /select \* from workorder where \(status in \('APPR', 'WAPPR'\) and description like '%O''Brien%' and exists \(select 1 from locations where .+ and \(status = 'OPERATING'\)\) and wonum is not null\)$/);
  });

  it("GET /oslc/log returns the whole thread log each time, not only the new part", async () => {
    await enable(["oslc"]);
    await send(api("whoami"), { headers: apikeyHeader });
    const first = await readLog();
    await send(api("systeminfo"), { headers: apikeyHeader });
    const second = await readLog();
    assert.ok(second.startsWith(first), "the second read repeats the first");
    assert.ok(second.length > first.length);
    assert.match(second, /OSLC request GET \/maximo\/oslc\/systeminfo/);
  });

  it("the log is per user: another user's requests and log stay apart", async () => {
    await enable(["oslc", "sql"]);
    await enable(["oslc"], wilson);
    await send(api(`os/mxapiasset?lean=1&oslc.where=${encodeURIComponent('assetnum="11430"')}`), { headers: wilson });
    await send(api("whoami"), { headers: apikeyHeader });
    const mine = await readLog();
    const theirs = await readLog(wilson);
    assert.doesNotMatch(mine, /mxapiasset/, "WILSON's query is not in MAXADMIN's log");
    assert.match(theirs, /mxapiasset/);
    assert.doesNotMatch(theirs, /whoami/, "MAXADMIN's request is not in WILSON's log");
    assert.doesNotMatch(theirs, /\[maximo\.sql\]/, "WILSON enabled only oslc");
  });

  it("nothing is captured before enablelogs, nor after disablealllogs; what was captured stays readable", async () => {
    await send(api("whoami"), { headers: apikeyHeader });
    assert.equal(await readLog(), "");
    await enable(["oslc"]);
    await send(api("whoami"), { headers: apikeyHeader });
    assert.equal((await send(api("log/disablealllogs"), { method: "POST", headers: apikeyHeader })).status, 200);
    const captured = await readLog();
    await send(api("systeminfo"), { headers: apikeyHeader });
    assert.equal(await readLog(), captured);
    assert.match(captured, /whoami/);
  });

  it("enablealllogs turns every logger on; the /api/ root answers the same endpoints", async () => {
    assert.equal((await send(`${emu.url}/api/log/enablealllogs`, { method: "POST", headers: apikeyHeader })).status, 200);
    await send(`${emu.url}/api/os/mxapiwodetail?oslc.where=${where}`, { headers: apikeyHeader });
    const log = (await send(`${emu.url}/api/log`, { headers: apikeyHeader })).text;
    assert.match(log, /\[maximo\.oslc\]/);
    assert.match(log, /\[maximo\.sql\] select \* from workorder/);
  });

  it("the integration logger records each write and its outcome, with the reason code of a refused one", async () => {
    await enable(["integration"]);
    const headers = { ...apikeyHeader, "content-type": "application/json" };
    const created = await send(api("os/mxapiwodetail?lean=1"), { method: "POST", headers: { ...headers, transactionid: "tx-log-1" }, body: JSON.stringify({ description: "logged", siteid: "BEDFORD" }) });
    assert.equal(created.status, 201, created.text);
    const refused = await send(api("os/mxapiwodetail?lean=1"), { method: "POST", headers, body: JSON.stringify({ description: "no site", siteid: "NOSUCHSITE" }) });
    assert.ok(refused.status >= 400);
    const log = await readLog();
    assert.match(log, /\[INFO\] .*\[maximo\.integration\] MXAPIWODETAIL create \(transactionid tx-log-1\): committed, HTTP 201/);
    assert.match(log, /\[ERROR\] .*\[maximo\.integration\] MXAPIWODETAIL create: rolled back, BMXAA\d{4}E - /);
  });

  it("the script logger: a script called through script/NAME (reference §14) and the object launch point a save fires", async () => {
    await enable(["log4j.logger.maximo.script"]);
    const called = await send(api("script/countofwoandsr?site=BEDFORD"), { headers: apikeyHeader });
    assert.equal(called.status, 200);
    const headers = { ...apikeyHeader, "content-type": "application/json" };
    await send(api("os/mxapiwodetail?lean=1"), { method: "POST", headers, body: JSON.stringify({ description: "fires WOVALIDATEPRI", siteid: "BEDFORD" }) });
    const log = await readLog();
    assert.match(log, /\[maximo\.script\] Script COUNTOFWOANDSR starting/);
    assert.match(log, /\[maximo\.script\] \[COUNTOFWOANDSR\] site BEDFORD: \d+ work orders, \d+ service requests/);
    assert.match(log, /\[maximo\.script\] Script COUNTOFWOANDSR ended in \d+ ms/);
    // WOVALIDATEPRI: OBJECTEVENT 6 = before save, add and update, on WORKORDER (seed).
    assert.match(log, /\[maximo\.script\] Script WO_VALIDATE_PRIORITY launched by launch point WOVALIDATEPRI \(object WORKORDER .+, event add, before save\)/);
  });

  it("a reset clears logging state and logs; a body that is not a list of names is refused", async () => {
    await enable(["oslc"]);
    await send(api("whoami"), { headers: apikeyHeader });
    emu.reset();
    await send(api("whoami"), { headers: apikeyHeader });
    assert.equal(await readLog(), "");
    const bad = await send(api("log/enablelogs"), { method: "POST", headers: { ...apikeyHeader, "content-type": "application/json" }, body: '{"logger":"sql"}' });
    assertMaximoError(bad, 400);
  });
});

/**
 * Value lists fetched by the client (issue 17): the `getlist~<attr>` answers (JSON API reference
 * §10) of the `hasList` attributes the open files use, saved byte for byte as
 * `lists/<os>/<attr>.json`, once per connection and attribute, again on Refresh Schemas (`force`),
 * never for an attribute no file writes. Requests are counted in the emulator's request log.
 */
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, afterEach, before, beforeEach, describe, test } from "node:test";
import type { ConnectionConfig, SecretSource } from "../../../client/src/connections/types";
import { createExecutor, type Executor } from "../../../client/src/http/executor";
import { TransportError, type ExecutedResponse, type OutgoingRequest } from "../../../client/src/http/types";
import { connectionFolder, listFile } from "../../../client/src/extension/schemaCache/cacheLayout";
import { listUsesIn } from "../../../client/src/extension/schemaCache/listUses";
import { SchemaFetcher } from "../../../client/src/extension/schemaCache/schemaFetcher";
import { ValueListFetcher } from "../../../client/src/extension/schemaCache/valueListFetcher";
import { startEmulator, type EmulatorHandle } from "../../../emulator/index";

let emu: EmulatorHandle;
let scratch: string;
const executors: Executor[] = [];
const secrets: SecretSource = { get: async (_name, kind) => (kind === "apikey" ? "emulator-apikey" : undefined) };

before(async () => {
  emu = await startEmulator({ port: 0, options: { workOrders: 30 } });
});
beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), "maximo-lists-"));
  emu.reset();
});
afterEach(() => rmSync(scratch, { recursive: true, force: true }));
after(async () => {
  for (const executor of executors) executor.close();
  await emu.close();
});

/** A connection's schema fetcher and value-list fetcher over one cache folder, the schemas of `structures` cached. */
async function connection(structures: string[], name = "emu") {
  const config: ConnectionConfig = { name, url: emu.url, apiRoot: "oslc", auth: "apikey" };
  const executor = createExecutor({ connection: config, secrets, retry: { maxRetries: 0 } });
  executors.push(executor);
  const folder = connectionFolder(scratch, config);
  const schemas = new SchemaFetcher({ connection: config, folder, send: executor.send });
  await schemas.refreshApimeta();
  await schemas.ensureSchemas(structures);
  emu.log.clear();
  return { folder, lists: () => new ValueListFetcher({ connection: config, folder, send: executor.send }) };
}

const getlists = () => emu.log.list().filter((entry) => entry.path.includes("/getlist~"));
const memberReads = () => emu.log.list().filter((entry) => /oslc\.select=href/.test(entry.query));

/** The bytes the server answers, read with plain node:http (not our client). */
function serverBytes(url: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    httpRequest(url, { headers: { apikey: "emulator-apikey" } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => (res.statusCode === 200 ? resolve(Buffer.concat(chunks)) : reject(new Error(`${url}: HTTP ${res.statusCode}`))));
    })
      .on("error", reject)
      .end();
  });
}

const assetFile = [
  "### operating assets",
  'GET os/mxapiasset?lean=1&oslc.where=status="OPERATING" and description="%pump%" and location.status="OPERATING"&oslc.select=assetnum,assettype',
  "",
  "### a new asset",
  "POST os/mxapiasset?lean=1",
  "Content-Type: application/json",
  "",
  '{ "assetnum": "NEW1", "siteid": "BEDFORD", "assettype": "{{type}}", "assetmeter": [{ "metername": "X" }] }',
  "",
].join("\n");

describe("which attributes a file uses (the shared parser)", () => {
  test("names compared in oslc.where and top-level JSON body keys, per structure; not select, not through a relationship", () => {
    const uses = listUsesIn(assetFile).map((u) => `${u.os}/${u.attribute}`).sort();
    assert.deepEqual(uses, ["mxapiasset/assetmeter", "mxapiasset/assetnum", "mxapiasset/assettype", "mxapiasset/description", "mxapiasset/siteid", "mxapiasset/status"]);
    assert.deepEqual(listUsesIn("GET os/mxapiwodetail?oslc.select=status,worktype&oslc.orderBy=-status\n"), [], "a read that only selects uses no list");
    assert.deepEqual(listUsesIn('GET os/mxapiwodetail?oslc.where=spi:status in ["APPR","WAPPR"]\n').map((u) => u.attribute), ["status"]);
  });
});

describe("value list fetcher against the emulator", () => {
  test("the hasList attributes the file uses are saved byte for byte as lists/<os>/<attr>.json: a synonym domain whole, through MXAPISYNONYMDOMAIN", async () => {
    const { folder, lists } = await connection(["mxapiasset"]);
    const report = await lists().ensureLists(listUsesIn(assetFile));
    assert.deepEqual(report.fetched.sort(), ["mxapiasset/assettype", "mxapiasset/status"], "description, assetnum and siteid have no list in the schema");
    assert.deepEqual(report.failed, []);
    assert.equal(memberReads().length, 1, "one read of member hrefs for the structure");
    const member = memberReads()[0]!;
    assert.equal(member.path, "/maximo/oslc/os/mxapiasset");
    assert.deepEqual(Object.fromEntries(new URLSearchParams(member.query)), { "oslc.select": "href", "oslc.pageSize": "5", lean: "1" });
    assert.deepEqual(getlists().map((g) => `${g.path.replace(/.*\//, "")}?${g.query}`).sort(), ["getlist~assettype?lean=1&oslc.select=*", "getlist~status?lean=1&oslc.select=*"]);
    // Status rows name their synonym domain: the whole domain is saved, as IBM's mobile apps read it.
    const domainReads = emu.log.list().filter((entry) => entry.path.endsWith("/os/mxapisynonymdomain"));
    assert.ok(domainReads.length >= 1, "the synonym domain was read");
    const statusSource = domainReads.find((entry) => decodeURIComponent(entry.query).includes('domainid="LOCASSETSTATUS"'));
    assert.ok(statusSource, JSON.stringify(domainReads.map((d) => decodeURIComponent(d.query))));
    const sources: Record<string, { path: string; query: string }> = {
      status: statusSource,
      // ASSETTYPE is an ALN domain: MXAPISYNONYMDOMAIN has no rows for it, so the record's list stays.
      assettype: getlists().find((g) => g.path.endsWith("getlist~assettype"))!,
    };
    for (const attribute of ["status", "assettype"]) {
      const entry = sources[attribute]!;
      const saved = readFileSync(listFile(folder, "mxapiasset", attribute));
      assert.ok(saved.equals(await serverBytes(`${emu.url.replace(/\/maximo$/, "")}${entry.path}?${entry.query}`)), `${attribute}: the saved bytes differ from the server's answer`);
      const members = (JSON.parse(saved.toString("utf8")) as { member?: Array<{ value?: unknown }> }).member;
      assert.ok(Array.isArray(members) && members.length > 0 && members.every((m) => typeof m.value === "string" || typeof m.value === "number"), `${attribute}: the saved list holds values, not links only`);
    }
  });

  test("a record whose list is empty (a cancelled work order) is passed over; the whole WOSTATUS domain is saved", async () => {
    const { folder, lists } = await connection(["mxapiwodetail"]);
    const report = await lists().ensureLists(listUsesIn('GET os/mxapiwodetail?lean=1&oslc.where=status="APPR"\n'));
    assert.deepEqual(report.fetched, ["mxapiwodetail/status"]);
    assert.ok(getlists().length >= 2, "the first record's empty list was passed over");
    const values = ((JSON.parse(readFileSync(listFile(folder, "mxapiwodetail", "status"), "utf8")) as { member: Array<{ value: string }> }).member).map((m) => m.value);
    for (const status of ["WAPPR", "APPR", "INPRG", "COMP", "CLOSE", "CAN"]) assert.ok(values.includes(status), `${status} in ${JSON.stringify(values)}`);
  });

  test("once per connection and attribute: a second ask, a second file and a new session of the same connection send nothing", async () => {
    const { lists } = await connection(["mxapiasset"]);
    const fetcher = lists();
    await fetcher.ensureLists(listUsesIn(assetFile));
    assert.equal(getlists().length, 2);
    await fetcher.ensureLists(listUsesIn(assetFile));
    await fetcher.ensureLists(listUsesIn('GET os/mxapiasset?oslc.where=status="OPERATING"\n'));
    await lists().ensureLists(listUsesIn(assetFile));
    assert.equal(getlists().length, 2, "asked again");
    assert.equal(memberReads().length, 1);
  });

  test("another connection to the same server has its own folder and fetches its own lists", async () => {
    await (await connection(["mxapiasset"], "one")).lists().ensureLists(listUsesIn(assetFile));
    const other = await connection(["mxapiasset"], "two");
    const report = await other.lists().ensureLists(listUsesIn(assetFile));
    assert.equal(report.fetched.length, 2);
    assert.ok(existsSync(listFile(other.folder, "mxapiasset", "status")));
  });

  test("Refresh Schemas (force) fetches the lists again", async () => {
    const { lists } = await connection(["mxapiasset"]);
    const fetcher = lists();
    await fetcher.ensureLists(listUsesIn(assetFile));
    const again = await fetcher.ensureLists([...listUsesIn(assetFile), ...(await fetcher.cachedLists())], { force: true });
    assert.deepEqual(again.fetched.sort(), ["mxapiasset/assettype", "mxapiasset/status"]);
    assert.equal(getlists().length, 4);
  });

  test("never fetched for a file that does not use the attribute, nor for a structure whose schema is not cached", async () => {
    const { folder, lists } = await connection(["mxapiasset"]);
    const report = await lists().ensureLists(listUsesIn("GET os/mxapiasset?lean=1&oslc.select=status,assettype\n\n###\nGET os/mxapiwodetail?oslc.where=status=\"APPR\"\n"));
    assert.deepEqual(report, { fetched: [], empty: [], failed: [] });
    assert.deepEqual(emu.log.list(), [], "no request at all");
    assert.ok(!existsSync(join(folder, "lists")));
  });

  test("an attribute the server answers with an error is not asked again until a refresh", async () => {
    const { folder, lists } = await connection(["mxapiasset"]);
    emu.addFault({ path: "*getlist~status", kind: "error", status: 400, reasonCode: "BMXAA9560E", message: "No list." });
    const fetcher = lists();
    const first = await fetcher.ensureLists(listUsesIn('GET os/mxapiasset?oslc.where=status="OPERATING"\n'));
    assert.equal(first.failed.length, 1);
    assert.match(first.failed[0]!.reason, /getlist~status\?lean=1&oslc.select=\* answered HTTP 400 \(BMXAA9560E/);
    assert.ok(!existsSync(listFile(folder, "mxapiasset", "status")));
    await fetcher.ensureLists(listUsesIn('GET os/mxapiasset?oslc.where=status="OPERATING"\n'));
    assert.equal(getlists().length, 1, "asked again");
    emu.faults.clear();
    const refreshed = await fetcher.ensureLists(listUsesIn('GET os/mxapiasset?oslc.where=status="OPERATING"\n'), { force: true });
    assert.deepEqual(refreshed.fetched, ["mxapiasset/status"]);
  });

  test("offline: the cached list is kept and the failure reported; it is tried again later", async () => {
    const { folder, lists } = await connection(["mxapiasset"]);
    const use = listUsesIn('GET os/mxapiasset?oslc.where=status="OPERATING"\n');
    await lists().ensureLists(use);
    const saved = readFileSync(listFile(folder, "mxapiasset", "status"));
    emu.addFault({ path: "*", kind: "reset" });
    const offline = lists();
    const report = await offline.ensureLists(use, { force: true });
    assert.equal(report.fetched.length, 0);
    assert.equal(report.failed.length, 1);
    assert.ok(readFileSync(listFile(folder, "mxapiasset", "status")).equals(saved), "the cached list is kept");
    const notCached = listUsesIn('GET os/mxapiasset?oslc.where=assettype="PUMP"\n');
    assert.equal((await offline.ensureLists(notCached)).failed.length, 1);
    emu.faults.clear();
    assert.deepEqual((await offline.ensureLists(notCached)).fetched, ["mxapiasset/assettype"], "a transient failure is not remembered as a refusal");
  });
});

describe("value list fetcher: answers the emulator does not give", () => {
  function fakeSend(answers: Record<string, unknown>) {
    const sent: string[] = [];
    const send = async (outgoing: OutgoingRequest): Promise<ExecutedResponse> => {
      sent.push(`${outgoing.url.pathname}${outgoing.url.search}`);
      const key = Object.keys(answers).find((k) => outgoing.url.href.includes(k));
      const body = key === undefined ? undefined : answers[key];
      if (body instanceof Error) throw body;
      const bytes = Buffer.from(JSON.stringify(body ?? {}));
      return { status: body === undefined ? 404 : 200, bytes, text: () => bytes.toString("utf8") } as unknown as ExecutedResponse;
    };
    return { send, sent };
  }

  async function folderWithSchema(): Promise<string> {
    const { folder } = await connection(["mxapiasset"]);
    return folder;
  }

  test("an empty collection gives no list, reported once", async () => {
    const folder = await folderWithSchema();
    const { send, sent } = fakeSend({ "os/mxapiasset?": { member: [] } });
    const fetcher = new ValueListFetcher({ connection: { name: "x", url: "http://127.0.0.1:9/maximo" }, folder, send });
    const use = listUsesIn('GET os/mxapiasset?oslc.where=status="OPERATING"\n');
    assert.deepEqual(await fetcher.ensureLists(use), { fetched: [], empty: ["mxapiasset"], failed: [] });
    assert.deepEqual(await fetcher.ensureLists(use), { fetched: [], empty: [], failed: [] });
    assert.equal(sent.length, 1);
  });

  test("a relative member href (relativeuri=1) resolves against the context root; one on another server is not followed", async () => {
    const folder = await folderWithSchema();
    const relative = fakeSend({ "os/mxapiasset?": { member: [{ href: "oslc/os/mxapiasset/_QUJD" }] }, "getlist~status": { member: [{ value: "OPERATING" }] } });
    const fetcher = new ValueListFetcher({ connection: { name: "x", url: "http://127.0.0.1:9/maximo" }, folder, send: relative.send });
    const report = await fetcher.ensureLists(listUsesIn('GET os/mxapiasset?oslc.where=status="OPERATING"\n'));
    assert.deepEqual(report.fetched, ["mxapiasset/status"]);
    assert.equal(relative.sent[1], "/maximo/oslc/os/mxapiasset/_QUJD/getlist~status?lean=1&oslc.select=*");

    const foreign = fakeSend({ "os/mxapiasset?": { member: [{ href: "http://elsewhere.invalid/maximo/oslc/os/mxapiasset/_QUJD" }] } });
    const other = new ValueListFetcher({ connection: { name: "y", url: "http://127.0.0.1:9/maximo" }, folder, send: foreign.send });
    const refused = await other.ensureLists(listUsesIn('GET os/mxapiasset?oslc.where=assettype="PUMP"\n'));
    assert.match(refused.failed[0]!.reason, /another server/);
    assert.equal(foreign.sent.length, 1, "nothing sent to the other server");
  });

  test("a transport failure is a failure, not a refusal", async () => {
    const folder = await folderWithSchema();
    const { send } = fakeSend({ "os/mxapiasset?": new TransportError("connect ECONNREFUSED 127.0.0.1:9", "connect") });
    const fetcher = new ValueListFetcher({ connection: { name: "x", url: "http://127.0.0.1:9/maximo" }, folder, send });
    const report = await fetcher.ensureLists(listUsesIn('GET os/mxapiasset?oslc.where=status="OPERATING"\n'));
    assert.match(report.failed[0]!.reason, /ECONNREFUSED/);
  });
});

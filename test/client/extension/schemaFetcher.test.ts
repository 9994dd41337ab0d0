/**
 * Filling a connection's schema cache from the emulator: `/oslc/apimeta` and
 * `/oslc/jsonschemas/{os}?oslc.select=*` (JSON API reference §3 and §10) saved byte for byte, for
 * both apiRoot choices; one request per file at a time; offline keeps the cached copy.
 */
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer, request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, afterEach, before, beforeEach, describe, test } from "node:test";
import type { ApiRootChoice, AuthType, ConnectionConfig, SecretSource } from "../../../client/src/connections/types";
import { createExecutor, type Executor } from "../../../client/src/http/executor";
import { apimetaFile, connectionFolder, schemaFile } from "../../../client/src/extension/schemaCache/cacheLayout";
import { SchemaFetcher } from "../../../client/src/extension/schemaCache/schemaFetcher";
import { SchemaFolder } from "../../../server/src/schema/schemaFolder";
import { nodeFiles } from "../../../server/src/schema/nodeFiles";
import { startEmulator, type EmulatorHandle } from "../../../emulator/index";

let emu: EmulatorHandle;
let scratch: string;
const executors: Executor[] = [];

before(async () => {
  emu = await startEmulator({ port: 0 });
});
beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), "maximo-schema-fetch-"));
  emu.log.clear();
  emu.faults.clear();
});
afterEach(() => rmSync(scratch, { recursive: true, force: true }));
after(async () => {
  for (const executor of executors) executor.close();
  await emu.close();
});

const secrets: SecretSource = { get: async (_name, kind) => (kind === "apikey" ? "emulator-apikey" : kind === "password" ? "maxadmin" : undefined) };

function fetcherFor(apiRoot: ApiRootChoice, auth: AuthType = "apikey", url = emu.url) {
  const connection: ConnectionConfig = { name: "emu", url, apiRoot, auth, ...(auth === "apikey" ? {} : { user: "maxadmin" }) };
  const executor = createExecutor({ connection, secrets, retry: { maxRetries: 0 } });
  executors.push(executor);
  const folder = connectionFolder(scratch, connection);
  return { fetcher: new SchemaFetcher({ connection, folder, send: executor.send }), folder };
}

/** What the server answers, fetched here with plain node:http (not our client). */
function serverBytes(path: string, headers: Record<string, string> = { apikey: "emulator-apikey" }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${emu.url.replace(/\/maximo$/, "")}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => (res.statusCode === 200 ? resolve(Buffer.concat(chunks)) : reject(new Error(`${path}: HTTP ${res.statusCode}`))));
    });
    req.on("error", reject);
    req.end();
  });
}

const apiPaths = () => emu.log.list().map((entry) => `${entry.path}${entry.query ? `?${entry.query}` : ""}`);

describe("schema fetcher", () => {
  for (const apiRoot of ["oslc", "api", "auto"] as const) {
    test(`apiRoot ${apiRoot}: apimeta and a jsonschema come from /oslc/ and are stored byte for byte`, async () => {
      const { fetcher, folder } = fetcherFor(apiRoot);
      assert.deepEqual(await fetcher.refreshApimeta(), { ok: true });
      const report = await fetcher.ensureSchemas(["MXAPIASSET"]);
      assert.deepEqual(report, { fetched: ["mxapiasset"], skipped: [], failed: [] });
      assert.deepEqual(apiPaths(), ["/maximo/oslc/apimeta", "/maximo/oslc/jsonschemas/mxapiasset?oslc.select=*"]);
      assert.ok(emu.log.list().every((entry) => entry.headers.apikey === "emulator-apikey"), "the API key goes along as a header");
      assert.ok(readFileSync(apimetaFile(folder)).equals(await serverBytes("/maximo/oslc/apimeta")), "apimeta.json differs from the server's answer");
      assert.ok(
        readFileSync(schemaFile(folder, "mxapiasset")).equals(await serverBytes("/maximo/oslc/jsonschemas/mxapiasset?oslc.select=*")),
        "jsonschemas/mxapiasset.json differs from the server's answer",
      );
    });
  }

  test("a maxauth connection fills the cache too (signed in through /oslc/login)", async () => {
    const { fetcher, folder } = fetcherFor("oslc", "maxauth");
    assert.deepEqual(await fetcher.refreshApimeta(), { ok: true });
    assert.deepEqual((await fetcher.ensureSchemas(["mxapiwodetail"])).fetched, ["mxapiwodetail"]);
    assert.ok(existsSync(schemaFile(folder, "mxapiwodetail")));
  });

  test("the language server reads the folder: apimeta entries and the schema's attributes", async () => {
    const { fetcher, folder } = fetcherFor("oslc");
    await fetcher.refreshApimeta();
    await fetcher.ensureSchemas(["mxapiwodetail"]);
    const problems: string[] = [];
    const read = new SchemaFolder(folder, nodeFiles, (file, reason) => problems.push(`${file}: ${reason}`));
    assert.ok(read.apimeta()?.has("mxapiwodetail"));
    assert.ok(read.schema("mxapiwodetail"), "the cached schema does not parse");
    assert.deepEqual(read.schemaNames(), ["mxapiwodetail"]);
    assert.deepEqual(problems, []);
  });

  test("lazy: a cached schema is not fetched again; a forced refresh fetches it again", async () => {
    const { fetcher } = fetcherFor("oslc");
    await fetcher.refreshApimeta();
    await fetcher.ensureSchemas(["mxapiasset"]);
    emu.log.clear();
    assert.deepEqual(await fetcher.ensureSchemas(["mxapiasset"]), { fetched: [], skipped: [], failed: [] });
    assert.deepEqual(apiPaths(), []);
    assert.deepEqual((await fetcher.ensureSchemas(["mxapiasset"], { force: true })).fetched, ["mxapiasset"]);
    assert.equal(apiPaths().length, 1);
  });

  test("never twice at once: concurrent asks for the same files send one request each", async () => {
    emu.addFault({ path: "/maximo/oslc/*", kind: "latency", latencyMs: 100 });
    const { fetcher } = fetcherFor("oslc");
    await Promise.all([fetcher.refreshApimeta(), fetcher.refreshApimeta()]);
    const reports = await Promise.all([fetcher.ensureSchemas(["mxapiasset", "mxapisr"]), fetcher.ensureSchemas(["mxapisr", "mxapiasset"], { force: true })]);
    assert.deepEqual(apiPaths().filter((p) => p.includes("apimeta")).length, 1);
    assert.deepEqual(apiPaths().filter((p) => p.includes("mxapiasset")).length, 1);
    assert.deepEqual(apiPaths().filter((p) => p.includes("mxapisr")).length, 1);
    for (const report of reports) assert.deepEqual(report.fetched.sort(), ["mxapiasset", "mxapisr"]);
  });

  test("names apimeta does not list are skipped without a request (a half-typed name while editing)", async () => {
    const { fetcher } = fetcherFor("oslc");
    await fetcher.refreshApimeta();
    emu.log.clear();
    const report = await fetcher.ensureSchemas(["mxapiw", "mxapiasset"]);
    assert.deepEqual(report.skipped, ["mxapiw"]);
    assert.deepEqual(apiPaths(), ["/maximo/oslc/jsonschemas/mxapiasset?oslc.select=*"]);
  });

  test("without apimeta, a structure the server refuses (BMXAA9301E) is skipped and not asked again until a refresh", async () => {
    const { fetcher } = fetcherFor("oslc");
    const first = await fetcher.ensureSchemas(["nosuchos"]);
    assert.deepEqual(first, { fetched: [], skipped: ["nosuchos"], failed: [] });
    assert.equal(apiPaths().length, 1);
    await fetcher.ensureSchemas(["nosuchos"]);
    assert.equal(apiPaths().length, 1, "asked again");
    await fetcher.ensureSchemas(["nosuchos"], { force: true });
    assert.equal(apiPaths().length, 2);
  });

  test("a failing server (503) is a failure; the cached copy stays as it was", async () => {
    const { fetcher, folder } = fetcherFor("oslc");
    await fetcher.refreshApimeta();
    await fetcher.ensureSchemas(["mxapiasset"]);
    const before = readFileSync(schemaFile(folder, "mxapiasset"));
    emu.addFault({ path: "/maximo/oslc/*", kind: "503" });
    const apimeta = await fetcher.refreshApimeta();
    assert.ok(!apimeta.ok && !apimeta.unavailable);
    assert.match(apimeta.reason, /HTTP 503/);
    const report = await fetcher.ensureSchemas(["mxapiasset"], { force: true });
    assert.equal(report.failed.length, 1);
    assert.ok(readFileSync(schemaFile(folder, "mxapiasset")).equals(before));
    assert.ok(readdirSync(join(folder, "jsonschemas")).every((file) => file.endsWith(".json")), "a temp file was left behind");
  });

  test("offline (nothing listening): a failure in words, nothing written", async () => {
    const gone = await startEmulator({ port: 0 });
    await gone.close();
    const { fetcher, folder } = fetcherFor("oslc", "apikey", gone.url);
    const apimeta = await fetcher.refreshApimeta();
    assert.ok(!apimeta.ok);
    assert.match(apimeta.reason, /127\.0\.0\.1/);
    assert.equal(existsSync(folder), false);
  });

  test("a truncated answer never replaces the cache", async () => {
    const { fetcher, folder } = fetcherFor("oslc");
    await fetcher.refreshApimeta();
    const before = readFileSync(apimetaFile(folder));
    emu.addFault({ path: "/maximo/oslc/apimeta", kind: "truncate", count: 1 });
    const outcome = await fetcher.refreshApimeta();
    assert.equal(outcome.ok, false);
    assert.ok(readFileSync(apimetaFile(folder)).equals(before));
  });

  test("a 200 that is not JSON (a sign-on page in front of the server) never replaces the cache", async () => {
    const { fetcher, folder } = fetcherFor("oslc");
    await fetcher.refreshApimeta();
    const before = readFileSync(apimetaFile(folder));
    // A proxy answering for the server: same connection folder, HTML instead of JSON.
    const proxy = createServer((_req, res) => res.writeHead(200, { "content-type": "text/html" }).end("<html><form>Sign in</form></html>"));
    await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
    try {
      const port = (proxy.address() as AddressInfo).port;
      const connection: ConnectionConfig = { name: "emu", url: `http://127.0.0.1:${port}/maximo`, apiRoot: "oslc", auth: "none" };
      const executor = createExecutor({ connection, secrets, retry: { maxRetries: 0 } });
      executors.push(executor);
      const outcome = await new SchemaFetcher({ connection, folder, send: executor.send }).refreshApimeta();
      assert.ok(!outcome.ok);
      assert.match(outcome.reason, /something other than JSON/);
      assert.ok(readFileSync(apimetaFile(folder)).equals(before));
    } finally {
      proxy.close();
    }
  });
});

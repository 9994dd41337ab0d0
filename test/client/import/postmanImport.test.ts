// A Postman collection (v2.1) with folders, variables, path variables, bodies and auth at the
// collection, folder and request level, read back as the runner would send it; no secret of the
// collection reaches the .maximo text.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { importRequests } from "../../../client/src/import";
import { assertNoSecret, header, readBack } from "./support";

const root = process.env.MAXIMO_WORKBENCH_ROOT ?? process.cwd();
const COLLECTION = readFileSync(join(root, "test/fixtures/import/workorders.postman_collection.json"), "utf8");
const SECRETS = ["pm-apikey-7f3k2", "pm-admin-pw-9q", "pm-form-pw-4x", "pm-basic-pw-2z", "pm-bearer-tok-8m"];
const ENV = { MAXIMO_APIKEY: "key-from-env", MAXIMO_PASSWORD: "pw-from-env", MAXIMO_TOKEN: "tok-from-env" };

test("folders become the path in each ### name, in collection order", () => {
  const { text, format, requests } = importRequests(COLLECTION);
  assert.equal(format, "postman");
  assert.equal(requests, 6);
  assert.deepEqual(
    text.split("\n").filter((line) => line.startsWith("###")),
    [
      "### Work orders / Approved at site",
      "### Work orders / Changes / Create",
      "### Work orders / Changes / Change status",
      "### Sign-in / Form login",
      "### Sign-in / Whoami with basic",
      "### Sign-in / Token call",
    ],
  );
  assert.match(text, /^# Imported from the Postman collection "Maximo work orders"\./);
});

test("no secret of the collection is written: secret variables, auth values and body fields go to $processEnv", () => {
  const { text } = importRequests(COLLECTION);
  assertNoSecret(text, SECRETS);
  assert.match(text, /^@apikey = \{\{\$processEnv MAXIMO_APIKEY\}\}$/m, "a variable of type secret");
  assert.match(text, /^@adminPassword = \{\{\$processEnv MAXIMO_PASSWORD\}\}$/m, "a variable whose name says password");
  assert.match(text, /^@baseUrl = https:\/\/maximo\.example\.com\/maximo\/api$/m);
  assert.match(text, /^@site = BEDFORD$/m);
  assert.doesNotMatch(text, /@unused/, "a disabled variable is left out");
});

test("variables stay {{var}}; the collection's apikey auth is inherited; query values read as sent", async () => {
  const requests = await readBack(importRequests(COLLECTION).text, ENV, { id: "_MTAwMS9CRURGT1JE" });
  const [approved, create, changeStatus] = requests;
  assert.equal(approved!.method, "GET");
  assert.equal(approved!.target, "https://maximo.example.com/maximo/api/os/mxapiwodetail");
  assert.deepEqual(approved!.query, [
    { key: "lean", value: "1" },
    { key: "oslc.where", value: 'status="APPR" and siteid="BEDFORD"' },
    { key: "oslc.select", value: "wonum,description,status" },
  ]);
  assert.equal(header(approved!, "accept"), "application/json");
  assert.equal(header(approved!, "x-debug"), undefined, "a disabled header is left out");
  assert.equal(header(approved!, "apikey"), "key-from-env", "collection auth → apikey header → {{apikey}} → MAXIMO_APIKEY");

  assert.equal(create!.method, "POST");
  assert.equal(header(create!, "content-type"), "application/json");
  assert.deepEqual(JSON.parse(String(create!.body)), { siteid: "BEDFORD", description: "Imported from Postman" });

  // The :id path variable has no value: it becomes {{id}}, with a note saying to define it.
  assert.equal(changeStatus!.target, "https://maximo.example.com/maximo/api/os/mxapiwodetail/_MTAwMS9CRURGT1JE");
  assert.deepEqual(changeStatus!.query, [
    { key: "lean", value: "1" },
    { key: "action", value: "wsmethod:changeStatus" },
  ]);
  assert.equal(header(changeStatus!, "x-method-override"), "PATCH");
});

test("a folder's noauth stops inheritance; basic maps to a connection; bearer to MAXIMO_TOKEN; form fields hidden", async () => {
  const { text } = importRequests(COLLECTION);
  assert.match(text, /# The Postman path variable :id has no value: add "@id = \.\.\." above\./);
  assert.match(text, /# Its Postman scripts \(pre-request, tests\) were not converted/);
  const [, , , login, whoami, token] = await readBack(text, ENV, { id: "x" });
  assert.equal(header(login!, "apikey"), undefined, "noauth on the folder");
  assert.equal(login!.body, "j_username=maxadmin&j_password=pw-from-env&note=a%20b%26c");
  assert.equal(header(login!, "content-type"), "application/x-www-form-urlencoded");

  assert.equal(whoami!.target, "whoami", "relative to the connection, which signs in");
  assert.equal(header(whoami!, "authorization"), undefined);
  assert.match(text, /auth basic, user "maxadmin", API root oslc/);

  assert.equal(header(token!, "authorization"), "Bearer tok-from-env");
});

test("v2.0-style auth objects and a request given as a bare URL string", async () => {
  const collection = {
    info: { name: "old", schema: "https://schema.getpostman.com/json/collection/v2.0.0/collection.json" },
    item: [{ name: "ping", request: "http://127.0.0.1:9/maximo/oslc/ping", auth: undefined }, { name: "key", request: { url: "http://127.0.0.1:9/other", auth: { type: "apikey", apikey: { key: "x-api-key", value: "v20-secret-1", in: "header" } } } }],
  };
  const { text } = importRequests(JSON.stringify(collection));
  assertNoSecret(text, ["v20-secret-1"]);
  const [ping, key] = await readBack(text, { MAXIMO_APIKEY: "k" });
  assert.equal(ping!.method, "GET");
  assert.equal(ping!.target, "http://127.0.0.1:9/maximo/oslc/ping");
  assert.equal(header(key!, "x-api-key"), "k");
});

/** A collection of one request whose `url` is the given v2.1 URL object. */
function oneRequest(url: unknown, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    info: { name: "min", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
    item: [{ name: "r", request: { method: "GET", header: [], url }, ...extra }],
  });
}

// Postman v2.1 schema, "url": `raw` is the display text; protocol/host/port/path/query/hash are the
// parts Postman and Newman send, and `query` entries with `"disabled": true` are not sent.
test("Postman URL parts: a query array missing from raw is kept (action=wsmethod:...); disabled entries are dropped", async () => {
  const url = {
    raw: "{{baseUrl}}/oslc/os/mxapiassignment/:id",
    host: ["{{baseUrl}}"],
    path: ["oslc", "os", "mxapiassignment", ":id"],
    query: [
      { key: "action", value: "wsmethod:assignLabor" },
      { key: "lean", value: "1" },
      { key: "oslc.where", value: "", disabled: true },
      { key: "oslc.select", value: "{{fields}}" },
    ],
    variable: [{ key: "id", value: "42" }],
  };
  const { text } = importRequests(oneRequest(url));
  const [request] = await readBack(text, {}, { baseUrl: "http://127.0.0.1:9/maximo", fields: "wonum" });
  assert.equal(request!.target, "http://127.0.0.1:9/maximo/oslc/os/mxapiassignment/42");
  assert.deepEqual(request!.query, [
    { key: "action", value: "wsmethod:assignLabor" },
    { key: "lean", value: "1" },
    { key: "oslc.select", value: "wonum" },
  ]);
  assert.match(text, /&oslc\.select=\{\{fields\}\}/, "a {{variable}} value is written as it stands");
});

test("Postman URL parts: raw with ?lean=1 and a query array with lean=1 and oslc.select: the array wins, each once", async () => {
  const url = { raw: "{{baseUrl}}/oslc/os/mxapiwo?lean=1", host: ["{{baseUrl}}"], path: ["oslc", "os", "mxapiwo"], query: [{ key: "lean", value: "1" }, { key: "oslc.select", value: "wonum" }] };
  const [request] = await readBack(importRequests(oneRequest(url)).text, {}, { baseUrl: "http://127.0.0.1:9/maximo" });
  assert.deepEqual(request!.query, [
    { key: "lean", value: "1" },
    { key: "oslc.select", value: "wonum" },
  ]);
});

test("Postman URL: raw alone is read when there are no parts; protocol, port and a parts-only URL are built", async () => {
  const [rawOnly] = await readBack(importRequests(oneRequest({ raw: "http://127.0.0.1:9/maximo/oslc/os/mxapiwo?lean=1&oslc.pageSize=5" })).text);
  assert.equal(rawOnly!.target, "http://127.0.0.1:9/maximo/oslc/os/mxapiwo");
  assert.deepEqual(rawOnly!.query, [
    { key: "lean", value: "1" },
    { key: "oslc.pageSize", value: "5" },
  ]);
  const parts = { protocol: "http", host: ["127", "0", "0", "1"], port: "9", path: ["maximo", "oslc", "whoami"], query: [{ key: "lean", value: "1" }] };
  const [built] = await readBack(importRequests(oneRequest(parts)).text);
  assert.equal(built!.target, "http://127.0.0.1:9/maximo/oslc/whoami");
  assert.deepEqual(built!.query, [{ key: "lean", value: "1" }]);
});

test("secret-named query parameters, URL credentials and body fields of a Postman request are never written", async () => {
  const url = {
    raw: "http://bob:pmURL-1@127.0.0.1:9/api/x?password=pmQ-2",
    protocol: "http",
    host: ["127", "0", "0", "1"],
    port: "9",
    path: ["api", "x"],
    query: [
      { key: "password", value: "pmQ-2" },
      { key: "api_key", value: "pmQ-3" },
      { key: "lean", value: "1" },
    ],
  };
  const body = { mode: "urlencoded", urlencoded: [{ key: "userid", value: "BOB" }, { key: "passwordinput", value: "pmB-4" }] };
  const collection = JSON.parse(oneRequest(url));
  collection.item[0].request.body = body;
  const { text } = importRequests(JSON.stringify(collection));
  assertNoSecret(text, ["pmURL-1", "pmQ-2", "pmQ-3", "pmB-4"]);
  assert.match(text, /# Signed in as "bob" from the URL/);
  const [request] = await readBack(text, { MAXIMO_PASSWORD: "P", MAXIMO_APIKEY: "K", MAXIMO_BASIC: "B" });
  assert.equal(request!.target, "http://127.0.0.1:9/api/x");
  assert.deepEqual(request!.query, [
    { key: "password", value: "P" },
    { key: "api_key", value: "K" },
    { key: "lean", value: "1" },
  ]);
  assert.equal(header(request!, "authorization"), "Basic B");
  assert.equal(request!.body, "userid=BOB&passwordinput=P");

  // The Postman SDK's URL object keeps user:password in `auth`, out of the host.
  const sdk = importRequests(oneRequest({ raw: "http://carol:pmURL-5@127.0.0.1:9/api/y", protocol: "http", auth: { user: "carol", password: "pmURL-5" }, host: ["127", "0", "0", "1"], port: "9", path: ["api", "y"] })).text;
  assertNoSecret(sdk, ["pmURL-5"]);
  assert.match(sdk, /# Signed in as "carol" from the URL/);
});

test("a collection variable named like mxpass is a secret: its value goes to $processEnv", () => {
  const collection = JSON.parse(oneRequest("{{host}}/maximo/oslc/whoami"));
  collection.variable = [
    { key: "host", value: "http://127.0.0.1:9" },
    { key: "mxpass", value: "pmVAR-6" },
    { key: "mxuser", value: "maxadmin" },
  ];
  const { text } = importRequests(JSON.stringify(collection));
  assertNoSecret(text, ["pmVAR-6"]);
  assert.match(text, /^@mxpass = \{\{\$processEnv MAXIMO_MXPASS\}\}$/m);
  assert.match(text, /^@mxuser = maxadmin$/m);
});

test("a collection variable a secret place reads (_lpwd={{pw}}, x-api-key: {{k}}) is a secret whatever its name (second audit)", () => {
  const collection = JSON.parse(oneRequest("{{host}}/maximo/oslc/os/mxapiasset?_lid=wilson&_lpwd={{pw}}"));
  collection.item[0].request.header = [{ key: "x-api-key", value: "{{k}}" }];
  collection.variable = [
    { key: "host", value: "http://127.0.0.1:9" },
    { key: "pw", value: "PM02" },
    { key: "k", value: "PMK03" },
  ];
  const { text } = importRequests(JSON.stringify(collection));
  assertNoSecret(text, ["PM02", "PMK03"]);
  assert.match(text, /^@pw = \{\{\$processEnv MAXIMO_PW\}\}$/m);
  assert.match(text, /^@host = http:\/\/127\.0\.0\.1:9$/m);
});

// Postman v2.1 schema: "protocolProfileBehavior" on an item or a folder; strictSSL false turns certificate checks off.
test("protocolProfileBehavior.strictSSL false (on the request or its folder) gets a note: --insecure or the connection's TLS option", () => {
  const collection = {
    info: { name: "tls", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
    item: [
      { name: "own", request: { method: "GET", url: "https://127.0.0.1:9/a" }, protocolProfileBehavior: { strictSSL: false } },
      { name: "folder", protocolProfileBehavior: { strictSSL: false }, item: [{ name: "inherited", request: { method: "GET", url: "https://127.0.0.1:9/b" } }] },
      { name: "checked", request: { method: "GET", url: "https://127.0.0.1:9/c" }, protocolProfileBehavior: { disableBodyPruning: true } },
    ],
  };
  const { text } = importRequests(JSON.stringify(collection));
  const notes = text.split("\n").filter((line) => line.includes("strictSSL off"));
  assert.equal(notes.length, 2, text);
  assert.match(notes[0]!, /run it with `maximo run --insecure`, or set the connection's insecure option/);
});

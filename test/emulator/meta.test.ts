/**
 * apimeta and jsonschemas, called as handlers with a hand-made request (the HTTP-level tests
 * come with the server).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { buildMetadata } from "../../emulator/data/metadata";
import { defaultOptions, type Emulator } from "../../emulator/emulator";
import { MaximoError } from "../../emulator/http/errors";
import type { ApiRequest, Reply } from "../../emulator/http/types";
import { apimeta, jsonSchema, requireObjectStructure } from "../../emulator/meta/index";
import { Store } from "../../emulator/store/store";

const contextRoot = "http://127.0.0.1:9/maximo";
const metadata = buildMetadata();
const emulator: Emulator = { options: defaultOptions(), metadata, store: new Store(metadata), now: () => 0 };

function request(path: string, query: Record<string, string> = {}, apiRoot: "oslc" | "api" = "oslc"): ApiRequest {
  const params = Object.entries(query).map(([name, value]) => ({ name, value }));
  return {
    method: "GET", effectiveMethod: "GET", segments: path.split("/"), apiRoot,
    rawPath: `/maximo/${apiRoot}/${path}`, rawQuery: new URLSearchParams(query).toString(), query: params,
    headers: {}, body: Buffer.alloc(0), user: "MAXADMIN", lean: true, contextRoot,
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- schema JSON is walked freely in assertions
type Json = any;
function body(reply: Reply): Json {
  assert.equal(reply.status, 200);
  assert.equal(reply.body?.kind, "json");
  return (reply.body as { value: unknown }).value;
}

test("JSON API reference §21.1: apimeta/mxasset lists All and the saved queries with savedQuery hrefs", () => {
  const meta = body(apimeta(request("apimeta/mxasset"), emulator, "mxasset"));
  assert.equal(meta.name, "MXASSET");
  assert.equal(meta.appName, "ASSET");
  assert.equal(meta.jsonschema, `${contextRoot}/oslc/jsonschemas/mxasset`);
  assert.deepEqual(meta.creationFactory, [{ name: "Default", href: `${contextRoot}/oslc/os/mxasset` }]);
  const byName = new Map<string, Json>(meta.queryCapability.map((q: Json) => [q.name, q]));
  assert.equal(meta.queryCapability[0].name, "All");
  assert.equal(byName.get("All").href, `${contextRoot}/oslc/os/mxasset`);
  assert.deepEqual(byName.get("ITSTOCK"), {
    name: "ITSTOCK", title: "IT Stock in Stock Locations (non-Storeroom)", ispublic: true,
    href: `${contextRoot}/oslc/os/mxasset?savedQuery=ITSTOCK`,
  });
  assert.equal(byName.get("publicAssets").javaMethod, true);
  assert.equal(byName.get("ASSET:Bad Actor - LTD Cost").href, `${contextRoot}/oslc/os/mxasset?savedQuery=ASSET%3ABad+Actor+-+LTD+Cost`);
});

test("JSON API reference §3: apimeta without a name lists every API object structure; /api/ hrefs stay on /api/", () => {
  const all: Json[] = body(apimeta(request("apimeta", {}, "api"), emulator));
  const names = all.map((m) => m.name);
  for (const name of ["MXAPIWODETAIL", "MXAPIASSET", "MXAPISR", "MXAPIAUTOSCRIPT", "MXSCRIPT", "MXPO"]) assert.ok(names.includes(name), name);
  const wo = all.find((m) => m.name === "MXAPIWODETAIL");
  assert.equal(wo.creationFactory[0].href, `${contextRoot}/api/os/mxapiwodetail`);
  assert.ok(wo.queryCapability.some((q: Json) => q.name === "ASSIGNEDWOLIST"));
});

test("PRODUCT.md real-server facts: an unknown object structure is BMXAA9301E on apimeta, jsonschemas and the os/ lookup", () => {
  for (const call of [
    () => apimeta(request("apimeta/mxnothere"), emulator, "mxnothere"),
    () => jsonSchema(request("jsonschemas/mxnothere"), emulator, "mxnothere"),
    () => requireObjectStructure(emulator, "MXNOTHERE"),
  ]) {
    assert.throws(call, (e: unknown) => e instanceof MaximoError && e.reasonCode === "BMXAA9301E" && e.statusCode === 400 && /MXNOTHERE/.test(e.message));
  }
  assert.equal(requireObjectStructure(emulator, "MXAPIWODETAIL").name, "mxapiwodetail");
});

test("JSON API reference §10 JSON Schema: the root schema carries Maximo types and links child objects", () => {
  const schema = body(jsonSchema(request("jsonschemas/mxapiwodetail"), emulator, "mxapiwodetail"));
  assert.equal(schema.resource, "MXAPIWODETAIL");
  assert.equal(schema.title, "WORKORDER");
  assert.equal(schema.type, "object");
  assert.deepEqual(schema.pk, ["siteid", "wonum"]);
  assert.equal(schema.$ref, `${contextRoot}/oslc/jsonschemas/mxapiwodetail`);
  assert.ok(schema.required.includes("wonum") && schema.required.includes("siteid"));
  assert.ok(!schema.required.includes("description"));
  // A real MXAPIWODETAIL schema states the key's autonumbering as its default (IBM's MAF test data:
  // `wonum: { default: "&AUTOKEY&", searchType: "WILDCARD", subType: "UPPER", ... }`).
  assert.deepEqual(schema.properties.wonum, {
    type: "string", subType: "UPPER", maxLength: 25, title: "Work Order", remarks: "Identifies the work order.",
    persistent: true, searchType: "WILDCARD", default: "&AUTOKEY&",
  });
  // Filled from the clock and the login on insert, so stated as defaults too; a plain attribute has none.
  assert.equal(schema.properties.reportdate.default, "&SYSDATE&");
  assert.equal(schema.properties.changeby.default, "&USERNAME&");
  assert.equal(schema.properties.description.default, undefined);
  assert.equal(schema.properties.status.hasList, true);
  assert.equal(schema.properties.wopriority.type, "integer");
  assert.equal(schema.properties.estdur.type, "number");
  assert.equal(schema.properties.istask.type, "boolean");
  assert.equal(schema.properties.description_longdescription.persistent, false);
  const wplabor = schema.properties.wplabor;
  assert.equal(wplabor.type, "array");
  assert.equal(wplabor.objectName, "WPLABOR");
  assert.equal(wplabor.relation, "SHOWPLANLABOR");
  assert.equal(wplabor.items.definition.subSchema.$ref, `${contextRoot}/oslc/jsonschemas/mxapiwodetail/wplabor`);
  assert.equal(wplabor.items.properties, undefined);
});

test("JSON API reference §10 JSON Schema: oslc.select=* inlines child schemas, recursively", () => {
  const schema = body(jsonSchema(request("jsonschemas/mxapiautoscript", { "oslc.select": "*" }), emulator, "mxapiautoscript"));
  const launchpoint = schema.properties.scriptlaunchpoint;
  assert.equal(launchpoint.items.type, "object");
  assert.equal(launchpoint.items.properties.launchpointname.subType, "UPPER");
  assert.equal(launchpoint.items.properties.launchpointvars.items.properties.varname.maxLength, 100);
  assert.equal(launchpoint.items.definition, undefined);
  assert.equal(schema.properties.autoscriptvars.items.properties.vartype.hasList, true);
  assert.equal(schema.properties.source.subType, "CLOB");
});

test("JSON API reference §10 JSON Schema: oslc.select=wonum,status,invreserve{*} keeps two attributes and one inlined child", () => {
  const schema = body(jsonSchema(request("jsonschemas/mxwodetail", { "oslc.select": "wonum,status,invreserve{*}" }), emulator, "mxwodetail"));
  const names = Object.keys(schema.properties).filter((n) => !["href", "_rowstamp", "localref"].includes(n));
  assert.deepEqual(names.sort(), ["invreserve", "status", "wonum"]);
  assert.ok(schema.properties.invreserve.items.properties.itemnum);
  assert.deepEqual(schema.required.sort(), ["status", "wonum"]);
});

test("JSON API reference §10 JSON Schema: a child's $ref resolves to that child's schema", () => {
  const schema = body(jsonSchema(request("jsonschemas/mxapiautoscript/scriptlaunchpoint/launchpointvars"), emulator, "mxapiautoscript"));
  assert.equal(schema.title, "LAUNCHPOINTVARS");
  assert.ok(schema.properties.varbindingvalue);
  assert.throws(() => jsonSchema(request("jsonschemas/mxapiautoscript/nochild"), emulator, "mxapiautoscript"), MaximoError);
});

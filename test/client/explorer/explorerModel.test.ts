/**
 * The explorer's tree model without VS Code: connections → object structures (apimeta, JSON API
 * reference §3 and §21.1) → saved queries, child objects and attributes (jsonschemas, §10), one
 * level at a time; the filter; where each level's knowledge comes from (the connection's cached
 * schemas or the offline pack); the schema fetched when a structure is expanded.
 */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, test } from "node:test";
import { ExplorerModel, type ExplorerConnection, type ExplorerHost } from "../../../client/src/explorer/explorerModel";
import type { AttributeNode, ChildObjectNode, ConnectionNode, ExplorerNode, MessageNode, SavedQueryNode, StructureNode } from "../../../client/src/explorer/nodes";
import { nodeExplorerFiles, type ExplorerFiles } from "../../../client/src/explorer/schemaSource";

const root = process.env.MAXIMO_WORKBENCH_ROOT ?? process.cwd();
const packDir = join(root, "server", "schema-pack");
const packNames = (JSON.parse(readFileSync(join(packDir, "apimeta.json"), "utf8")) as Array<{ name: string }>).map((entry) => entry.name.toLowerCase()).sort();

let scratch: string;
beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), "maximo-explorer-"));
});
afterEach(() => rmSync(scratch, { recursive: true, force: true }));

function model(connections: ExplorerConnection[] = [], extra: Partial<ExplorerHost> = {}): ExplorerModel {
  return new ExplorerModel({ connections: () => connections, packDir, ...extra });
}

/** A connection cache folder holding what a server sent: apimeta and some jsonschemas. */
function cacheFolder(name: string, apimeta: unknown, schemas: Record<string, unknown> = {}): string {
  const folder = join(scratch, name);
  mkdirSync(join(folder, "jsonschemas"), { recursive: true });
  if (apimeta !== undefined) writeFileSync(join(folder, "apimeta.json"), JSON.stringify(apimeta));
  for (const [os, schema] of Object.entries(schemas)) writeFileSync(join(folder, "jsonschemas", `${os}.json`), JSON.stringify(schema));
  return folder;
}

const serverApimeta = [
  {
    name: "MXAPIINVENTORY",
    description: "Inventory of an item in a storeroom",
    queryCapability: [{ name: "All", href: "x" }, { name: "LOWSTOCK", title: "Below reorder point", ispublic: true, href: "x" }],
  },
  { name: "MXAPIWODETAIL", description: "Work orders (server)", queryCapability: [] },
];
const inventorySchema = {
  title: "INVENTORY",
  pk: ["itemnum", "location", "siteid"],
  required: ["itemnum"],
  properties: {
    itemnum: { type: "string", subType: "UPPER", maxLength: 30, title: "Item", remarks: "The item." },
    curbal: { type: "number", subType: "DECIMAL", maxLength: 15, scale: 2, title: "Current Balance" },
    location: { type: "string", subType: "UPPER", maxLength: 12, title: "Storeroom" },
    siteid: { type: "string", subType: "UPPER", maxLength: 8 },
    status: { type: "string", subType: "UPPER", maxLength: 20, hasList: true },
    invbalances: { type: "array", objectName: "INVBALANCES", relation: "INVBALANCES", items: { type: "object", properties: { binnum: { type: "string", maxLength: 8 } } } },
  },
};

const kinds = (nodes: ExplorerNode[]) => nodes.map((node) => node.kind);
const labels = (nodes: ExplorerNode[]) =>
  nodes.map((node) => ("name" in node ? node.name : node.kind === "attribute" || node.kind === "childObject" ? node.attribute.name : node.kind === "savedQuery" ? node.query.name : node.kind === "message" ? node.text : node.id));

async function structure(explorer: ExplorerModel, connection: ConnectionNode, name: string): Promise<StructureNode> {
  const found = (await explorer.children(connection)).find((node): node is StructureNode => node.kind === "structure" && node.name === name);
  assert.ok(found, `${name} is listed`);
  return found;
}

test("without a connection: one offline-pack root listing the pack's structures, sorted", async () => {
  const explorer = model();
  const roots = await explorer.children();
  assert.equal(roots.length, 1);
  const pack = roots[0] as ConnectionNode;
  assert.equal(pack.scope.connection, undefined);
  assert.equal(pack.provenance, "pack");
  assert.equal(pack.count, packNames.length);
  const structures = await explorer.children(pack);
  assert.deepEqual(labels(structures), packNames);
  const wo = structures.find((node) => node.kind === "structure" && node.name === "mxapiwodetail") as StructureNode;
  assert.equal(wo.description, "Maximo API for Work Orders with Plans and Reservations");
});

test("a structure expands to its saved queries, then child objects, then attributes, one level only", async () => {
  const explorer = model();
  const [pack] = await explorer.children();
  const wo = await structure(explorer, pack as ConnectionNode, "mxapiwodetail");
  const level = await explorer.children(wo);
  assert.equal(level[0]!.kind, "savedQueries", "saved queries come first");
  const children = level.filter((node): node is ChildObjectNode => node.kind === "childObject");
  assert.deepEqual(labels(children), ["doclinks", "invreserve", "labtrans", "wplabor", "wpmaterial"]);
  const attributes = level.filter((node): node is AttributeNode => node.kind === "attribute");
  const names = attributes.map((node) => node.attribute.name);
  assert.deepEqual(names, [...names].sort(), "attributes by name");
  assert.ok(!names.includes("laborcode"), "a child's attributes are not on the structure's level");
  assert.deepEqual(kinds(level), ["savedQueries", ...children.map(() => "childObject"), ...attributes.map(() => "attribute")]);
  const status = attributes.find((node) => node.attribute.name === "status")!;
  assert.equal(status.attribute.hasList, true);
  assert.equal(status.provenance, "pack");
  assert.equal(attributes.find((node) => node.attribute.name === "wonum")!.key, true, "wonum is part of the primary key");
});

test("child objects nest: wplabor expands to its own attributes, with paths from the root", async () => {
  const explorer = model();
  const [pack] = await explorer.children();
  const wo = await structure(explorer, pack as ConnectionNode, "mxapiwodetail");
  const wplabor = (await explorer.children(wo)).find((node): node is ChildObjectNode => node.kind === "childObject" && node.attribute.name === "wplabor")!;
  assert.equal(wplabor.attribute.relation, "SHOWPLANLABOR");
  const level = await explorer.children(wplabor);
  const laborcode = level.find((node): node is AttributeNode => node.kind === "attribute" && node.attribute.name === "laborcode");
  assert.ok(laborcode);
  assert.deepEqual(laborcode.path, ["wplabor", "laborcode"]);
  assert.equal(laborcode.key, false);
  assert.equal(level.find((node): node is AttributeNode => node.kind === "attribute" && node.attribute.name === "wplaborid")!.key, true);
  assert.notEqual(laborcode.id, (await explorer.children(wo)).find((node) => node.kind === "attribute" && node.attribute.name === "wonum")!.id);
});

test("saved queries as apimeta lists them, exact case (reference §21.1)", async () => {
  const explorer = model();
  const [pack] = await explorer.children();
  const wo = await structure(explorer, pack as ConnectionNode, "mxapiwodetail");
  const group = (await explorer.children(wo))[0]!;
  const queries = (await explorer.children(group)) as SavedQueryNode[];
  assert.ok(queries.every((node) => node.kind === "savedQuery"));
  const names = queries.map((node) => node.query.name);
  for (const name of ["ASSIGNEDWOLIST", "myNotCompletedList", "WOTRACK:All Work Orders"]) assert.ok(names.includes(name), `${name} in ${JSON.stringify(names)}`);
  assert.equal(new Set(queries.map((node) => node.id)).size, queries.length, "ids are unique");
});

test("the filter keeps structures whose name, description or application has every word", async () => {
  const explorer = model();
  const [pack] = await explorer.children();
  explorer.setFilter("  wo DETAIL ");
  assert.equal(explorer.filterText, "wo DETAIL");
  assert.deepEqual(labels(await explorer.children(pack)), ["mxapiwodetail", "mxwodetail"]);
  explorer.setFilter("purchase");
  assert.deepEqual(labels(await explorer.children(pack)), ["mxapipo", "mxpo"], "found by description");
  explorer.setFilter("nothing-like-this");
  const none = await explorer.children(pack);
  assert.equal(none.length, 1);
  assert.equal((none[0] as MessageNode).text, 'No object structure matches "nothing-like-this"');
  explorer.setFilter("");
  assert.deepEqual(labels(await explorer.children(pack)), packNames);
});

test("connections: the active one first; a cached apimeta is the server's list, no cache is the pack's, said so", async () => {
  const explorer = model([
    { name: "test", active: false, folder: cacheFolder("test", undefined) },
    { name: "prod", active: true, folder: cacheFolder("prod", serverApimeta, { mxapiinventory: inventorySchema }) },
  ]);
  const roots = (await explorer.children()) as ConnectionNode[];
  assert.deepEqual(roots.map((node) => node.scope.connection), ["prod", "test"]);
  const [prod, test] = roots as [ConnectionNode, ConnectionNode];
  assert.equal(prod.provenance, "server");
  assert.equal(prod.count, 2);
  assert.equal(prod.note, undefined);
  assert.equal(test.provenance, "pack");
  assert.match(test.note ?? "", /not cached.*select the connection/);

  const serverList = await explorer.children(prod);
  assert.deepEqual(labels(serverList), ["mxapiinventory", "mxapiwodetail"], "a real server's structure the pack does not know");
  assert.ok(serverList.every((node) => node.kind !== "structure" || node.provenance === "server"));

  const packList = await explorer.children(test);
  const first = packList[0] as MessageNode;
  assert.equal(first.kind, "message");
  assert.equal(first.text, "From the offline pack");
  assert.equal(first.action, "selectConnection", "clicking it selects the connection, which fetches its schemas");
  assert.deepEqual(labels(packList.slice(1)), packNames);
});

test("a cached schema is the server's; a structure it lacks falls back to the pack, with a row that says so", async () => {
  const explorer = model([{ name: "prod", active: true, folder: cacheFolder("prod", serverApimeta, { mxapiinventory: inventorySchema }) }]);
  const [prod] = (await explorer.children()) as ConnectionNode[];
  const inventory = await explorer.children(await structure(explorer, prod!, "mxapiinventory"));
  assert.equal(inventory[0]!.kind, "savedQueries");
  assert.deepEqual(labels(await explorer.children(inventory[0]!)), ["All", "LOWSTOCK"]);
  const curbal = inventory.find((node): node is AttributeNode => node.kind === "attribute" && node.attribute.name === "curbal")!;
  assert.equal(curbal.provenance, "server");
  assert.ok(!inventory.some((node) => node.kind === "message"), "no provenance row for the server's own schema");

  const wo = await explorer.children(await structure(explorer, prod!, "mxapiwodetail"));
  assert.equal(wo[0]!.kind, "message");
  assert.equal((wo[0] as MessageNode).text, "From the offline pack");
  assert.match((wo[0] as MessageNode).detail ?? "", /not cached; Refresh fetches it/);
  assert.equal((wo[0] as MessageNode).action, "refresh", "for the active connection, clicking it refreshes its schemas");
  assert.ok(wo.some((node) => node.kind === "attribute" && node.attribute.name === "wonum" && node.provenance === "pack"));
});

test("expanding an uncached structure of the active connection fetches its schema once, then reads the cache", async () => {
  const folder = cacheFolder("prod", serverApimeta);
  const fetched: string[] = [];
  const explorer = model([{ name: "prod", active: true, folder }], {
    fetchSchema: async (connection, name) => {
      fetched.push(`${connection}/${name}`);
      writeFileSync(join(folder, "jsonschemas", `${name}.json`), JSON.stringify(inventorySchema));
      return { ok: true };
    },
  });
  const [prod] = (await explorer.children()) as ConnectionNode[];
  const node = await structure(explorer, prod!, "mxapiinventory");
  const level = await explorer.children(node);
  assert.deepEqual(fetched, ["prod/mxapiinventory"]);
  assert.ok(level.some((child) => child.kind === "attribute" && child.attribute.name === "itemnum" && child.provenance === "server"));
  await explorer.children(node);
  assert.deepEqual(fetched, ["prod/mxapiinventory"], "the second expand reads what was fetched");
});

test("offline: a failed fetch shows the pack's schema with the reason, or says the schema is not available", async () => {
  const explorer = model([{ name: "prod", active: true, folder: cacheFolder("prod", serverApimeta) }], {
    fetchSchema: async () => ({ ok: false, reason: "connect ECONNREFUSED 127.0.0.1:9" }),
  });
  const [prod] = (await explorer.children()) as ConnectionNode[];
  const wo = await explorer.children(await structure(explorer, prod!, "mxapiwodetail"));
  assert.equal((wo[0] as MessageNode).text, "From the offline pack");
  assert.match((wo[0] as MessageNode).detail ?? "", /the server's schema was not fetched: connect ECONNREFUSED/);
  const inventory = await explorer.children(await structure(explorer, prod!, "mxapiinventory"));
  const message = inventory.find((node): node is MessageNode => node.kind === "message")!;
  assert.equal(message.text, "Schema not available");
  assert.equal(message.severity, "warning");
  assert.match(message.detail ?? "", /ECONNREFUSED/);
  assert.ok(!inventory.some((node) => node.kind === "attribute"));
});

test("a connection that is not active is never fetched for: not cached — select the connection to fetch", async () => {
  let fetches = 0;
  const explorer = model(
    [
      { name: "dev", active: true, folder: cacheFolder("dev", undefined) },
      { name: "prod", active: false, folder: cacheFolder("prod", serverApimeta) },
    ],
    { fetchSchema: async () => ({ ok: false, reason: `fetch ${++fetches}` }) },
  );
  const prod = ((await explorer.children()) as ConnectionNode[]).find((node) => node.scope.connection === "prod")!;
  const inventory = await explorer.children(await structure(explorer, prod, "mxapiinventory"));
  const message = inventory.find((node): node is MessageNode => node.kind === "message")!;
  assert.equal(message.text, "Not cached — select the connection to fetch");
  assert.equal(message.action, "selectConnection");
  assert.equal(fetches, 0);
});

test("expanding one structure of hundreds reads apimeta and that one schema file, nothing else", async () => {
  const names = Array.from({ length: 300 }, (_, index) => `os${String(index).padStart(3, "0")}`);
  const folder = cacheFolder(
    "big",
    names.map((name) => ({ name: name.toUpperCase(), description: `Structure ${name}` })),
    Object.fromEntries(names.map((name) => [name, { properties: { [`${name}attr`]: { type: "string" } } }])),
  );
  const reads: string[] = [];
  const files: ExplorerFiles = { readText: (path) => (reads.push(path), nodeExplorerFiles.readText(path)) };
  const explorer = model([{ name: "big", active: true, folder }], { files });
  const [big] = (await explorer.children()) as ConnectionNode[];
  assert.equal(big!.count, 300);
  const node = await structure(explorer, big!, "os123");
  reads.length = 0;
  const level = await explorer.children(node);
  assert.deepEqual(labels(level), ["os123attr"]);
  assert.deepEqual(reads, [join(folder, "jsonschemas", "os123.json")]);
  reads.length = 0;
  await explorer.children(node);
  assert.deepEqual(reads, [], "kept once read");
  explorer.reload();
  await explorer.children(node);
  assert.deepEqual(reads, [join(folder, "jsonschemas", "os123.json")], "read again after a reload");
});

test("a corrupt cached schema is reported and the pack answers", async () => {
  const folder = cacheFolder("prod", serverApimeta);
  writeFileSync(join(folder, "jsonschemas", "mxapiwodetail.json"), "<html>Sign in</html>");
  const explorer = model([{ name: "prod", active: true, folder }]);
  const answer = await explorer.schemaFor({ connection: "prod", active: true }, "mxapiwodetail", { fetch: false });
  assert.equal(answer.provenance, "pack");
  assert.match(answer.note ?? "", /unusable.*not valid JSON/);
  assert.ok(answer.schema?.attributes.has("wonum"));
});

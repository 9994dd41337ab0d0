/**
 * The requests the explorer writes: New Request (a lean GET selecting the ticked attributes,
 * children as `rel{...}`, reference §4; `oslc.pageSize`, §8) and Run Saved Query (`savedQuery=NAME`,
 * case-sensitive, §21.2), read back by the `.maximo` parser exactly as meant and without a
 * diagnostic; Insert at Cursor's text; the tree items' look.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { ExplorerModel } from "../../../client/src/explorer/explorerModel";
import { itemView, itemTooltip, attributeDescription, escapeMarkdown } from "../../../client/src/explorer/itemView";
import type { AttributeNode, ChildObjectNode, ConnectionNode, ExplorerNode, SavedQueryNode, StructureNode } from "../../../client/src/explorer/nodes";
import { newRequestText, savedQueryRequestText, selectClause, structureInsertion, writtenValue } from "../../../client/src/explorer/requestText";
import { parseDocument, toParseSummary } from "../../../server/src/language/maximo/api";

const packDir = join(process.env.MAXIMO_WORKBENCH_ROOT ?? process.cwd(), "server", "schema-pack");

/** The one request of `text` as the parser reads it: its query values decoded, and the document's diagnostics. */
function parsed(text: string) {
  const summary = toParseSummary(parseDocument(text));
  assert.equal(summary.requests.length, 1, text);
  const request = summary.requests[0]!;
  return { request, query: Object.fromEntries(request.query.map(({ key, value }) => [key, value])), diagnostics: summary.diagnostics };
}

test("selectClause: attributes in tick order, a child's attributes gathered in its braces at its first place", () => {
  assert.equal(selectClause([["wonum"], ["wplabor", "laborcode"], ["status"], ["wplabor", "laborhrs"], ["wonum"]]), "wonum,wplabor{laborcode,laborhrs},status");
  assert.equal(selectClause([["a", "b", "c"], ["a", "d"]]), "a{b{c},d}");
  assert.equal(selectClause([]), "");
});

test("New Request: a lean GET of the structure with the ticked attributes, 20 rows a page", () => {
  const text = newRequestText({ structure: "mxapiwodetail", select: [["wonum"], ["status"], ["wplabor", "laborcode"]] });
  assert.equal(text, "### mxapiwodetail\nGET os/mxapiwodetail?lean=1\n    &oslc.select=wonum,status,wplabor{laborcode}\n    &oslc.pageSize=20\n");
  const { request, query, diagnostics } = parsed(text);
  assert.equal(request.method, "GET");
  assert.deepEqual(query, { lean: "1", "oslc.select": "wonum,status,wplabor{laborcode}", "oslc.pageSize": "20" });
  assert.deepEqual(diagnostics, []);
});

test("New Request for a connection that is not the active one names it with # @connection", () => {
  const text = newRequestText({ structure: "mxapiasset", select: [], connection: "prod eu" });
  assert.match(text, /^### mxapiasset\n# @connection prod eu\nGET os\/mxapiasset\?lean=1\n/);
  assert.match(text, /&oslc\.select=\*\n/, "nothing ticked and no schema: every attribute");
  assert.deepEqual(parsed(text).diagnostics, []);
});

test("Run Saved Query: savedQuery=NAME exactly as apimeta spells it, spaces and colons included", () => {
  const simple = savedQueryRequestText({ structure: "mxapiwodetail", select: [["wonum"]] }, "ASSIGNEDWOLIST");
  assert.match(simple, /^### mxapiwodetail: saved query ASSIGNEDWOLIST\nGET os\/mxapiwodetail\?savedQuery=ASSIGNEDWOLIST&lean=1\n/);
  assert.deepEqual(parsed(simple).query, { savedQuery: "ASSIGNEDWOLIST", lean: "1", "oslc.select": "wonum", "oslc.pageSize": "20" });
  for (const name of ["WOTRACK:All Work Orders", "50% & more #1", "myNotCompletedList"]) {
    const { query, diagnostics } = parsed(savedQueryRequestText({ structure: "mxapiwodetail", select: [["wonum"]] }, name));
    assert.equal(query.savedQuery, name);
    assert.deepEqual(diagnostics, [], name);
  }
  // apimeta's "All" is the collection itself (its href has no savedQuery, reference §21.1).
  assert.equal(parsed(savedQueryRequestText({ structure: "mxapiwodetail", select: [] }, "All")).query.savedQuery, undefined);
});

test("writtenValue escapes only what the parser would otherwise read differently", () => {
  assert.equal(writtenValue("WOTRACK:All Work Orders"), "WOTRACK:All Work Orders");
  assert.equal(writtenValue("a%b&c#d{e}\n"), "a%25b%26c%23d%7Be%7D%0A");
});

test("Insert at Cursor: os/NAME where a request line expects its URL, the bare name elsewhere", () => {
  assert.equal(structureInsertion("mxapiasset", ""), "os/mxapiasset");
  assert.equal(structureInsertion("mxapiasset", "GET "), "os/mxapiasset");
  assert.equal(structureInsertion("mxapiasset", "GET os/"), "mxapiasset");
  assert.equal(structureInsertion("mxapiasset", "    &oslc.select="), "mxapiasset");
});

async function packStructure(model: ExplorerModel, name: string): Promise<{ node: StructureNode; level: ExplorerNode[] }> {
  const [pack] = (await model.children()) as ConnectionNode[];
  const node = (await model.children(pack)).find((child): child is StructureNode => child.kind === "structure" && child.name === name)!;
  return { node, level: await model.children(node) };
}

test("ticking attributes in the tree makes New Request's select; unticked, the primary key, description and status", async () => {
  const model = new ExplorerModel({ connections: () => [], packDir });
  const { node, level } = await packStructure(model, "mxapiwodetail");
  assert.match(await model.newRequest(node), /&oslc\.select=siteid,wonum,description,status\n/);

  const attribute = (name: string) => level.find((child): child is AttributeNode => child.kind === "attribute" && child.attribute.name === name)!;
  const wplabor = level.find((child): child is ChildObjectNode => child.kind === "childObject" && child.attribute.name === "wplabor")!;
  const laborcode = (await model.children(wplabor)).find((child): child is AttributeNode => child.kind === "attribute" && child.attribute.name === "laborcode")!;
  model.setTicked(attribute("wonum"), true);
  model.setTicked(laborcode, true);
  model.setTicked(attribute("status"), true);
  assert.equal(model.isTicked(attribute("status")), true);
  assert.equal(itemView(attribute("status"), model.isTicked(attribute("status"))).checked, true);
  assert.equal(itemView(attribute("description"), model.isTicked(attribute("description"))).checked, false);
  const text = await model.newRequest(laborcode);
  assert.equal(text, "### mxapiwodetail\nGET os/mxapiwodetail?lean=1\n    &oslc.select=wonum,wplabor{laborcode},status\n    &oslc.pageSize=20\n");
  assert.deepEqual(parsed(text).diagnostics, []);

  model.setTicked(laborcode, false);
  assert.match(await model.newRequest(node), /&oslc\.select=wonum,status\n/);
  // Ticks belong to one structure: another keeps its default.
  const asset = await packStructure(model, "mxapiasset");
  assert.doesNotMatch(await model.newRequest(asset.node), /wonum/);

  const group = level.find((child) => child.kind === "savedQueries")!;
  const query = ((await model.children(group)) as SavedQueryNode[]).find((child) => child.query.name === "APPROVEWORK")!;
  assert.match(await model.savedQueryRequest(query), /\?savedQuery=APPROVEWORK&lean=1\n {4}&oslc\.select=wonum,status\n/);
});

test("tree items: attribute type, length and flags; provenance in descriptions; server text escaped", async () => {
  assert.equal(attributeDescription({ name: "status", type: "string", subType: "UPPER", maxLength: 20, required: true, hasList: true }), "UPPER(20) · required · list");
  assert.equal(attributeDescription({ name: "curbal", type: "number", subType: "DECIMAL", maxLength: 15, scale: 2, required: false, hasList: false }), "DECIMAL(15,2)");
  const model = new ExplorerModel({ connections: () => [], packDir });
  const [pack] = (await model.children()) as ConnectionNode[];
  const root = itemView(pack!);
  assert.equal(root.label, "Offline schema pack");
  assert.match(root.description ?? "", /^no connection · \d+ object structures$/);
  const { node, level } = await packStructure(model, "mxapiwodetail");
  assert.equal(itemView(node).collapsible, "collapsed");
  assert.match(itemTooltip(node) ?? "", /offline schema pack/);
  const wonumNode = level.find((child) => child.kind === "attribute" && child.attribute.name === "wonum")!;
  const wonum = itemView(wonumNode);
  assert.equal(wonum.icon, "key");
  assert.equal(wonum.contextValue, "attribute");
  assert.match(itemTooltip(wonumNode) ?? "", /Identifies the work order\\\./);
  assert.match(itemTooltip(wonumNode) ?? "", /primary key/);
  assert.equal(escapeMarkdown("[x](javascript:y) <b>"), "\\[x\\]\\(javascript:y\\) \\<b\\>");
});

// The shape of completion answers: LSP 3.17 item defaults for clients that declare them, and
// value templates from what real jsonschemas carry (`default`, `hasList`; never domain values).
import { test } from "node:test";
import assert from "node:assert/strict";
import { getCompletions } from "../../../server/src/features/completion/index";
import { resolveAttributeItem } from "../../../server/src/features/completion/attributeItems";
import { createSchemaStore } from "../../../server/src/schema/index";
import { pack, withCursor } from "./setup";

const vscodeLike = { itemDefaults: { editRange: true, data: true } };

test("with item defaults the edit range and data travel once; items carry label, kind, detail", () => {
  const { doc, offset } = withCursor(["GET os/mxapiwodetail?oslc.select=wonum,sta|"]);
  const list = getCompletions(doc, offset, pack, vscodeLike);
  assert.deepEqual(list.itemDefaults?.editRange, { start: { line: 0, character: 39 }, end: { line: 0, character: 42 } });
  assert.equal(typeof list.itemDefaults?.data, "number");
  const status = list.items.find((i) => i.label === "status");
  assert.ok(status);
  assert.deepEqual(Object.keys(status).sort(), ["detail", "kind", "label", "sortText"]);
  // The client copies the default data into the item it asks to resolve.
  const resolved = resolveAttributeItem({ ...status, data: list.itemDefaults?.data });
  assert.match((resolved.documentation as { value: string }).value, /\*\*status\*\* — Status/);
});

test("with item defaults a body key inserts its JSON form through textEditText", () => {
  const { doc, offset } = withCursor(["POST os/mxapiwodetail", "", '{"desc|']);
  const list = getCompletions(doc, offset, pack, vscodeLike);
  const description = list.items.find((i) => i.label === "description");
  assert.equal(description?.textEditText, '"description": ');
  assert.equal(description?.textEdit, undefined);
  assert.deepEqual(list.itemDefaults?.editRange, { start: { line: 2, character: 1 }, end: { line: 2, character: 6 } });
});

test("without item defaults every item has its own textEdit and data", () => {
  const { doc, offset } = withCursor(["GET os/mxapiwodetail?oslc.select=wonum,sta|"]);
  const list = getCompletions(doc, offset, pack);
  assert.equal(list.itemDefaults, undefined);
  assert.equal(list.isIncomplete, false);
  const status = list.items.find((i) => i.label === "status");
  assert.equal(status?.textEdit?.newText, "status");
  assert.equal(typeof status?.data, "number");
});

/** A cache folder shaped like a real server's: `default` and `hasList`, no domain values. */
function realShapedStore() {
  const schema = {
    resource: "MXAPIWODETAIL",
    type: "object",
    title: "WORKORDER",
    pk: ["siteid", "wonum"],
    properties: {
      wonum: { default: "&AUTOKEY&", subType: "UPPER", type: "string", hasList: true, maxLength: 25, title: "Work Order" },
      status: { subType: "UPPER", type: "string", hasList: true, maxLength: 20, title: "Status" },
      worktype: { default: "PM", subType: "UPPER", type: "string", hasList: true, maxLength: 5, title: "Work Type" },
      wopriority: { default: 3, subType: "INTEGER", type: "integer", title: "Priority" },
      istask: { default: false, subType: "YORN", type: "boolean", title: "Is Task" },
    },
  };
  const files = new Map([
    ["/cache/apimeta.json", JSON.stringify([{ name: "MXAPIWODETAIL", queryCapability: [] }])],
    ["/cache/jsonschemas/mxapiwodetail.json", JSON.stringify(schema)],
  ]);
  return createSchemaStore({ packDir: "/cache", readFile: (path) => files.get(path.replace(/\\/g, "/")), listDir: () => ["mxapiwodetail.json"] });
}

function templates(line: string) {
  const { doc, offset } = withCursor([line]);
  return getCompletions(doc, offset, realShapedStore()).items;
}

test("a where value offers the schema's default first, written for the attribute's type", () => {
  const worktype = templates("GET os/mxapiwodetail?oslc.where=worktype=|");
  assert.deepEqual(worktype.map((i) => i.label), ['"PM"', '""']);
  assert.equal(worktype[0]?.preselect, true);
  assert.equal(worktype[0]?.textEdit?.newText, '"PM"');
  const priority = templates("GET os/mxapiwodetail?oslc.where=wopriority=|");
  assert.deepEqual(priority.map((i) => i.textEdit?.newText), ["3"]);
  assert.deepEqual(templates("GET os/mxapiwodetail?oslc.where=worktype in |").map((i) => i.textEdit?.newText), ['["PM"]', '["$1"]']);
  // `&AUTOKEY&` is filled in on save, not a value to search for; YORN offers both forms.
  assert.deepEqual(templates("GET os/mxapiwodetail?oslc.where=wonum=|").map((i) => i.label), ['""']);
  assert.deepEqual(templates("GET os/mxapiwodetail?oslc.where=istask=|").map((i) => i.label), ["true", "false"]);
});

test("a value-list attribute says where its values come from, since the schema does not list them", () => {
  const [quoted] = templates('GET os/mxapiwodetail?oslc.where=status=|');
  assert.match(quoted?.detail ?? "", /value list/);
  assert.match((quoted?.documentation as { value: string }).value, /getlist~status/);
  const [plain] = templates("GET os/mxapiwodetail?oslc.where=wopriority>|");
  assert.equal(plain?.documentation, undefined);
});

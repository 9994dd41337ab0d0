// Completion and hover of listed values (a cache folder's `lists/<os>/<attr>.json`, each a
// `getlist~attr` answer, reference §10): inside where strings, after where operators, in JSON
// bodies (BULK and nested children too), and in a getlist~ request's own select and where.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import type { CompletionItem } from "vscode-languageserver";
import { getCompletions } from "../../../server/src/features/completion/index";
import { getHover } from "../../../server/src/features/hover";
import { resolveAttributeItem } from "../../../server/src/features/completion/attributeItems";
import { resolveValueItem } from "../../../server/src/features/completion/valueItems";
import { listsFolder } from "../schema/valueListFixture";
import { withCursor } from "./setup";

const folder = listsFolder();
after(folder.remove);

function complete(...lines: string[]): CompletionItem[] {
  const { doc, offset } = withCursor(lines);
  return getCompletions(doc, offset, folder.store).items;
}
const labels = (items: CompletionItem[]) => items.map((i) => i.label);
const newText = (item: CompletionItem | undefined) => (item?.textEdit && "newText" in item.textEdit ? item.textEdit.newText : undefined);
const documentation = (item: CompletionItem) => (typeof item.documentation === "object" ? item.documentation.value : "");
const STATUSES = ["WAPPR", "APPR", "FLDAPPR", "AWSCHED", "INPRG", "COMP", "CLOSE", "CAN"];

function hover(...lines: string[]): string | undefined {
  const { doc, offset } = withCursor(lines);
  const result = getHover(doc, offset, folder.store);
  return result && typeof result.contents === "object" && "value" in result.contents ? result.contents.value : undefined;
}

test("inside a where string: the listed values in the server's order, with descriptions", () => {
  const items = complete('GET os/mxapiwodetail?oslc.where=status="|"');
  assert.deepEqual(labels(items), STATUSES);
  const appr = items.find((i) => i.label === "APPR")!;
  assert.equal(newText(appr), "APPR");
  // The description comes on resolve (it would more than double the answer's bytes).
  assert.equal(appr.detail, undefined);
  assert.equal(resolveValueItem(appr).detail, "Approved");
  assert.match(documentation(resolveValueItem(appr)), /\*\*APPR\*\* — Approved/);
  // A synonym whose internal value differs says so.
  const field = resolveValueItem(items.find((i) => i.label === "FLDAPPR")!);
  assert.equal(field.detail, "Approved in the field · internal value APPR");
  assert.match(documentation(field), /internal value `APPR`/);
  // Attribute items still resolve as attributes.
  const attribute = complete("GET os/mxapiwodetail?oslc.where=sta|").find((i) => i.label === "status")!;
  assert.match(documentation(resolveValueItem(resolveAttributeItem(attribute))), /\*\*status\*\*/);
  // The word typed so far is replaced.
  const typed = complete('GET os/mxapiwodetail?oslc.where=siteid="BEDFORD" and status="IN|');
  const inprg = typed.find((i) => i.label === "INPRG");
  assert.ok(inprg?.textEdit && "range" in inprg.textEdit);
  assert.equal(inprg.textEdit.range.end.character - inprg.textEdit.range.start.character, 2);
});

test("!=, in [...] after a comma, the not-in !=\"[A,|\" form, child params and scoped terms", () => {
  assert.deepEqual(labels(complete('GET os/mxapiwodetail?oslc.where=status!="|')), STATUSES);
  assert.deepEqual(labels(complete('GET os/mxapiwodetail?oslc.where=status in ["APPR","|"]')), STATUSES);
  assert.deepEqual(labels(complete('GET os/mxapiwodetail?oslc.where=status!="[CLOSE,|]"')), STATUSES);
  assert.deepEqual(labels(complete('GET os/mxapiwodetail?oslc.where=wplabor{craft="|"}')), ["ELECT", "MECH", "PIPEFIT"]);
  assert.deepEqual(labels(complete('GET os/mxapiwodetail?mxapiwodetail.wplabor.where=craft="|"')), ["ELECT", "MECH", "PIPEFIT"]);
  assert.deepEqual(labels(complete('GET os/mxapiwodetail?oslc.where=wplabor.craft="M|"')), ["ELECT", "MECH", "PIPEFIT"]);
  // A string of an attribute without a list, or after `>`, offers nothing.
  assert.deepEqual(complete('GET os/mxapiwodetail?oslc.where=description="|"'), []);
  assert.deepEqual(complete('GET os/mxapiwodetail?oslc.where=status>="|"'), []);
});

test("after a where operator the values come quoted, after the type's template; after in, as a list", () => {
  const items = complete("GET os/mxapiwodetail?oslc.where=status=|");
  assert.equal(items[0]!.label, '""');
  assert.deepEqual(labels(items.slice(1)), STATUSES);
  assert.equal(newText(items.find((i) => i.label === "APPR")), '"APPR"');
  assert.equal(resolveValueItem(items.find((i) => i.label === "APPR")!).detail, "Approved");
  assert.equal(newText(complete("GET os/mxapiwodetail?oslc.where=status in |").find((i) => i.label === "APPR")), '["APPR"]');
  assert.equal(newText(complete('GET os/mxapiwodetail?oslc.where=status in ["APPR",|').find((i) => i.label === "CAN")), '"CAN"');
});

test("JSON body values: inside the string, after the colon (quoted), in BULK items and child objects", () => {
  const inString = complete("POST os/mxapiwodetail?lean=1", "", "{", '  "status": "|"', "}");
  assert.deepEqual(labels(inString), STATUSES);
  assert.equal(newText(inString[0]), "WAPPR");
  assert.equal(newText(complete("POST os/mxapiwodetail?lean=1", "", '{"siteid": "BEDFORD", "status": |}').find((i) => i.label === "APPR")), '"APPR"');
  assert.deepEqual(labels(complete("POST os/mxapiwodetail", "", '{"spi:status": "|"}')), STATUSES);
  assert.deepEqual(labels(complete("POST os/mxapiwodetail?lean=1", "x-method-override: BULK", "", '[{"_data": {"status": "|"}}]')), STATUSES);
  assert.deepEqual(labels(complete("POST os/mxapiwodetail?lean=1", "", '{"wplabor": [{"laborcode": "X", "craft": "|"}]}')), ["ELECT", "MECH", "PIPEFIT"]);
  // Key completion is untouched, and a BULK item's `_data` is no child.
  assert.ok(labels(complete("POST os/mxapiwodetail?lean=1", "x-method-override: BULK", "", '[{"_data": {"sta|')).includes("status"));
  assert.deepEqual(complete("POST os/mxapiwodetail?lean=1", "", '{"description": "|"}'), []);
});

test("getlist~attr: select and where complete the domain record's attributes, and value its values", () => {
  const select = labels(complete("GET os/mxapiwodetail/_QkVERk9SRC8xMDAx/getlist~status?oslc.select=|"));
  for (const name of ["value", "maxvalue", "description", "defaults", "valueid"]) assert.ok(select.includes(name), name);
  assert.ok(!select.includes("wonum"));
  assert.ok(labels(complete("GET os/mxapiwodetail/_QkVERk9SRC8xMDAx/getlist~status?oslc.where=max|")).includes("maxvalue"));
  assert.deepEqual(labels(complete('GET os/mxapiwodetail/_QkVERk9SRC8xMDAx/getlist~status?oslc.select=value,description&oslc.where=value="|"')), STATUSES);
  // The internal values, once each.
  assert.deepEqual(labels(complete('GET os/mxapiwodetail/_QkVERk9SRC8xMDAx/getlist~status?oslc.where=maxvalue="|"')), ["WAPPR", "APPR", "WSCH", "INPRG", "COMP", "CLOSE", "CAN"]);
});

test("domaininternalwhere completes a synonym domain's internal values, each once", () => {
  const internal = ["WAPPR", "APPR", "WSCH", "INPRG", "COMP", "CLOSE", "CAN"];
  assert.deepEqual(labels(complete("GET os/mxapiwodetail?domaininternalwhere=status=|")), internal);
  const next = complete("GET os/mxapiwodetail?domaininternalwhere=status!=APPR,W|");
  assert.deepEqual(labels(next), internal);
  assert.equal(resolveValueItem(next.find((i) => i.label === "WSCH")!).detail, "Awaiting scheduling");
});

test("hover on a listed value: its description, and a synonym's internal value", () => {
  const where = hover('GET os/mxapiwodetail?oslc.where=status="AP|PR"')!;
  assert.match(where, /\*\*APPR\*\* — Approved/);
  assert.match(where, /Sent as `oslc\.where=status%3D%22APPR%22`/);
  const synonym = hover('GET os/mxapiwodetail?oslc.where=status in ["WAPPR","FLD|APPR"]')!;
  assert.match(synonym, /\*\*FLDAPPR\*\* — Approved in the field/);
  assert.match(synonym, /internal value `APPR`/);
  assert.match(hover('GET os/mxapiwodetail?oslc.where=status!="[CLOSE,C|AN]"')!, /\*\*CAN\*\* — Canceled/);
  assert.match(hover("GET os/mxapiwodetail?oslc.where=status%3D%22IN|PRG%22")!, /\*\*INPRG\*\* — In Progress/);
  assert.match(hover("POST os/mxapiwodetail?lean=1", "", '{"wplabor": [{"craft": "PIPE|FIT"}]}')!, /\*\*PIPEFIT\*\* — Pipefit craft/);
  assert.match(hover("POST os/mxapiwodetail?lean=1", "", '{"status": "CO|MP"}')!, /\*\*COMP\*\* — Completed/);
  // An unlisted value has no value hover (its diagnostic speaks); the attribute still hovers.
  assert.equal(hover('GET os/mxapiwodetail?oslc.where=status="NO|PE"'), "Sent as `oslc.where=status%3D%22NOPE%22`");
  assert.match(hover('GET os/mxapiwodetail?oslc.where=sta|tus="APPR"')!, /\*\*status\*\* — Status/);
});

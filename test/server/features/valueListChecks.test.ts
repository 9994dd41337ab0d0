// Value lists in checks: `schema.unlisted-value` (nearest value, quick fix) and
// `schema.internal-value` in oslc.where and JSON bodies, from a cache folder's `lists/` files
// (each a `getlist~attr` answer, reference §10); what never warns; getlist~ paths query domain
// records (reference §10), not the object structure.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { parseDocument } from "../../../server/src/language/maximo/api";
import { schemaDiagnostics, getSchemaDiagnostics } from "../../../server/src/features/schema/schemaDiagnostics";
import { getCodeActions } from "../../../server/src/features/codeActions";
import { applyWorkspaceEdit, uri } from "../navigation/fixture";
import { createSchemaStore } from "../../../server/src/schema/index";
import { listsFolder, recordStatusList } from "../schema/valueListFixture";

const folder = listsFolder();
after(folder.remove);

function check(text: string) {
  const document = parseDocument(text);
  return schemaDiagnostics(document, folder.store).map((d) => ({ code: d.code, severity: d.severity, message: d.message, text: document.text.slice(d.span.start, d.span.end) }));
}

const valueCodes = (text: string) => check(text).filter((d) => d.code === "schema.unlisted-value" || d.code === "schema.internal-value");

test("a where value not in the list: a warning on the value, naming the nearest listed one", () => {
  const found = valueCodes('GET os/mxapiwodetail?oslc.where=status="APPROVED"');
  assert.deepEqual(found.map((d) => [d.code, d.severity, d.text]), [["schema.unlisted-value", "warning", "APPROVED"]]);
  assert.match(found[0]!.message, /`APPROVED` is not in the value list of `status`\. Did you mean `APPR` \(Approved\)\?/);
  // A misspelling finds its value by spelling; a description by its words.
  assert.match(valueCodes('GET os/mxapiwodetail?oslc.where=status="INPROG"')[0]!.message, /Did you mean `INPRG`/);
  assert.match(valueCodes('GET os/mxapiwodetail?oslc.where=status="Canceled"')[0]!.message, /Did you mean `CAN`/);
  // Nothing near: the list's first values instead.
  assert.match(valueCodes('GET os/mxapiwodetail?oslc.where=status="ZZZZZZZZ"')[0]!.message, /It lists `WAPPR`, `APPR`, `FLDAPPR`/);
});

test("every literal of =, !=, in [...] and the not-in !=\"[A,B]\" is checked, in child params and scoped terms too", () => {
  const text = 'GET os/mxapiwodetail?oslc.where=status!="APROVED" and status in ["WAPPR","COMPLETE"] and status!="[CLOSE, CANCEL]" and wplabor{craft="ELECTRIC"}&mxapiwodetail.wplabor.where=craft="MECHANIC"';
  assert.deepEqual(valueCodes(text).map((d) => d.text), ["APROVED", "COMPLETE", "CANCEL", "ELECTRIC", "MECHANIC"]);
  // Comparisons that are no equality are left alone.
  assert.deepEqual(valueCodes('GET os/mxapiwodetail?oslc.where=status>="B"'), []);
});

test("listed values, variables, *, wildcard patterns and bind values give no warning", () => {
  const text = [
    "@st = APPR",
    'GET os/mxapiwodetail?oslc.where=status="APPR" and status!="[CLOSE,CAN]" and status in ["WAPPR","INPRG",{{st}}] and status="{{st}}" and status="*" and status!="*" and status="%APP%" and status="AP%" and status="&USERNAME&" and status=""',
    "",
    "###",
    "POST os/mxapiwodetail?lean=1",
    "",
    '{"siteid": "BEDFORD", "status": "{{st}}", "cxshift": "Night", "wplabor": [{"craft": "MECH"}]}',
  ].join("\n");
  assert.deepEqual(valueCodes(text), []);
});

test("an UPPER attribute ignores case (the server upper-cases it); a mixed-case ALN one does not", () => {
  assert.deepEqual(valueCodes('GET os/mxapiwodetail?oslc.where=status="appr" and wplabor.craft="mech"'), []);
  const found = valueCodes('GET os/mxapiwodetail?oslc.where=cxshift="night"');
  assert.deepEqual(found.map((d) => d.text), ["night"]);
  assert.match(found[0]!.message, /case-sensitive: did you mean `Night`/);
});

test("a synonym's internal value (maxvalue) that no member writes: a hint naming the synonym, not a warning", () => {
  const found = valueCodes('GET os/mxapiwodetail?oslc.where=status="WSCH"');
  assert.deepEqual(found.map((d) => [d.code, d.severity, d.text]), [["schema.internal-value", "hint", "WSCH"]]);
  assert.match(found[0]!.message, /internal value \(maxvalue\) of the synonym domain of `status`.*use `AWSCHED`/);
  // A synonym written as its own value is simply listed.
  assert.deepEqual(valueCodes('GET os/mxapiwodetail?oslc.where=status="FLDAPPR"'), []);
});

test("JSON bodies: plain, namespaced, nested children and BULK items", () => {
  const text = [
    "POST os/mxapiwodetail?lean=1",
    "",
    '{"siteid": "BEDFORD", "status": "APPROVED", "wplabor": [{"craft": "ELECTRICIAN"}]}',
    "",
    "###",
    "POST os/mxapiwodetail",
    "",
    '{"spi:siteid": "BEDFORD", "spi:status": "WAITAPPR"}',
    "",
    "###",
    "POST os/mxapiwodetail?lean=1",
    "x-method-override: BULK",
    "",
    '[{"_data": {"status": "COMPLETED"}, "_meta": {"uri": "http://x/1", "method": "PATCH"}}, {"_action": "Update", "href": "http://x/2", "status": "CLOSED"}]',
  ].join("\n");
  const found = valueCodes(text);
  assert.deepEqual(found.map((d) => d.text), ["APPROVED", "ELECTRICIAN", "WAITAPPR", "COMPLETED", "CLOSED"]);
  assert.match(found[1]!.message, /Did you mean `ELECT`/);
  assert.match(found[2]!.message, /Did you mean `WAPPR`/);
});

test("the quick fix replaces the value with the nearest listed one, in the query and in a body", () => {
  const text = 'GET os/mxapiwodetail?oslc.where=status="APPROVED" and wplabor{craft="MECHANIC"}\n\n###\nPOST os/mxapiwodetail?lean=1\n\n{"status": "COMPLETE"}\n';
  const document = parseDocument(text);
  const diagnostics = getSchemaDiagnostics(document, folder.store).filter((d) => d.code === "schema.unlisted-value");
  assert.equal(diagnostics.length, 3);
  let fixed = text;
  // Last first, so earlier ranges stay right.
  for (const diagnostic of [...diagnostics].reverse()) {
    const actions = getCodeActions(document, uri, diagnostic.range, [diagnostic]);
    assert.deepEqual(actions.map((a) => a.title), [["Change to `APPR`", "Change to `MECH`", "Change to `COMP`"][diagnostics.indexOf(diagnostic)]]);
    fixed = applyWorkspaceEdit(fixed, actions[0]!.edit);
  }
  assert.equal(fixed, 'GET os/mxapiwodetail?oslc.where=status="APPR" and wplabor{craft="MECH"}\n\n###\nPOST os/mxapiwodetail?lean=1\n\n{"status": "COMP"}\n');
  assert.deepEqual(valueCodes(fixed), []);
});

test("a percent-encoded where value is flagged and fixed on its encoded text", () => {
  const text = "GET os/mxapiwodetail?oslc.where=status%3D%22APPROVED%22\n";
  const document = parseDocument(text);
  const [diagnostic] = getSchemaDiagnostics(document, folder.store).filter((d) => d.code === "schema.unlisted-value");
  assert.ok(diagnostic);
  assert.equal(text.slice(document.offsetAt(diagnostic.range.start), document.offsetAt(diagnostic.range.end)), "APPROVED");
  assert.equal(applyWorkspaceEdit(text, getCodeActions(document, uri, diagnostic.range, [diagnostic])[0]!.edit), "GET os/mxapiwodetail?oslc.where=status%3D%22APPR%22\n");
});

test("getlist~attr: select and where name the domain record's attributes, and value is checked against the list", () => {
  const ok = check('GET os/mxapiwodetail/_QkVERk9SRC8xMDAx/getlist~status?oslc.select=value,maxvalue,description,defaults,valueid&oslc.where=value="APPR" and maxvalue="WSCH"');
  assert.deepEqual(ok, []);
  const found = check('GET os/mxapiwodetail/_QkVERk9SRC8xMDAx/getlist~status?oslc.select=value,wonum&oslc.where=value="APPROVED" and siteid="BEDFORD"');
  assert.deepEqual(found.map((d) => [d.code, d.text]), [
    ["schema.unknown-attribute", "wonum"],
    ["schema.unlisted-value", "APPROVED"],
  ]);
  assert.match(found[0]!.message, /`getlist~status` has no attribute `wonum`/);
  // Through a child object: the child's list.
  const craft = check('GET os/mxapiwodetail/_QkVERk9SRC8xMDAx/wplabor/0-1/getlist~craft?oslc.where=value="MECHANIC"');
  assert.deepEqual(craft.map((d) => [d.code, d.text]), [["schema.unlisted-value", "MECHANIC"]]);
  assert.match(craft[0]!.message, /Did you mean `MECH`/);
  // The object structure's own query is unchanged.
  assert.deepEqual(check('GET os/mxapiwodetail?oslc.select=wonum&oslc.where=wonum="1001"'), []);
});

test("a list only the offline pack has may hint, never warn", (t) => {
  const pack = listsFolder();
  t.after(pack.remove);
  // The same folder used as the pack: what the shipped pack (built from the emulator) knows.
  const store = createSchemaStore({ cacheDirs: [], packDir: pack.dir });
  const document = parseDocument('GET os/mxapiwodetail?oslc.where=status="CUSTOM1"');
  const found = schemaDiagnostics(document, store).filter((d) => d.code === "schema.unlisted-value");
  assert.deepEqual(found.map((d) => d.severity), ["hint"]);
  assert.match(found[0]!.message, /offline schemas list only the emulator's values/);
});

test("one record's getlist~status answer (the states it may move to) may only hint; another attribute's getlist warns", (t) => {
  const record = listsFolder({ "lists/mxapiwodetail/status.json": JSON.stringify(recordStatusList) });
  t.after(record.remove);
  const document = parseDocument('GET os/mxapiwodetail?oslc.where=status="WAPPR" and status!="APPROVED" and wplabor.craft="PLUMBER"');
  const found = schemaDiagnostics(document, record.store).filter((d) => d.code === "schema.unlisted-value");
  assert.deepEqual(found.map((d) => [d.severity, document.text.slice(d.span.start, d.span.end)]), [
    ["hint", "WAPPR"],
    ["hint", "APPROVED"],
    ["warning", "PLUMBER"],
  ]);
  assert.match(found[1]!.message, /not among the statuses the saved `getlist~status` answer lists\. Did you mean `APPR` \(Approved\)\?.*states one record may move to/);
  assert.equal(record.store.valueList("mxapiwodetail", "status")?.fromRecord, true);
  assert.equal(folder.store.valueList("mxapiwodetail", "status")?.fromRecord, false);
});

test("domaininternalwhere (reference §5.2) takes internal values: a synonym value names its internal one, a misspelling the nearest", () => {
  assert.deepEqual(valueCodes("GET os/mxapiwodetail?domaininternalwhere=status!=APPR,WSCH,{{st}}"), []);
  const found = valueCodes("GET os/mxapiwodetail?domaininternalwhere=status=FLDAPPR,INPROG");
  assert.deepEqual(found.map((d) => [d.severity, d.text]), [
    ["warning", "FLDAPPR"],
    ["warning", "INPROG"],
  ]);
  assert.match(found[0]!.message, /`FLDAPPR` is a synonym value of `status`, not an internal value.*use `APPR`/);
  assert.match(found[1]!.message, /`INPROG` is not in the internal values of `status`\. Did you mean `INPRG`/);
  // Not a synonym domain: nothing to say.
  assert.deepEqual(valueCodes("GET os/mxapiwodetail?domaininternalwhere=wplabor.craft=PLUMBER"), []);
});

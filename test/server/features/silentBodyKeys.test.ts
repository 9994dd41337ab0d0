// Write-body keys a real server ignores without a word (PRODUCT.md, real-server facts: "with
// `lean=1` ... `spi:`-prefixed keys in a lean update are silently ignored (the server answers 204
// and changes nothing)"; "Upper-case keys in an update body (`spi:DESCRIPTION`) are silently
// ignored too"): warnings with a quick fix, whatever the schemas know, in the record, every
// BULK item (reference §15) and nested child objects.
import { test } from "node:test";
import assert from "node:assert/strict";
import { DiagnosticSeverity, type Diagnostic } from "vscode-languageserver";
import { parseDocument } from "../../../server/src/language/maximo/api";
import { createSchemaStore } from "../../../server/src/schema";
import { getSchemaDiagnostics } from "../../../server/src/features/schema/schemaDiagnostics";
import { getCodeActions } from "../../../server/src/features/codeActions";
import { packDir } from "../schema/fixtures";
import { applyWorkspaceEdit, uri } from "../navigation/fixture";

const schemas = createSchemaStore({ packDir });
const SILENT = new Set(["maximo.lean-prefixed-key", "maximo.body-key-case"]);

function silent(text: string): Array<Omit<Diagnostic, "message"> & { message: string; text: string }> {
  const document = parseDocument(text);
  return getSchemaDiagnostics(document, schemas)
    .filter((d) => SILENT.has(String(d.code)))
    .map((d) => ({
      ...d,
      message: typeof d.message === "string" ? d.message : d.message.value,
      text: text.slice(document.offsetAt(d.range.start), document.offsetAt(d.range.end)),
    }));
}

/** Applies every quick fix offered for the silent-failure diagnostics, one at a time. */
function fixAll(text: string): string {
  let current = text;
  for (;;) {
    const [diagnostic] = silent(current);
    if (!diagnostic) return current;
    const [fix] = getCodeActions(parseDocument(current), uri, diagnostic.range, [diagnostic]);
    assert.ok(fix, `a fix for ${diagnostic.code} on ${diagnostic.text}`);
    assert.equal(fix.isPreferred, true);
    const next = applyWorkspaceEdit(current, fix.edit);
    assert.notEqual(next, current);
    current = next;
  }
}

const patch = (query: string, body: string) => `POST os/mxapiwodetail/_QkVERk9SRC8xMDAx${query}\nx-method-override: PATCH\nContent-Type: application/json\n\n${body}`;

test("upper-case keys in an update body: a warning each, fixed to lower case (`DESCRIPTION`, `spi:SOURCE`)", () => {
  const text = patch("?lean=1", '{"DESCRIPTION": "Pump", "Status": "APPR", "wopriority": 1}');
  const found = silent(text);
  assert.deepEqual(found.map((d) => [d.code, d.text, d.severity]), [
    ["maximo.body-key-case", '"DESCRIPTION"', DiagnosticSeverity.Warning],
    ["maximo.body-key-case", '"Status"', DiagnosticSeverity.Warning],
  ]);
  assert.match(found[0]!.message, /ignores `DESCRIPTION` without a word/);
  assert.equal(fixAll(text), patch("?lean=1", '{"description": "Pump", "status": "APPR", "wopriority": 1}'));

  const namespaced = patch("", '{"spi:SOURCE": "x", "spi:description": "y"}');
  assert.deepEqual(silent(namespaced).map((d) => d.text), ['"spi:SOURCE"']);
  assert.equal(fixAll(namespaced), patch("", '{"spi:source": "x", "spi:description": "y"}'));
});

test("a prefixed key with lean=1: a warning, fixed by removing the prefix (lower case too)", () => {
  const text = patch("?lean=1", '{"spi:description": "Pump", "spi:STATUS": "APPR"}');
  const found = silent(text);
  assert.deepEqual(found.map((d) => [d.code, d.text]), [
    ["maximo.lean-prefixed-key", '"spi:description"'],
    ["maximo.lean-prefixed-key", '"spi:STATUS"'],
  ]);
  assert.match(found[0]!.message, /lean=1.*write `description`/);
  const [fix] = getCodeActions(parseDocument(text), uri, found[0]!.range, [found[0]!]);
  assert.equal(fix?.title, "Remove the prefix: `description`");
  assert.equal(fixAll(text), patch("?lean=1", '{"description": "Pump", "status": "APPR"}'));
});

test("whatever the schemas know: a structure the pack does not list gets the same warnings", () => {
  const text = 'POST os/mxapiinventory?lean=1\n\n{"spi:itemnum": "0-0008", "LOCATION": "CENTRAL"}';
  assert.deepEqual(silent(text).map((d) => [d.code, d.text]), [
    ["maximo.lean-prefixed-key", '"spi:itemnum"'],
    ["maximo.body-key-case", '"LOCATION"'],
  ]);
});

test("nested child objects and every BULK item form are looked at; _meta, _action, href and action= bodies are not (reference §13, §15)", () => {
  const nested = patch("?lean=1", '{"description": "x", "wplabor": [{"LABORCODE": "AMY", "spi:laborhrs": 2}]}');
  assert.deepEqual(silent(nested).map((d) => d.text), ['"LABORCODE"', '"spi:laborhrs"']);
  assert.equal(fixAll(nested), patch("?lean=1", '{"description": "x", "wplabor": [{"laborcode": "AMY", "laborhrs": 2}]}'));

  const bulk = [
    "POST os/mxapiasset?lean=1",
    "x-method-override: BULK",
    "",
    "[",
    '  {"_data": {"assetnum": "A1", "siteid": "BEDFORD", "spi:description": "Pump"}},',
    '  {"_data": {"DESCRIPTION": "y"}, "_meta": {"uri": "os/mxapiasset/_QTEvQkVERk9SRA--", "method": "PATCH", "patchtype": "MERGE"}},',
    '  {"href": "os/mxapiasset/_QTQvQkVERk9SRA--", "Description": "z", "_action": "Update"},',
    '  {"_meta": {"uri": "os/mxapiasset/_QTUvQkVERk9SRA--", "method": "DELETE"}}',
    "]",
  ].join("\n");
  assert.deepEqual(silent(bulk).map((d) => [d.code, d.text]), [
    ["maximo.lean-prefixed-key", '"spi:description"'],
    ["maximo.body-key-case", '"DESCRIPTION"'],
    ["maximo.body-key-case", '"Description"'],
  ]);

  // A method's parameters (`action=wsmethod:...`) are not attributes; a GET has no write body.
  assert.deepEqual(silent(patch("?lean=1&action=wsmethod:changeStatus", '{"STATUS": "APPR", "memo": "x"}')), []);
  assert.deepEqual(silent('GET os/mxapiwodetail?lean=1\n\n{"DESCRIPTION": "x"}'), []);
});

test("the schema's own checks no longer speak for key spelling: a lean prefixed key of a known attribute is one warning, not two", () => {
  const document = parseDocument(patch("?lean=1", '{"spi:status": "APPR"}'));
  assert.deepEqual(getSchemaDiagnostics(document, schemas).map((d) => d.code), ["maximo.lean-prefixed-key"]);
});

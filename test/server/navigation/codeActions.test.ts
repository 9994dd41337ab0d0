import { test } from "node:test";
import assert from "node:assert/strict";
import type { Diagnostic, Range } from "vscode-languageserver";
import { parseDocument } from "../../../server/src/language/maximo/api";
import { getDiagnostics } from "../../../server/src/features/diagnostics";
import { getCodeActions } from "../../../server/src/features/codeActions";
import { applyWorkspaceEdit, uri } from "./fixture";

/** The actions for the syntax diagnostics of `text` (with `range` the whole first diagnostic, else line 0). */
function actionsFor(text: string, extra: Diagnostic[] = [], range?: Range) {
  const document = parseDocument(text);
  const diagnostics = [...getDiagnostics(document), ...extra];
  const at = range ?? diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return getCodeActions(document, uri, at, diagnostics);
}

test("orderBy missing sign: add + (preferred) or -", () => {
  const text = "GET os/mxapiwodetail?oslc.orderBy=wonum,-status\n";
  const actions = actionsFor(text);
  assert.deepEqual(actions.map((a) => a.title), ["Sort ascending: add `+`", "Sort descending: add `-`"]);
  assert.equal(actions[0]!.isPreferred, true);
  assert.equal(actions[0]!.kind, "quickfix");
  assert.equal(actions[0]!.diagnostics?.[0]?.code, "orderby.missing-sign");
  const fixed = applyWorkspaceEdit(text, actions[0]!.edit);
  assert.equal(fixed, "GET os/mxapiwodetail?oslc.orderBy=+wonum,-status\n");
  assert.deepEqual(getDiagnostics(parseDocument(fixed)), []);
});

test("all-or where: join with and and add opmodeor=1", () => {
  const text = 'GET os/mxapiwodetail?oslc.where=status="APPR" or wopriority=1 or siteid="BEDFORD"&lean=1\n';
  const actions = actionsFor(text);
  assert.equal(actions.length, 1);
  assert.equal(actions[0]!.title, 'Join with "and" and add opmodeor=1');
  assert.equal(actions[0]!.diagnostics?.length, 2);
  const fixed = applyWorkspaceEdit(text, actions[0]!.edit);
  assert.equal(fixed, 'GET os/mxapiwodetail?oslc.where=status="APPR" and wopriority=1 and siteid="BEDFORD"&opmodeor=1&lean=1\n');
  assert.deepEqual(getDiagnostics(parseDocument(fixed)), []);
});

test("all-or where with opmodeor=0 already there: the switch is turned on", () => {
  const text = 'GET os/mxapiwodetail?opmodeor=0&oslc.where=status="APPR" or wopriority=1\n';
  const fixed = applyWorkspaceEdit(text, actionsFor(text)[0]!.edit);
  assert.equal(fixed, 'GET os/mxapiwodetail?opmodeor=1&oslc.where=status="APPR" and wopriority=1\n');
});

test("mixed and/or where: no rewrite is offered", () => {
  const text = 'GET os/mxapiwodetail?oslc.where=status="APPR" or wopriority=1 and siteid="BEDFORD"\n';
  const document = parseDocument(text);
  assert.ok(getDiagnostics(document).some((d) => d.code === "where.or-unsupported"));
  assert.deepEqual(actionsFor(text), []);
});

test("PATCH request: POST with x-method-override, before the first header", () => {
  const text = 'PATCH os/mxapiwodetail/_QkVERk9SRC8xMDAw?lean=1\nContent-Type: application/json\n\n{"description": "x"}\n';
  const patchDiagnostic: Diagnostic = {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } },
    code: "maximo.http-patch",
    message: "PATCH: Maximo wants POST with x-method-override.",
  };
  const actions = actionsFor(text, [patchDiagnostic], patchDiagnostic.range);
  assert.deepEqual(actions.map((a) => a.title), ["Send as POST with x-method-override: PATCH"]);
  assert.deepEqual(actions[0]!.diagnostics, [patchDiagnostic]);
  assert.equal(
    applyWorkspaceEdit(text, actions[0]!.edit),
    'POST os/mxapiwodetail/_QkVERk9SRC8xMDAw?lean=1\nx-method-override: PATCH\nContent-Type: application/json\n\n{"description": "x"}\n',
  );
});

test("PUT request without headers: the header follows the continuation lines", () => {
  const text = "### update\nPUT os/mxapiasset/_X\n  ?lean=1\n  &oslc.select=assetnum\n\n{}\n";
  const line1 = { start: { line: 1, character: 1 }, end: { line: 1, character: 1 } };
  const actions = actionsFor(text, [], line1);
  assert.equal(
    applyWorkspaceEdit(text, actions[0]!.edit),
    "### update\nPOST os/mxapiasset/_X\n  ?lean=1\n  &oslc.select=assetnum\nx-method-override: PATCH\n\n{}\n",
  );
  // Not on other lines, not for POST, and not twice when the header is there.
  assert.deepEqual(actionsFor(text, [], { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } }), []);
  assert.deepEqual(actionsFor("POST os/mxapiasset\n"), []);
  const withHeader = "PATCH os/mxapiasset/_X\nx-method-override: PATCH\n";
  assert.equal(applyWorkspaceEdit(withHeader, actionsFor(withHeader)[0]!.edit), "POST os/mxapiasset/_X\nx-method-override: PATCH\n");
});

test("wsmethod on a record without the override: add x-method-override: PATCH (reference §13 Actions)", () => {
  const text = 'POST os/mxapiwodetail/_QkVERk9SRC8xMDAw?lean=1&action=wsmethod:approve\nContent-Type: application/json\n\n{"memo": "x"}\n';
  const at = text.indexOf("wsmethod");
  const diagnostic: Diagnostic = {
    range: { start: { line: 0, character: at }, end: { line: 0, character: at + "wsmethod:approve".length } },
    code: "maximo.action-needs-override",
    message: "needs the override",
  };
  const actions = actionsFor(text, [diagnostic], diagnostic.range);
  assert.deepEqual(actions.map((a) => a.title), ["Add x-method-override: PATCH"]);
  assert.equal(
    applyWorkspaceEdit(text, actions[0]!.edit),
    'POST os/mxapiwodetail/_QkVERk9SRC8xMDAw?lean=1&action=wsmethod:approve\nx-method-override: PATCH\nContent-Type: application/json\n\n{"memo": "x"}\n',
  );
});

test("schema suggestions: did-you-mean from the message, saved query case from data", () => {
  const text = 'GET os/mxapiwodetail?oslc.select=wonum,descripton&savedQuery=openwo\n';
  const on = (word: string): Range => {
    const at = text.indexOf(word);
    return { start: { line: 0, character: at }, end: { line: 0, character: at + word.length } };
  };
  const attribute: Diagnostic = {
    range: on("descripton"),
    code: "schema.unknown-attribute",
    message: "`descripton` is not an attribute of mxapiwodetail. Did you mean `description`?",
  };
  const savedQuery: Diagnostic = {
    range: on("openwo"),
    code: "schema.unknown-saved-query",
    message: "mxapiwodetail has no saved query `openwo`; apimeta lists `OPENWO`.",
    data: { suggestion: "OPENWO" },
  };
  const actions = actionsFor(text, [attribute, savedQuery], attribute.range);
  assert.deepEqual(actions.map((a) => a.title), ["Change to `description`", "Change to `OPENWO`"]);
  const fixed = applyWorkspaceEdit(applyWorkspaceEdit(text, actions[1]!.edit), actions[0]!.edit);
  assert.equal(fixed, "GET os/mxapiwodetail?oslc.select=wonum,description&savedQuery=OPENWO\n");
  const caseOnly = { ...savedQuery, data: undefined, message: "`mxapiwodetail` has no saved query `openwo`. Saved query names are case-sensitive: use `OPENWO`." };
  assert.deepEqual(actionsFor(text, [caseOnly], caseOnly.range).map((a) => a.title), ["Change to `OPENWO`"]);
  const withoutSuggestion = { ...attribute, message: "`zzz` is not an attribute of mxapiwodetail." };
  assert.deepEqual(actionsFor(text, [withoutSuggestion], attribute.range), []);
});

test("a client asking only for refactorings gets no quick fixes", () => {
  const text = "GET os/mxapiwodetail?oslc.orderBy=wonum\n";
  const document = parseDocument(text);
  const diagnostics = getDiagnostics(document);
  assert.deepEqual(getCodeActions(document, uri, diagnostics[0]!.range, diagnostics, ["refactor"]), []);
  assert.equal(getCodeActions(document, uri, diagnostics[0]!.range, diagnostics, ["quickfix"]).length, 2);
});

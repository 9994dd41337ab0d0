// Knowledge by provenance (PRODUCT.md, real-server facts: "knowledge from the shipped pack may
// complete and explain, never declare that something does not exist; only the user's server's
// apimeta/jsonschemas may"). The same requests checked against the pack alone and against a
// server cache folder (here: the pack's files saved as a connection's cache, so both know the
// same names and only the origin differs).
import { test } from "node:test";
import assert from "node:assert/strict";
import { DiagnosticSeverity, type Diagnostic } from "vscode-languageserver";
import { parseDocument } from "../../../server/src/language/maximo/api";
import { createSchemaStore, type SchemaStore } from "../../../server/src/schema";
import { getSchemaDiagnostics } from "../../../server/src/features/schema/schemaDiagnostics";
import { SCHEMA_UNKNOWN_CODES, SCHEMA_DIAGNOSTICS } from "../../../server/src/features/schema/schemaCodes";
import { getCodeActions } from "../../../server/src/features/codeActions";
import { cacheFolder, packDir } from "../schema/fixtures";
import { applyWorkspaceEdit, uri } from "../navigation/fixture";

const packOnly = createSchemaStore({ packDir });
const serverCache = createSchemaStore({ cacheDirs: [packDir], packDir: `${packDir}/none` });

/** A diagnostic with its message as text (LSP allows markup; ours are plain). */
type Found = Omit<Diagnostic, "message"> & { message: string };

function diagnostics(text: string, schemas: SchemaStore): Found[] {
  return getSchemaDiagnostics(parseDocument(text), schemas).map((d) => ({ ...d, message: typeof d.message === "string" ? d.message : d.message.value }));
}

function one(text: string, schemas: SchemaStore, code: string): Found {
  const found = diagnostics(text, schemas).filter((d) => d.code === code);
  assert.equal(found.length, 1, JSON.stringify(diagnostics(text, schemas)));
  return found[0]!;
}

/** One request per `schema.unknown-*` code, with the name it does not list. */
const UNKNOWN_CASES: Record<(typeof SCHEMA_UNKNOWN_CODES)[number], { text: string; name: string; serverSeverity: DiagnosticSeverity }> = {
  "schema.unknown-object-structure": { text: "GET os/mxapiinventory?lean=1", name: "mxapiinventory", serverSeverity: DiagnosticSeverity.Error },
  "schema.unknown-attribute": { text: 'GET os/mxapiwodetail?lean=1&oslc.where=cxpermitnum="P1"', name: "cxpermitnum", serverSeverity: DiagnosticSeverity.Error },
  "schema.unknown-saved-query": { text: "GET os/mxapiwodetail?lean=1&savedQuery=MYCUSTOMQUERY", name: "MYCUSTOMQUERY", serverSeverity: DiagnosticSeverity.Error },
  // The server ignores an unknown key without a word: a warning even from its own schemas.
  "schema.unknown-body-key": { text: 'POST os/mxapisr?lean=1\n\n{"description": "x", "siteid": "BEDFORD", "cxbuilding": "B210"}', name: "cxbuilding", serverSeverity: DiagnosticSeverity.Warning },
};

test("every schema.unknown-* code has a pack-versus-server case here", () => {
  assert.deepEqual(Object.keys(UNKNOWN_CASES).sort(), [...SCHEMA_UNKNOWN_CODES].sort());
  assert.deepEqual(
    Object.keys(SCHEMA_DIAGNOSTICS).filter((code) => code.startsWith("schema.unknown-")).sort(),
    [...SCHEMA_UNKNOWN_CODES].sort(),
  );
});

for (const [code, { text, name, serverSeverity }] of Object.entries(UNKNOWN_CASES)) {
  test(`${code}: a hint from the pack alone (it names the offline schemas and how to connect), ${serverSeverity === 1 ? "an error" : "a warning"} from the server's own schemas`, () => {
    const fromPack = one(text, packOnly, code);
    assert.equal(fromPack.severity, DiagnosticSeverity.Hint);
    assert.match(fromPack.message, /offline schemas/);
    assert.match(fromPack.message, new RegExp(`\`${name}\``));
    assert.match(fromPack.message, /Select a connection/);
    assert.match(fromPack.message, /maximo check --schemas DIR/);
    // The pack may not say the name does not exist.
    assert.doesNotMatch(fromPack.message, /has no /);

    const fromServer = one(text, serverCache, code);
    assert.equal(fromServer.severity, serverSeverity);
    assert.doesNotMatch(fromServer.message, /offline schemas/);
  });
}

test("unknown object structure: an error only when a server folder has an apimeta, not for a server folder with schemas alone", () => {
  const schemasOnly = cacheFolder({ "jsonschemas/mxapiwodetail.json": '{"properties": {"wonum": {"type": "string"}}}' });
  try {
    const store = createSchemaStore({ cacheDirs: [schemasOnly.dir], packDir });
    assert.equal(one("GET os/mxapiinventory", store, "schema.unknown-object-structure").severity, DiagnosticSeverity.Hint);
  } finally {
    schemasOnly.remove();
  }
});

test("unknown attribute: an error only when that structure's schema came from a server folder", () => {
  // The server's cache has apimeta (so structures are known) and mxapiasset, not mxapiwodetail.
  const cache = cacheFolder({
    "apimeta.json": '[{"name": "MXAPIASSET"}, {"name": "MXAPIWODETAIL"}]',
    "jsonschemas/mxapiasset.json": '{"properties": {"assetnum": {"type": "string"}, "siteid": {"type": "string"}}}',
  });
  try {
    const store = createSchemaStore({ cacheDirs: [cache.dir], packDir });
    assert.equal(one('GET os/mxapiasset?oslc.where=cxrating="A"', store, "schema.unknown-attribute").severity, DiagnosticSeverity.Error);
    // mxapiwodetail's schema comes from the pack: a hint, apimeta from the server or not.
    assert.equal(one('GET os/mxapiwodetail?oslc.where=cxrating="A"', store, "schema.unknown-attribute").severity, DiagnosticSeverity.Hint);
    // Saved queries: the server's apimeta lists mxapiwodetail with none, so the pack's list is not asked.
    assert.deepEqual(diagnostics("GET os/mxapiwodetail?savedQuery=MYQUERY", store), []);
  } finally {
    cache.remove();
  }
});

test("rules the pack answers and a server may answer otherwise (a custom maxLength, a type) are warnings from the pack, errors from the server", () => {
  const cases: Array<[string, string]> = [
    ['POST os/mxapiwodetail/_QkVERk9SRC8xMDAx?lean=1\nx-method-override: PATCH\n\n{"siteid": "TOOLONGSITE"}', "schema.max-length"],
    ['GET os/mxapiwodetail?lean=1&oslc.where=wopriority="1"', "schema.value-type"],
    ['POST os/mxapiwodetail/_QkVERk9SRC8xMDAx?lean=1\nx-method-override: PATCH\n\n{"wopriority": "high"}', "schema.body-value-type"],
    ['GET os/mxapiwodetail?lean=1&oslc.where=wopriority!="[1,2]"', "schema.not-in-non-aln"],
    ['GET os/mxapiwodetail?lean=1&oslc.where=wonum in ["1001",1002]', "schema.mixed-in-list"],
  ];
  for (const [text, code] of cases) {
    const fromPack = one(text, packOnly, code);
    assert.equal(fromPack.severity, DiagnosticSeverity.Warning, code);
    assert.match(fromPack.message, /offline schemas .*your server's may differ/, code);
    assert.equal(one(text, serverCache, code).severity, DiagnosticSeverity.Error, code);
  }
});

test("did-you-mean quick fixes still work at hint severity (pack only)", () => {
  const attribute = 'GET os/mxapiwodetail?lean=1&oslc.where=stauts="APPR"';
  const hint = one(attribute, packOnly, "schema.unknown-attribute");
  assert.equal(hint.severity, DiagnosticSeverity.Hint);
  const document = parseDocument(attribute);
  const [fix] = getCodeActions(document, uri, hint.range, [hint]);
  assert.equal(fix?.title, "Change to `status`");
  assert.equal(applyWorkspaceEdit(attribute, fix!.edit), 'GET os/mxapiwodetail?lean=1&oslc.where=status="APPR"');

  const structure = "GET os/mxapiwodetial?lean=1";
  const hintOs = one(structure, packOnly, "schema.unknown-object-structure");
  const [fixOs] = getCodeActions(parseDocument(structure), uri, hintOs.range, [hintOs]);
  assert.equal(applyWorkspaceEdit(structure, fixOs!.edit), "GET os/mxapiwodetail?lean=1");

  const body = 'POST os/mxapiwodetail/_QkVERk9SRC8xMDAx?lean=1\nx-method-override: PATCH\n\n{"descripion": "Pump"}';
  const hintKey = one(body, packOnly, "schema.unknown-body-key");
  assert.equal(hintKey.severity, DiagnosticSeverity.Hint);
  const [fixKey] = getCodeActions(parseDocument(body), uri, hintKey.range, [hintKey]);
  assert.equal(applyWorkspaceEdit(body, fixKey!.edit), 'POST os/mxapiwodetail/_QkVERk9SRC8xMDAx?lean=1\nx-method-override: PATCH\n\n{"description": "Pump"}');

  const query = "GET os/mxapiwodetail?savedQuery=assignedwolist";
  const hintQuery = one(query, packOnly, "schema.unknown-saved-query");
  assert.equal(hintQuery.severity, DiagnosticSeverity.Hint);
  const [fixQuery] = getCodeActions(parseDocument(query), uri, hintQuery.range, [hintQuery]);
  assert.equal(applyWorkspaceEdit(query, fixQuery!.edit), "GET os/mxapiwodetail?savedQuery=ASSIGNEDWOLIST");
});

test("names in another namespace (dcterms:, oslc:, a custom prefix) are OSLC properties, not attributes: never unknown (reference §9)", () => {
  const text = "GET os/mxapiwodetail?oslc.where=spi:status=\"APPR\" and cx:riskscore>3&oslc.select=spi:wonum,dcterms:title,oslc:shortTitle&oslc.orderBy=-spi:wonum";
  assert.deepEqual(diagnostics(text, serverCache), []);
  // spi: names are the structure's attributes and are checked.
  assert.equal(one('GET os/mxapiwodetail?oslc.where=spi:stauts="APPR"', serverCache, "schema.unknown-attribute").severity, DiagnosticSeverity.Error);
});

test("a path below the member (getlist~attr, a child collection) is not checked against the structure's attributes (reference §10)", () => {
  assert.deepEqual(diagnostics("GET os/mxapiwodetail/_QkVERk9SRC8xMDAx/getlist~status?lean=1&oslc.select=value,description", serverCache), []);
  assert.deepEqual(diagnostics('GET os/mxapiwodetail/_QkVERk9SRC8xMDAx/wplabor?lean=1&oslc.where=laborcode="X"', serverCache), []);
});

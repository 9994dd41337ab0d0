// Request files as Maximo developers write them (test/fixtures/real-requests: structures such as
// mxapiinventory and mxapidomain that the emulator does not model, custom attributes, server
// saved queries, percent-encoded queries, namespaced OSLC queries). Every request there is one a
// real server accepts, so the shipped pack alone must give no error (PRODUCT.md: the pack "may
// complete and explain, never declare that something does not exist"); a server cache folder
// that does not list those names makes them errors.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DiagnosticSeverity } from "vscode-languageserver";
import { parseDocument } from "../../../server/src/language/maximo/api";
import { getDiagnostics } from "../../../server/src/features/diagnostics";
import { createSchemaStore, type SchemaStore } from "../../../server/src/schema";
import { getSchemaDiagnostics } from "../../../server/src/features/schema/schemaDiagnostics";
import { packDir } from "../schema/fixtures";

const root = process.env.MAXIMO_WORKBENCH_ROOT ?? process.cwd();
const folder = join(root, "test", "fixtures", "real-requests");
const files = readdirSync(folder).filter((f) => f.endsWith(".maximo") || f.endsWith(".http"));

function diagnosticsOf(file: string, schemas: SchemaStore) {
  const document = parseDocument(readFileSync(join(folder, file), "utf8"));
  return [...getDiagnostics(document), ...getSchemaDiagnostics(document, schemas)].map((d) => ({
    file,
    line: d.range.start.line + 1,
    code: String(d.code),
    severity: d.severity,
    message: typeof d.message === "string" ? d.message : d.message.value,
  }));
}

test("the fixtures are there: several files, .http and .maximo", () => {
  assert.ok(files.length >= 5, files.join(", "));
  assert.ok(files.some((f) => f.endsWith(".http")) && files.some((f) => f.endsWith(".maximo")));
});

test("with the shipped pack alone, real request files get no error-severity diagnostic", () => {
  const pack = createSchemaStore({ packDir });
  const found = files.flatMap((file) => diagnosticsOf(file, pack));
  const errors = found.filter((d) => d.severity === DiagnosticSeverity.Error);
  assert.deepEqual(errors, []);
  // What the pack does not list is still said, as hints that point to the server's own schemas.
  const hints = found.filter((d) => d.severity === DiagnosticSeverity.Hint);
  const codes = new Set(hints.map((d) => d.code));
  for (const code of ["schema.unknown-object-structure", "schema.unknown-attribute", "schema.unknown-saved-query", "schema.unknown-body-key"]) {
    assert.ok(codes.has(code), `${code} among the hints: ${[...codes].join(", ")}`);
  }
  assert.ok(hints.every((d) => /offline schemas/.test(d.message)));
});

test("with a server cache folder that does not list those names, schema.unknown-* are errors", () => {
  // The pack's own files saved as a connection's cache: a server without mxapiinventory, custom attributes or MYCUSTOMQUERY.
  const server = createSchemaStore({ cacheDirs: [packDir], packDir: join(packDir, "none") });
  const errors = files.flatMap((file) => diagnosticsOf(file, server)).filter((d) => d.severity === DiagnosticSeverity.Error);
  const codes = new Set(errors.map((d) => d.code));
  assert.deepEqual([...codes].sort(), ["schema.unknown-attribute", "schema.unknown-object-structure", "schema.unknown-saved-query"]);
  assert.ok(errors.some((d) => d.file === "inventory.http" && /`mxapiinventory`/.test(d.message)));
  assert.ok(errors.some((d) => /`cxpermitnum`/.test(d.message)));
  assert.ok(errors.some((d) => /`MYCUSTOMQUERY`/.test(d.message)));
});

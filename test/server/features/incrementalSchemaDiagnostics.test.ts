// Schema diagnostics per block: an edit re-checks only the request it touched, and the answer
// is the same as a fresh analysis of the edited text.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { parseDocument, updateDocument } from "../../../server/src/language/maximo/api";
import { createSchemaStore } from "../../../server/src/schema";
import { blockSchemaDiagnostics, schemaDiagnostics, SchemaDiagnosticsCache } from "../../../server/src/features/schema/schemaDiagnostics";
import type { BlockTree } from "../../../server/src/language/maximo/ast";

const root = process.env.MAXIMO_WORKBENCH_ROOT ?? process.cwd();
const packDir = join(root, "server", "schema-pack");

function requests(count: number): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    out.push(
      `### Request ${i}`,
      `GET os/mxapiwodetail?oslc.where=status="APPR" and wopriority=${i % 5}&oslc.select=wonum,descripton,status`,
      ``,
    );
  }
  return out.join("\n");
}

test("an edit in one request of 200 re-checks only that block, with a fresh analysis's result", () => {
  const schemas = createSchemaStore({ packDir });
  const checked: BlockTree[] = [];
  const cache = new SchemaDiagnosticsCache((tree, store) => {
    checked.push(tree);
    return blockSchemaDiagnostics(tree, store);
  });
  const text = requests(200);
  const before = parseDocument(text);
  const first = cache.diagnostics(before, schemas);
  assert.equal(checked.length, 200);
  assert.equal(first.filter((d) => d.code === "schema.unknown-attribute").length, 200);
  assert.deepEqual(first, schemaDiagnostics(before, schemas));

  // Misspell `status` in the where of request 120, and add a line above it, so the blocks
  // after it move: their cached block-relative diagnostics must land on the new lines.
  const at = text.indexOf('status="APPR"', text.indexOf("### Request 120"));
  const edited = text.slice(0, at) + "stauts" + text.slice(at + "status".length);
  const moved = edited.replace("### Request 100\n", "### Request 100\n# a comment\n");
  checked.length = 0;
  const after = updateDocument(before, moved);
  const second = cache.diagnostics(after, schemas);
  assert.equal(checked.length, 2, "the two edited blocks only");
  assert.equal(cache.checkedBlocks, 202);
  assert.deepEqual(second, schemaDiagnostics(parseDocument(moved), schemas));
  const misspelt = second.filter((d) => moved.slice(d.span.start, d.span.end) === "stauts");
  assert.equal(misspelt.length, 1);
  assert.equal(misspelt[0]!.range.start.line, 120 * 3 + 1 + 1);

  // Nothing changed: nothing is checked again.
  checked.length = 0;
  cache.diagnostics(updateDocument(after, moved), schemas);
  assert.equal(checked.length, 0);
});

test("another schema store, or clear(), checks every block again", () => {
  const cache = new SchemaDiagnosticsCache();
  const document = parseDocument(requests(10));
  cache.diagnostics(document, createSchemaStore({ packDir }));
  assert.equal(cache.checkedBlocks, 10);
  const other = createSchemaStore({ packDir });
  cache.diagnostics(document, other);
  assert.equal(cache.checkedBlocks, 20);
  cache.diagnostics(document, other);
  assert.equal(cache.checkedBlocks, 20);
  cache.clear();
  cache.diagnostics(document, other);
  assert.equal(cache.checkedBlocks, 30);
});

test("a reload() of the store re-checks every block: the files behind it may have changed", () => {
  const store = createSchemaStore({ packDir });
  const cache = new SchemaDiagnosticsCache();
  const document = parseDocument(requests(10));
  cache.diagnostics(document, store);
  cache.diagnostics(document, store);
  assert.equal(cache.checkedBlocks, 10);
  store.reload();
  cache.diagnostics(document, store);
  assert.equal(cache.checkedBlocks, 20);
});

// `maximo check --schemas DIR` reports what the language service reports, from a folder saved from the pack.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TextDocument } from "vscode-languageserver-textdocument";
import { LanguageService } from "../../server/src/languageService";

const root = process.env.MAXIMO_WORKBENCH_ROOT ?? process.cwd();
const text = [
  'GET os/mxapiwodetail?oslc.pagesize=5&oslc.where=wopriority="1"&savedQuery=assignedwolist',
  "",
  "###",
  "PATCH os/mxapiwodetial/_QkVERk9SRC8xMDAx?lean=1",
  "",
  "###",
  "POST os/mxapiasset?lean=1",
  "",
  '{"siteid": "MUCHTOOLONGSITE", "descripion": "x"}',
  "",
  "###",
  "POST os/mxapiasset?lean=1",
  "",
  '{"assetnum": "A2"}',
  "",
].join("\n");

test("check --schemas DIR: the same schema diagnostics as the language service", (t) => {
  const dir = mkdtempSync(join(tmpdir(), "check-schemas-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const schemas = join(dir, "schemas");
  cpSync(join(root, "server", "schema-pack"), schemas, { recursive: true });
  const file = join(dir, "requests.maximo");
  writeFileSync(file, text);

  const result = spawnSync(process.execPath, [join(root, "dist", "cli.js"), "check", file, "--schemas", schemas, "--format", "json"], { encoding: "utf8" });
  assert.equal(result.status, 1, result.stderr);
  const cli = (JSON.parse(result.stdout) as Array<{ code: string; line: number; character: number }>).map((d) => `${d.line}:${d.character} ${d.code}`).sort();

  const service = new LanguageService();
  service.setSchemaFolders([schemas]);
  const lsp = service
    .diagnostics(TextDocument.create("file:///requests.maximo", "maximo", 1, text))
    .map((d) => `${d.range.start.line}:${d.range.start.character} ${String(d.code)}`)
    .sort();
  assert.deepEqual(cli, lsp);
  for (const code of ["maximo.query-param-case", "schema.value-type", "schema.unknown-saved-query", "maximo.http-patch", "schema.unknown-object-structure", "schema.max-length", "schema.unknown-body-key", "schema.missing-required"]) {
    assert.ok(cli.some((d) => d.endsWith(` ${code}`)), `${code} in ${cli.join(", ")}`);
  }
});

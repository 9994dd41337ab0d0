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

test("check without --schemas uses the shipped pack, as the editor does: schema.* problems with the pack's severities (hints for names it does not list, no error)", (t) => {
  const dir = mkdtempSync(join(tmpdir(), "check-pack-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, "requests.maximo");
  writeFileSync(
    file,
    [
      'GET os/mxapiwodetail?lean=1&oslc.where=wopriority="1" and cxpermitnum="P1"&savedQuery=MYCUSTOMQUERY',
      "",
      "###",
      "GET os/mxapiinventory?lean=1&oslc.select=itemnum,curbaltotal",
      "",
    ].join("\n"),
  );
  const cli = join(root, "dist", "cli.js");
  const result = spawnSync(process.execPath, [cli, "check", file, "--format", "json"], { encoding: "utf8" });
  assert.equal(result.status, 0, result.stdout + result.stderr);
  const found = (JSON.parse(result.stdout) as Array<{ code: string; severity: string; message: string }>).map((d) => `${d.code} ${d.severity}`).sort();
  assert.deepEqual(found, [
    "schema.unknown-attribute hint",
    "schema.unknown-object-structure hint",
    "schema.unknown-saved-query hint",
    "schema.value-type warning",
  ]);

  // The same file against a server's saved schemas (the pack's files as a cache folder): errors, exit 1.
  const schemas = join(dir, "schemas");
  cpSync(join(root, "server", "schema-pack"), schemas, { recursive: true });
  const withServer = spawnSync(process.execPath, [cli, "check", file, "--schemas", schemas], { encoding: "utf8" });
  assert.equal(withServer.status, 1, withServer.stdout);
  for (const code of ["schema.unknown-attribute", "schema.unknown-object-structure", "schema.unknown-saved-query", "schema.value-type"]) {
    assert.match(withServer.stdout, new RegExp(`:\\d+:\\d+ error ${code.replace(".", "\\.")} `), code);
  }
});

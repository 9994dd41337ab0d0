// The language server's checks of JetBrains `import` / `run` lines that read the files they name
// (jetbrains.com/help "Import and run requests"): only for a `file:` document, through the reader
// server.ts gives it; an untitled document gets the text-only checks alone.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { LanguageService } from "../../server/src/languageService";

const root = process.env.MAXIMO_WORKBENCH_ROOT ?? process.cwd();
const folder = join(root, "out", "imports-test");
const files = new Map([[join(folder, "auth.http"), "### Login\nPOST http://localhost:3000/login\n"]]);

function service(): LanguageService {
  const s = new LanguageService();
  s.setSchemaFolders([join(root, "server", "schema-pack")]);
  s.setFileReader((path) => files.get(path));
  return s;
}

const TEXT = "import ./auth.http\nimport ./missing.http\n\n###\nrun ./auth.http#Logn\n";

test("a saved file: a missing import is a warning, a run of a name the imported file lacks an error", () => {
  const s = service();
  const uri = pathToFileURL(join(folder, "main.http")).toString();
  const found = s.diagnostics(s.changes.configuration.create(uri, "maximo", 1, TEXT));
  assert.deepEqual(found.map((d) => [d.code, d.severity, d.range.start.line, d.range.start.character]), [
    ["maximo.import-missing", 2, 1, 7],
    ["maximo.run-unknown-request", 1, 4, 16],
  ]);
  assert.match(String(found[1]!.message), /did you mean `Login`\?/);
});

test("an untitled document: no file is read, nothing is said of the paths", () => {
  const s = service();
  assert.deepEqual(s.diagnostics(s.changes.configuration.create("untitled:Untitled-1", "maximo", 1, TEXT)), []);
});

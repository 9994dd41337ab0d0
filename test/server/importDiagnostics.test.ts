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

// Go to definition and hover across files: what an import or run line names in another file.
const navFiles = new Map([
  [join(folder, "auth.http"), "### Login\nPOST http://localhost:3000/login\n\n### Logout\nPOST http://localhost:3000/logout\n"],
  [join(folder, "plain.http"), "GET http://localhost:3000/a\n"],
]);
const NAV = "import ./auth.http\n\n### Local\nGET http://localhost:3000/here\n\n###\nrun #Logout\nrun ./auth.http#Logout\nrun ./plain.http\nrun #Local\nrun ./auth.http#Nope\n";

function navService(): { s: LanguageService; doc: ReturnType<LanguageService["changes"]["configuration"]["create"]> } {
  const s = new LanguageService();
  s.setFileReader((path) => navFiles.get(path));
  const doc = s.changes.configuration.create(pathToFileURL(join(folder, "main.http")).toString(), "maximo", 1, NAV);
  return { s, doc };
}

const at = (line: number, character: number) => ({ line, character });
const authUri = pathToFileURL(join(folder, "auth.http")).toString();

test("definition: run PATH#name and run #name of an imported file open that file at the request line; a path opens the file", () => {
  const { s, doc } = navService();
  const where = (line: number, character: number) => s.definition(doc, at(line, character)).map((l) => [l.uri, l.range.start.line, l.range.start.character, l.range.end.character]);
  // `run ./auth.http#Logout`, on the name: line 4 of auth.http (0-based 4), the whole request line.
  assert.deepEqual(where(7, 18), [[authUri, 4, 0, "POST http://localhost:3000/logout".length]]);
  // `run #Logout`: not in this file, found in the import.
  assert.deepEqual(where(6, 6), [[authUri, 4, 0, "POST http://localhost:3000/logout".length]]);
  // On a path: the top of the file.
  assert.deepEqual(where(0, 10), [[authUri, 0, 0, 0]]);
  assert.deepEqual(where(8, 8), [[pathToFileURL(join(folder, "plain.http")).toString(), 0, 0, 0]]);
  // `run #Local` stays in this file (the symbol index answers): its title.
  assert.deepEqual(where(9, 6), [[doc.uri, 2, 4, 9]]);
  // A name the file lacks, and the keyword, go nowhere.
  assert.deepEqual(where(10, 18), []);
  assert.deepEqual(where(7, 1), []);
});

test("hover: a request of another file shows its line; a path lists that file's named requests", () => {
  const { s, doc } = navService();
  const hover = (line: number, character: number) => {
    const h = s.hover(doc, at(line, character));
    return h && { value: (h.contents as { value: string }).value, range: [h.range!.start.line, h.range!.start.character, h.range!.end.character] };
  };
  const request = hover(7, 18)!;
  assert.match(request.value, /^\*\*Logout\*\* \(`\.\/auth\.http`, line 5\)/);
  assert.match(request.value, /POST http:\/\/localhost:3000\/logout/);
  // The `#` and the name.
  assert.deepEqual(request.range, [7, 15, 22]);
  assert.match(hover(0, 10)!.value, /`\.\/auth\.http`: 2 named requests: `Login`, `Logout`\./);
  assert.match(hover(8, 8)!.value, /has no named requests/);
  assert.equal(hover(10, 18), null);
});

test("an untitled document reads no file for navigation", () => {
  const s = new LanguageService();
  let reads = 0;
  s.setFileReader(() => {
    reads++;
    return undefined;
  });
  const doc = s.changes.configuration.create("untitled:Untitled-1", "maximo", 1, NAV);
  assert.deepEqual(s.definition(doc, at(7, 18)), []);
  assert.equal(s.hover(doc, at(0, 10)), null);
  assert.equal(reads, 0);
});

test("a named file edited on disk is read again: the next check sees its new names", () => {
  const path = join(folder, "changing.http");
  const disk = new Map([[path, "### Login\nPOST http://localhost:3000/login\n"]]);
  const s = new LanguageService();
  s.setFileReader((p) => disk.get(p));
  const uri = pathToFileURL(join(folder, "runner.http")).toString();
  const codes = (version: number) => s.diagnostics(s.changes.configuration.create(uri, "maximo", version, "run ./changing.http#Logout\n")).map((d) => d.code);
  assert.deepEqual(codes(1), ["maximo.run-unknown-request"]);
  assert.deepEqual(codes(2), ["maximo.run-unknown-request"]);
  disk.set(path, "### Logout\nPOST http://localhost:3000/logout\n");
  assert.deepEqual(codes(3), []);
  disk.delete(path);
  assert.deepEqual(codes(4), ["maximo.import-missing"]);
});

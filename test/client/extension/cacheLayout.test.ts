/** The cache-folder layout the language server reads (server/src/schema/schemaFolder.ts, issue 6) and atomic writes. */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { after, describe, test } from "node:test";
import { writeFileAtomic } from "../../../client/src/extension/schemaCache/atomicWrite";
import { apimetaFile, connectionFolder, connectionFolderName, isCacheableName, schemaFile } from "../../../client/src/extension/schemaCache/cacheLayout";

const scratch = mkdtempSync(join(tmpdir(), "maximo-cache-layout-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

describe("schema cache layout", () => {
  test("apimeta.json and jsonschemas/<name>.json in the connection's folder", () => {
    const folder = connectionFolder("/g/schemas", { name: "dev", url: "https://dev.example.com/maximo" });
    assert.equal(apimetaFile(folder), join(folder, "apimeta.json"));
    assert.equal(schemaFile(folder, "mxapiasset"), join(folder, "jsonschemas", "mxapiasset.json"));
    assert.equal(join(folder, ".."), "/g/schemas");
  });

  test("folder names are safe for any connection name, and differ by name and by server", () => {
    const names = ["dev", "Prod (EU)/main", "../../etc", "dev_1", "dev/1", "", "ümlaut"].map((name) => connectionFolderName({ name, url: "https://a.example.com/maximo" }));
    for (const name of names) assert.match(name, /^[A-Za-z0-9_-]+$/);
    assert.equal(new Set(names).size, names.length);
    const a = connectionFolderName({ name: "dev", url: "https://a.example.com/maximo" });
    assert.equal(a, connectionFolderName({ name: "dev", url: "https://a.example.com/maximo/" }), "a trailing slash is the same server");
    assert.notEqual(a, connectionFolderName({ name: "dev", url: "https://b.example.com/maximo" }));
  });

  test("only names the server reads back are cached; none can leave the folder", () => {
    for (const ok of ["mxapiasset", "mx_api.wo-1"]) assert.ok(isCacheableName(ok));
    for (const bad of ["..", ".hidden", "a/b", "MXAPIASSET", "a\\b", ""]) assert.equal(isCacheableName(bad), false, bad);
    assert.throws(() => schemaFile("/f", "../x"), /not an object structure name/);
  });
});

describe("atomic write", () => {
  test("creates the folders, writes the bytes, leaves no temp file", async () => {
    const file = join(scratch, "a", "b", "apimeta.json");
    await writeFileAtomic(file, Buffer.from('{"x":1}'));
    assert.equal(readFileSync(file, "utf8"), '{"x":1}');
    assert.deepEqual(readdirSync(join(scratch, "a", "b")), ["apimeta.json"]);
  });

  test("replaces an existing file whole", async () => {
    const file = join(scratch, "replace.json");
    writeFileSync(file, "old old old old");
    await writeFileAtomic(file, Buffer.from("new"));
    assert.equal(readFileSync(file, "utf8"), "new");
  });

  test("a failed write leaves the old content and no temp file", async () => {
    // The target is a non-empty folder: the rename fails after the temp file was written.
    const dir = join(scratch, "fail");
    const target = join(dir, "x.json");
    mkdirSync(join(target, "inside"), { recursive: true });
    await assert.rejects(writeFileAtomic(target, Buffer.from("data")));
    assert.deepEqual(readdirSync(dir), [basename(target)]);
    assert.deepEqual(readdirSync(target), ["inside"]);
  });
});

// `maximo check`'s cache (client/src/cli/checkCache/): whatever it answers equals a full check of
// the same text against the same schemas (onePassCheck without a memo, itself held to the
// language service's full analysis by test/server/fileDiagnostics.test.ts); an unchanged text is
// answered whole, an edited one analyses only its new blocks; a change of schema content, a
// corrupt, foreign or planted file is never an answer; nothing secret is written.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { chmodSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { onePassCheck, type CheckResult } from "../../server/src/features/fileDiagnostics/onePassCheck";
import { splitBlocks } from "../../server/src/language/maximo/blockSplitter";
import { createSchemaStore } from "../../server/src/schema";
import { checkCacheKey } from "../../client/src/cli/checkCache/cacheKey";
import { CheckCache, checkCacheDir } from "../../client/src/cli/checkCache/checkCache";
import { allFixtures, prng } from "../language/maximoTestkit";
import { randomChange, requests } from "../server/diagnosticEdits";

const root = process.env.MAXIMO_WORKBENCH_ROOT ?? process.cwd();
const packDir = join(root, "server", "schema-pack");
const cli = join(root, "dist", "cli.js");

function tempDir(t: { after(fn: () => void): void }, prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** What `maximo check` prints of a result, in order: every field of every diagnostic. */
function printed({ syntax, schema }: Pick<CheckResult, "syntax" | "schema">) {
  return [...syntax, ...schema].map(({ code, severity, message, span, range }) => ({ code, severity, message, span, range }));
}

function blockTexts(text: string): string[] {
  return [...splitBlocks(text, 0, text.length)].map((b) => text.slice(b.start, b.end));
}

const fixtureText = () => `${[...allFixtures().values()].join("\n")}\n${requests(40)}`;

test("check cache: a re-check of the same text is answered whole, and equals a full check (fixtures and requests of every diagnostic kind)", (t) => {
  const dir = tempDir(t, "check-cache-");
  const schemas = createSchemaStore({ packDir });
  assert.ok(printed(onePassCheck(requests(5), schemas)).some((d) => d.code.startsWith("schema.")), "the pack is found");
  for (const [name, text] of [...allFixtures(), ["requests", requests(60)] as const]) {
    const cache = new CheckCache(dir, "key");
    const full = printed(onePassCheck(text, schemas));
    const first = cache.check(join(dir, name), text, schemas);
    assert.equal(first.fromResult, false);
    assert.equal(first.analysedBlocks, blockTexts(text).length, name);
    assert.deepEqual(printed(first), full, name);
    const again = new CheckCache(dir, "key").check(join(dir, name), text, schemas);
    assert.equal(again.fromResult, true, name);
    assert.deepEqual(printed(again), full, name);
  }
  assert.ok(printed(onePassCheck(requests(60), schemas)).some((d) => d.code === "maximo.undefined-variable"), "the request file exercises the file-level checks");
});

test("check cache: after every random edit (seeded) a check through the cache equals a full check, and analyses only the blocks whose text is new", (t) => {
  const dir = tempDir(t, "check-cache-edits-");
  const schemas = createSchemaStore({ packDir });
  for (const seed of [1, 2, 3]) {
    const file = join(dir, `edited-${seed}.maximo`);
    const random = prng(seed);
    let text = seed === 1 ? fixtureText() : requests(40);
    let before = new Set<string>();
    let reused = 0;
    for (let step = 0; step < 60; step++) {
      // The result file answers an unchanged text; the blocks file an edited one.
      const result = new CheckCache(dir, "key").check(file, text, schemas);
      assert.deepEqual(printed(result), printed(onePassCheck(text, schemas)), `seed ${seed}, step ${step}`);
      const blocks = blockTexts(text);
      const expected = blocks.filter((b) => !before.has(b)).length;
      if (!result.fromResult) assert.equal(result.analysedBlocks, expected, `seed ${seed}, step ${step}: blocks analysed`);
      reused += blocks.length - result.analysedBlocks;
      before = new Set(blocks);
      const change = randomChange(random, text);
      text = text.slice(0, change.start) + change.text + text.slice(change.end);
    }
    assert.ok(reused > 0, "blocks were answered from the cache");
  }
});

test("check cache: another key (other code, Node or schemas) never answers", (t) => {
  const dir = tempDir(t, "check-cache-key-");
  const schemas = createSchemaStore({ packDir });
  const text = requests(10);
  const file = join(dir, "a.maximo");
  new CheckCache(dir, "one").check(file, text, schemas);
  const other = new CheckCache(dir, "two").check(file, text, schemas);
  assert.equal(other.fromResult, false);
  assert.equal(other.analysedBlocks, blockTexts(text).length);
  assert.equal(new CheckCache(dir, "two").check(file, text, schemas).fromResult, true);
});

test("check cache key: the code and every schema file's content count, not file times", (t) => {
  const dir = tempDir(t, "check-cache-schemas-");
  const schemasDir = join(dir, "schemas");
  cpSync(packDir, schemasDir, { recursive: true });
  const code = join(dir, "bundle.js");
  writeFileSync(code, "// one build");
  const key = () => checkCacheKey(code, [schemasDir, packDir]);
  const original = key();
  assert.equal(key(), original, "nothing changed, the same key");

  // Same size, same times, other content.
  const schemaFile = join(schemasDir, "jsonschemas", readdirSync(join(schemasDir, "jsonschemas"))[0]!);
  const bytes = readFileSync(schemaFile, "utf8");
  const { atime, mtime } = statSync(schemaFile);
  const swapped = bytes.replace(/"type"/, '"tupe"');
  assert.equal(swapped.length, bytes.length);
  writeFileSync(schemaFile, swapped);
  utimesSync(schemaFile, atime, mtime);
  assert.notEqual(key(), original, "a schema's content");
  writeFileSync(schemaFile, bytes);
  utimesSync(schemaFile, atime, mtime);
  assert.equal(key(), original);

  writeFileSync(join(schemasDir, "jsonschemas", "mxnew.json"), "{}");
  assert.notEqual(key(), original, "a new schema file");
  rmSync(join(schemasDir, "jsonschemas", "mxnew.json"));
  assert.equal(key(), original);

  const other = join(dir, "other");
  cpSync(join(schemasDir, "jsonschemas"), join(other, "jsonschemas"), { recursive: true });
  assert.notEqual(checkCacheKey(code, [other, packDir]), checkCacheKey(code, [packDir, other]), "the folders' order: a server's cache before the pack");
  assert.notEqual(checkCacheKey(code, [join(dir, "missing"), packDir]), original, "a missing folder");
  writeFileSync(code, "// another build");
  assert.notEqual(key(), original, "the code");
});

test("check cache: corrupt or foreign files are no answer; the check equals a full check and the files are written anew", (t) => {
  const dir = tempDir(t, "check-cache-corrupt-");
  const schemas = createSchemaStore({ packDir });
  const text = requests(12);
  const file = join(dir, "file.maximo");
  const full = printed(onePassCheck(text, schemas));
  new CheckCache(dir, "key").check(file, text, schemas);
  const names = readdirSync(dir).sort();
  assert.equal(names.length, 2);
  const [blocksFile, resultFile] = names.map((n) => join(dir, n));
  assert.match(blocksFile!, /\.blocks\.json$/);
  const good = { blocks: readFileSync(blocksFile!, "utf8"), result: readFileSync(resultFile!, "utf8") };
  const result = JSON.parse(good.result) as Record<string, unknown>;
  const blocks = JSON.parse(good.blocks) as { blocks: [string, unknown[]][]; strings: string[] };
  const withFirstEntry = (entry: unknown) => JSON.stringify({ ...blocks, blocks: [[blocks.blocks[0]![0], entry], ...blocks.blocks.slice(1)] });
  const firstEntry = blocks.blocks.find(([, entry]) => (entry[0] as unknown[]).length + (entry[1] as unknown[]).length > 0)!;
  assert.ok(firstEntry, "an entry with a diagnostic");

  const corruptions: [string, string | undefined, string | undefined][] = [
    ["empty files", "", ""],
    ["cut short", good.result.slice(0, 100), good.blocks.slice(0, 100)],
    ["not JSON", "\u0000\u0001garbage", "{{{"],
    ["another format", JSON.stringify({ ...result, format: 99 }), undefined],
    ["JSON null and a number", "null", "7"],
    ["a string index out of the table", JSON.stringify({ ...result, syntax: [[999, 0, 0, 0, 1, 0, 0, 0, 1]] }), undefined],
    ["an index that is a property name", JSON.stringify({ ...result, syntax: [["length", 0, 0, 0, 1, 0, 0, 0, 1]] }), undefined],
    ["a negative offset", JSON.stringify({ ...result, syntax: [[0, 0, 0, -5, 1, 0, 0, 0, 1]] }), undefined],
    ["a severity out of range", JSON.stringify({ ...result, syntax: [[0, 9, 0, 0, 1, 0, 0, 0, 1]] }), undefined],
    ["results of another text, blocks of the wrong shape", JSON.stringify({ ...result, text: "other" }), JSON.stringify({ ...blocks, blocks: 5 })],
    ["an entry of the wrong length", JSON.stringify({ ...result, text: "other" }), withFirstEntry([[], []])],
    ["an entry whose lists hold objects", JSON.stringify({ ...result, text: "other" }), withFirstEntry([[{}], [], [], 0, [], [], []])],
    ["an entry with a string for a use kind", JSON.stringify({ ...result, text: "other" }), withFirstEntry([[], [], [], 0, [], [], [["variable", "x", 0, 1]]])],
    ["the result file missing", undefined, good.blocks],
  ];
  for (const [what, resultText, blocksText] of corruptions) {
    if (resultText === undefined) rmSync(resultFile!, { force: true });
    else writeFileSync(resultFile!, resultText, { mode: 0o600 });
    if (blocksText !== undefined) writeFileSync(blocksFile!, blocksText, { mode: 0o600 });
    const checked = new CheckCache(dir, "key").check(file, text, schemas);
    assert.equal(checked.fromResult, false, what);
    assert.deepEqual(printed(checked), full, what);
    // Written anew: the next check is answered whole.
    assert.equal(new CheckCache(dir, "key").check(file, text, schemas).fromResult, true, `${what}: rewritten`);
  }
});

test("check cache: a file another user could have written is not read (a planted answer never hides a diagnostic)", { skip: process.getuid === undefined }, (t) => {
  const dir = tempDir(t, "check-cache-planted-");
  const schemas = createSchemaStore({ packDir });
  const text = 'GET os/mxapiasset?oslc.select=assetnum,nosuchattribute\n\n###\nPOST os/mxapiasset\n\n{"nosuchkey": 1}\n';
  const file = join(dir, "file.maximo");
  const full = printed(onePassCheck(text, schemas));
  assert.ok(full.length > 0);
  new CheckCache(dir, "key").check(file, text, schemas);
  const resultFile = join(dir, readdirSync(dir).find((n) => n.endsWith(".result.json"))!);
  // A planted answer: no diagnostics for this text, written group- and world-writable.
  const planted = { ...(JSON.parse(readFileSync(resultFile, "utf8")) as object), syntax: [], schema: [] };
  writeFileSync(resultFile, JSON.stringify(planted));
  chmodSync(resultFile, 0o666);
  const checked = new CheckCache(dir, "key").check(file, text, schemas);
  assert.equal(checked.fromResult, false);
  assert.deepEqual(printed(checked), full);
  assert.equal(statSync(resultFile).mode & 0o777, 0o600, "replaced by a private file");
});

test("check cache: pruning keeps the most recently written files", (t) => {
  const dir = tempDir(t, "check-cache-prune-");
  const schemas = createSchemaStore({ packDir });
  const cache = new CheckCache(dir, "key", 4);
  const seen = new Set<string>();
  for (const [i, name] of ["a", "b", "c"].entries()) {
    cache.check(join(dir, `${name}.maximo`), requests(2 + i), schemas);
    // Distinct times, oldest first, whatever the file system's clock resolution.
    const when = new Date(Date.now() - (3 - i) * 60_000);
    for (const written of readdirSync(dir)) if (!seen.has(written)) utimesSync(join(dir, written), when, when), seen.add(written);
  }
  assert.equal(seen.size, 6);
  cache.prune();
  assert.equal(readdirSync(dir).length, 4);
  assert.equal(new CheckCache(dir, "key").check(join(dir, "c.maximo"), requests(4), schemas).fromResult, true, "the newest file's answers are kept");
  assert.equal(new CheckCache(dir, "key").check(join(dir, "a.maximo"), requests(2), schemas).fromResult, false, "the oldest file's are gone");
});

test("check cache: pruning removes the temporaries a killed writer left, not those being written or not ours", (t) => {
  const dir = tempDir(t, "check-cache-leftovers-");
  const schemas = createSchemaStore({ packDir });
  const cache = new CheckCache(dir, "key");
  cache.check(join(dir, "a.maximo"), requests(2), schemas);
  const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60_000);
  const leftover = "0123abcd.result.json.4242.tmp";
  const inFlight = "4567cdef.blocks.json.4343.tmp";
  const foreign = "notes.txt.4444.tmp";
  for (const name of [leftover, inFlight, foreign]) writeFileSync(join(dir, name), "{");
  utimesSync(join(dir, leftover), twoHoursAgo, twoHoursAgo);
  utimesSync(join(dir, foreign), twoHoursAgo, twoHoursAgo);
  cache.prune();
  const left = readdirSync(dir);
  assert.ok(!left.includes(leftover), "an hour-old temporary of a cache file is gone");
  assert.ok(left.includes(inFlight), "a fresh temporary may be another run's write in progress");
  assert.ok(left.includes(foreign), "a file the cache does not own stays");
  assert.equal(left.filter((name) => name.endsWith(".json")).length, 2, "the cache's own files stay");
});

test("check cache folder: MAXIMO_CHECK_CACHE names it or turns it off; by default the user's cache folder", () => {
  assert.equal(checkCacheDir({ MAXIMO_CHECK_CACHE: "/somewhere" }), "/somewhere");
  assert.equal(checkCacheDir({ MAXIMO_CHECK_CACHE: "off" }), undefined);
  if (process.platform !== "win32") assert.equal(checkCacheDir({ XDG_CACHE_HOME: "/xdg" }), join("/xdg", "maximo-workbench", "check-cache"));
});

function check(args: string[], cacheDir: string) {
  const result = spawnSync(process.execPath, [cli, "check", ...args], { encoding: "utf8", env: { ...process.env, MAXIMO_CHECK_CACHE: cacheDir } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

test("maximo check: the second run prints what the first printed, from private files that hold no secret; --no-cache and MAXIMO_CHECK_CACHE=off write nothing", (t) => {
  const dir = tempDir(t, "check-cache-cli-");
  const cacheDir = join(dir, "cache");
  const file = join(dir, "secrets.maximo");
  const secrets = ["s3cr3t-apikey-value", "dXNlcjpwYXNzd29yZA==", "JSESSIONID=abc123cookie", "hunter2-password"];
  writeFileSync(
    file,
    [
      `@apikey = ${secrets[0]}`,
      `@password = ${secrets[3]}`,
      "GET os/mxapiasset?oslc.select=assetnum,nosuchattribute&oslc.where=status=\"OPERATING\"",
      "apikey: {{apikey}}",
      "",
      "###",
      "GET os/mxapiwodetail?oslc.select=wonum",
      `Authorization: Basic ${secrets[1]}`,
      `Cookie: ${secrets[2]}`,
      "maxauth: {{password}}",
      "",
      "###",
      "GET os/mxapiasset?oslc.where=assetnum=\"{{undefinedone}}\"",
      "",
    ].join("\n"),
  );
  for (const format of ["text", "json"]) {
    const first = check([file, "--format", format], cacheDir);
    const second = check([file, "--format", format], cacheDir);
    const uncached = check([file, "--format", format, "--no-cache"], join(dir, "unused"));
    assert.equal(first.stderr, "");
    assert.equal(second.stdout, first.stdout, format);
    assert.equal(second.status, first.status);
    assert.equal(uncached.stdout, first.stdout, format);
    assert.match(first.stdout, /maximo\.undefined-variable/);
  }
  assert.equal(statSync(cacheDir).mode & 0o777, 0o700);
  const written = readdirSync(cacheDir);
  assert.equal(written.length, 2);
  for (const name of written) {
    const path = join(cacheDir, name);
    assert.equal(statSync(path).mode & 0o777, 0o600, name);
    const content = readFileSync(path, "utf8");
    for (const secret of secrets) assert.ok(!content.includes(secret), `${name} holds ${secret}`);
  }
  assert.throws(() => statSync(join(dir, "unused")), "--no-cache wrote nothing");
  check([file], "off");
  assert.deepEqual(readdirSync(dir).sort(), ["cache", "secrets.maximo"], "MAXIMO_CHECK_CACHE=off wrote nothing");
});

test("maximo check --schemas DIR: a schema that changes changes the answer, cache or not", (t) => {
  const dir = tempDir(t, "check-cache-cli-schemas-");
  const cacheDir = join(dir, "cache");
  const schemasDir = join(dir, "schemas");
  cpSync(packDir, schemasDir, { recursive: true });
  const file = join(dir, "requests.maximo");
  writeFileSync(file, "GET os/mxapiasset?oslc.select=assetnum,mxwbcustomattr\n");
  const before = check([file, "--schemas", schemasDir], cacheDir);
  assert.equal(before.status, 1, before.stdout);
  assert.match(before.stdout, /mxwbcustomattr/);
  // The server's schema gains the attribute (a refresh of the connection's schemas).
  const schemaFile = join(schemasDir, "jsonschemas", "mxapiasset.json");
  const schema = JSON.parse(readFileSync(schemaFile, "utf8")) as { properties: Record<string, unknown> };
  schema.properties.mxwbcustomattr = { type: "string", title: "Custom" };
  writeFileSync(schemaFile, JSON.stringify(schema));
  const after = check([file, "--schemas", schemasDir], cacheDir);
  assert.equal(after.status, 0, after.stdout);
  assert.doesNotMatch(after.stdout, /mxwbcustomattr/);
  assert.equal(after.stdout, check([file, "--schemas", schemasDir, "--no-cache"], cacheDir).stdout);
});

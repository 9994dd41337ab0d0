/**
 * The faster analysis gives the same results as the plain one (issue 15). Three shortcuts are
 * compared with what they replace, on the fixtures, the examples and request files with
 * errors sprinkled in:
 * - the cache of embedded query parses (a value seen before is not parsed again; its tree is a
 *   copy mapped to the new place) against parsing every value afresh (cache capacity 0);
 * - `closest` (did-you-mean) with its early exits against the plain edit distance;
 * - `maximo check` from the small `dist/cli.js` bundle against the whole CLI (`dist/cli-full.js`), and
 *   both against syntax + schema diagnostics computed here without the cache; the check parses
 *   and analyses a block at a time and keeps no tree (`onePassCheck`), the plain analysis parses
 *   the whole document first. The fixtures, the examples and bench/parse's 100,000-line file.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseDocument, toParseSummary, type MaximoDocument } from "../../server/src/language/maximo/api";
import { localParses } from "../../server/src/language/common/querySupport";
import type { Span } from "../../server/src/language/common";
import type { EmbeddedParse } from "../../server/src/language/embedded";
import { createSchemaStore } from "../../server/src/schema";
import { schemaDiagnostics } from "../../server/src/features/schema/schemaDiagnostics";
import { closest } from "../../server/src/features/schema/didYouMean";
import { allFixtures, pick, prng } from "./maximoTestkit";
import { randomInput } from "./maximoFuzzing";
import { requestFile } from "../../bench/lib/requestFiles";

const root = process.env.MAXIMO_WORKBENCH_ROOT ?? process.cwd();
const packDir = join(root, "server", "schema-pack");
const CAPACITY = localParses.capacity;

/** Runs `fn` with the embedded-parse cache off (every value parsed afresh), then restores it. */
function withoutCache<T>(fn: () => T): T {
  localParses.capacity = 0;
  try {
    return fn();
  } finally {
    localParses.capacity = CAPACITY;
    localParses.clear();
  }
}

/** A request file of `count` requests, where/select/orderBy and JSON bodies, with some mistakes in. */
function requestsWithMistakes(count: number, seed: number): string {
  const random = prng(seed);
  const attributes = ["wonum", "status", "siteid", "description", "wopriority", "reportdate", "assetnum", "location", "statusdate"];
  const misspelt = ["wonumm", "stauts", "sitid", "descripton", "wopriorty", "xyz", "spi:wonum", "oslc:shortTitle"];
  const word = () => (random() < 0.15 ? pick(random, misspelt) : pick(random, attributes));
  const where = () => {
    const terms = [`status="${pick(random, ["APPR", "WAPPR", "INPRG", "bad"])}"`, `siteid="{{site}}"`, `wopriority<=${Math.floor(random() * 5)}`, `${word()}="x"`];
    const glue = random() < 0.1 ? " or " : " and ";
    let text = terms.slice(0, 1 + Math.floor(random() * terms.length)).join(glue);
    if (random() < 0.08) text += " and";
    if (random() < 0.05) text = text.replace('"', "");
    if (random() < 0.05) text += "+";
    return text;
  };
  const select = () => {
    let text = Array.from({ length: 1 + Math.floor(random() * 4) }, word).join(",");
    if (random() < 0.2) text += `,wplabor{laborcode,${word()}}`;
    if (random() < 0.05) text += ",{";
    return text;
  };
  const orderBy = () => `${pick(random, ["-", "+", ""])}${word()},${pick(random, ["-", "+"])}${word()}`;
  const lines = ["@site = BEDFORD", ""];
  for (let i = 0; i < count; i++) {
    const structure = pick(random, ["mxapiwodetail", "mxapiasset", "mxapiwo", "mxapinothere"]);
    lines.push(`### Request ${i}`);
    if (random() < 0.7) lines.push(`# @name r${random() < 0.05 ? 0 : i}`);
    if (random() < 0.5) {
      lines.push(`GET os/${structure}?lean=${pick(random, ["1", "1", "0"])}`);
      lines.push(`    &oslc.where=${where()}`, `    &oslc.select=${select()}`);
      if (random() < 0.6) lines.push(`    &oslc.orderBy=${orderBy()}`);
      lines.push(`    &oslc.pageSize=${pick(random, ["20", "x", "-1"])}`, "Accept: application/json", "");
    } else if (random() < 0.6) {
      lines.push(`POST os/${structure}?lean=1&oslc.select=${select()}`, "Content-Type: application/json", "", "{");
      lines.push(`  "${word()}": "{{site}}",`, `  "${word()}": ${pick(random, ["1", '"A"', "true", "{{$guid}}", "{{$nothing}}"])},`);
      lines.push(`  "${word()}": "x"${random() < 0.1 ? "," : ""}`, "}", "");
    } else {
      lines.push(`GET os/${structure}?oslc.where=${where()}&oslc.select=${select()}&oslc.orderBy=${orderBy()}`, "");
    }
  }
  return lines.join("\n");
}

function corpus(): string[] {
  const examples = readdirSync(join(root, "examples"))
    .filter((name) => name.endsWith(".maximo"))
    .map((name) => readFileSync(join(root, "examples", name), "utf8"));
  const seeds = [...allFixtures().values(), ...examples];
  const random = prng(15_015);
  const mutated = Array.from({ length: 150 }, () => randomInput(random, seeds));
  return [...seeds, ...mutated, requestsWithMistakes(300, 1), requestsWithMistakes(300, 2)];
}

/** Every embedded query of every block, as the features read them (block-relative spans). */
function embeddedOf(document: MaximoDocument): unknown[] {
  return document.blocks.map((block) => document.embeddedQueries(block).map(({ param, parse }) => ({ param, language: parse.language, ast: parse.ast, diagnostics: parse.diagnostics })));
}

/** The same, each parse as it is (its `local` view unread, its tree not built). */
function parsesOf(document: MaximoDocument) {
  return document.blocks.flatMap((block) => document.embeddedQueries(block).map((query) => query.parse));
}

interface Reported {
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
  severity: string;
  code: string;
  message: string;
}

/** What `maximo check --format json` reports for one file (without `file`), computed in process. */
function checkDiagnostics(text: string): Reported[] {
  const document = parseDocument(text);
  const schemas = createSchemaStore({ packDir });
  const fromSchemas = schemaDiagnostics(document, schemas).map(({ range: { start, end }, severity, code, message }) => ({
    ...{ line: start.line, character: start.character, endLine: end.line, endCharacter: end.character, severity, code, message },
  }));
  return [...toParseSummary(document).diagnostics, ...fromSchemas];
}

test("cached embedded parses equal fresh ones: cold cache, warm cache, and the same values at other offsets", () => {
  const texts = corpus();
  let compared = 0;
  for (const text of texts) {
    const fresh = withoutCache(() => embeddedOf(parseDocument(text)));
    localParses.clear();
    assert.deepStrictEqual(embeddedOf(parseDocument(text)), fresh, "cold cache");
    assert.deepStrictEqual(embeddedOf(parseDocument(text)), fresh, "warm cache");
    // The same values elsewhere in a file: every offset moves, the cached trees must follow.
    const shifted = `### moved\n# a comment line\n\n${text}`;
    const freshShifted = withoutCache(() => embeddedOf(parseDocument(shifted)));
    // (The cache is warm with these values at their first offsets.)
    assert.deepStrictEqual(embeddedOf(parseDocument(shifted)), freshShifted, "values cached at other offsets");
    compared += fresh.flat().length;
  }
  assert.ok(compared > 1000, `compared ${compared} embedded queries`);
});

/**
 * `local.ast` with every span replaced by `local.place(span)`, the way the schema checks read it
 * (they walk the shared tree in the value's offsets and place each span they report).
 */
function placedLocal(parse: EmbeddedParse): unknown {
  const { tree, place } = { tree: parse.local.tree, place: (span: Span) => parse.local.place(span) };
  const isSpan = (value: unknown): value is Span =>
    typeof value === "object" && value !== null && typeof (value as { start?: unknown }).start === "number" && typeof (value as { end?: unknown }).end === "number";
  const walk = (value: unknown): unknown => {
    if (value === null || typeof value !== "object") return value;
    if (Array.isArray(value)) return value.map(walk);
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      out[key] = (key === "span" || key.endsWith("Span")) && isSpan(child) ? { ...child, ...place(child) } : walk(child);
    }
    return out;
  };
  return walk(tree);
}

test("a parse's shared local tree, each span placed, is its mapped tree: fresh, cached and moved values", () => {
  const texts = corpus();
  let compared = 0;
  localParses.clear();
  for (const round of ["cold", "warm"]) {
    for (const text of [...texts, ...texts.map((t) => `### moved\n# a comment line\n\n${t}`)]) {
      for (const parse of parsesOf(parseDocument(text))) {
        // The local view first: it must not depend on whether the mapped tree was built.
        const placed = placedLocal(parse);
        assert.deepStrictEqual(placed, JSON.parse(JSON.stringify(parse.ast)), `${round}: local tree placed = mapped tree`);
        assert.deepStrictEqual(placedLocal(parse), placed, `${round}: the local view, read after the mapped tree was built`);
        compared++;
      }
    }
  }
  assert.ok(compared > 2000, `compared ${compared} embedded queries`);
});

test("a cached tree is a copy: changing one result does not change the next", () => {
  localParses.clear();
  const text = "GET os/mxapiasset?oslc.where=status=\"APPR\"&oslc.select=assetnum,status";
  const first = embeddedOf(parseDocument(text)) as { ast: { span: { start: number } } }[][];
  const before = JSON.stringify(embeddedOf(parseDocument(text)));
  first[0]![0]!.ast.span.start = -1;
  assert.equal(JSON.stringify(embeddedOf(parseDocument(text))), before);
});

test("closest (did you mean) picks what the plain edit distance picks", () => {
  const plainLevenshtein = (a: string, b: string): number => {
    let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
      const current = [i];
      for (let j = 1; j <= b.length; j++) {
        current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
      }
      previous = current;
    }
    return previous[b.length]!;
  };
  const plainClosest = (name: string, candidates: string[]): string | undefined => {
    const wanted = name.toLowerCase();
    const limit = Math.max(1, Math.floor(wanted.length / 3));
    let best: string | undefined;
    let bestDistance = limit + 1;
    for (const candidate of candidates) {
      const distance = plainLevenshtein(wanted, candidate.toLowerCase());
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return best;
  };
  const schema = createSchemaStore({ packDir }).objectStructure("mxapiwodetail");
  assert.ok(schema, "the pack describes mxapiwodetail");
  const attributes = [...schema.attributes.values()].map((a) => a.name);
  const random = prng(77);
  const letters = "abcdefghijklmnopqrstuvwxyzABC_:";
  const randomWord = (max: number) => Array.from({ length: Math.floor(random() * max) }, () => pick(random, [...letters])).join("");
  let suggested = 0;
  for (let i = 0; i < 3000; i++) {
    const base = random() < 0.7 ? pick(random, attributes) : randomWord(14);
    // A few edits of a real name, or a random word.
    let name = base;
    for (let e = Math.floor(random() * 4); e > 0; e--) {
      const at = Math.floor(random() * (name.length + 1));
      name = random() < 0.5 ? name.slice(0, at) + pick(random, [...letters]) + name.slice(at) : name.slice(0, at) + name.slice(at + 1);
    }
    const candidates = random() < 0.5 ? attributes : Array.from({ length: 1 + Math.floor(random() * 40) }, () => randomWord(12));
    const expected = plainClosest(name, candidates);
    assert.equal(closest(name, candidates), expected, `closest(${JSON.stringify(name)})`);
    if (expected !== undefined) suggested++;
  }
  assert.ok(suggested > 500, `${suggested} names had a suggestion`);
});

test("maximo check: the small dist/cli.js, the whole CLI (dist/cli-full.js) and a check without the cache report the same diagnostics", () => {
  const dir = mkdtempSync(join(tmpdir(), "maximo-fast-paths-"));
  try {
    const texts = [...allFixtures().entries()].map(([name, text]) => ({ name, text }));
    for (const name of readdirSync(join(root, "examples")).filter((file) => file.endsWith(".maximo"))) {
      texts.push({ name: `example-${name}`, text: readFileSync(join(root, "examples", name), "utf8") });
    }
    texts.push({ name: "mistakes-a.maximo", text: requestsWithMistakes(400, 3) }, { name: "mistakes-b.maximo", text: requestsWithMistakes(400, 4) });
    // The file issue 15 times `maximo check` on (bench/parse).
    texts.push({ name: "bench-100k.maximo", text: requestFile(100_000) });
    let diagnostics = 0;
    for (const { name, text } of texts) {
      const file = join(dir, name);
      writeFileSync(file, text);
      const check = (bundle: string) => spawnSync(process.execPath, [join(root, "dist", bundle), "check", file, "--format", "json"], { encoding: "utf8", maxBuffer: 1 << 26 });
      const spawned = check("cli.js");
      assert.ok(spawned.status === 0 || spawned.status === 1, spawned.stderr);
      // The whole CLI (runCli), as dist/cli.js runs it for the other commands.
      const whole = check("cli-full.js");
      assert.equal(spawned.status, whole.status, name);
      assert.equal(spawned.stdout, whole.stdout, `${name}: dist/cli.js and dist/cli-full.js`);
      const reported = (JSON.parse(spawned.stdout) as (Reported & { file: string })[]).map(({ file: _file, ...d }) => d);
      const plain = withoutCache(() => checkDiagnostics(text));
      assert.deepStrictEqual(reported, plain, `${name}: check and the plain analysis`);
      diagnostics += reported.length;
    }
    // The sprinkled mistakes must give the comparison something to compare.
    assert.ok(diagnostics > 500, `${diagnostics} diagnostics compared`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// The language server's faster diagnostics paths against a full analysis of the same text
// (parseDocument, then its syntax diagnostics and its schema diagnostics, nothing memoised):
//   - after every random edit (seeded), the diagnostics computed incrementally (change ranges
//     from the editor's events, per-block memo, cross-block checks redone only when needed)
//     equal the full analysis, item for item and in order;
//   - the early publication on open holds only diagnostics of the full analysis;
//   - an edit inside one request analyses that request alone.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import type { Diagnostic } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { parseDocument, updateDocument } from "../../server/src/language/maximo/api";
import { RegionParser } from "../../server/src/language/maximo/regionParser";
import { getDiagnostics } from "../../server/src/features/diagnostics";
import { getSchemaDiagnostics } from "../../server/src/features/schema/schemaDiagnostics";
import { BlockAnalyses } from "../../server/src/features/fileDiagnostics/blockAnalyses";
import { IncrementalDiagnostics } from "../../server/src/features/fileDiagnostics/incrementalDiagnostics";
import { REGION_CHARS } from "../../server/src/features/fileDiagnostics/openAnalysis";
import { LanguageService } from "../../server/src/languageService";
import { createSchemaStore, type SchemaStore } from "../../server/src/schema";
import { allFixtures, prng } from "../language/maximoTestkit";
import { randomChange, requests } from "./diagnosticEdits";

const root = process.env.MAXIMO_WORKBENCH_ROOT ?? process.cwd();
const packDir = join(root, "server", "schema-pack");
const never = { isCancellationRequested: false };

function fullAnalysis(text: string, schemas: SchemaStore): Diagnostic[] {
  const document = parseDocument(text);
  return [...getDiagnostics(document), ...getSchemaDiagnostics(document, schemas)];
}

function positionAt(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: offset - lineStart };
}

test("incremental diagnostics: after every random edit the language service answers exactly what a full analysis gives", async () => {
  // The fixtures hold httpyac scripts, which turn the undefined-variable check off: seed 1
  // edits them too, the other seeds a file where the check is on (until an edit adds a stopper).
  const withFixtures = `${[...allFixtures().values()].join("\n")}\n${requests(40)}`;
  for (const seed of [1, 2, 3, 4]) {
    const base = seed === 1 ? withFixtures : requests(40);
    const random = prng(seed);
    const service = new LanguageService();
    service.setSchemaFolders([packDir]);
    const uri = `file:///work/property-${seed}.maximo`;
    let version = 1;
    let text = base;
    const document: TextDocument = service.changes.configuration.create(uri, "maximo", version, text);
    const first = await service.diagnosticsInSlices(document, never);
    assert.deepEqual(first, fullAnalysis(text, service.schemas), `seed ${seed}, open`);
    for (let step = 0; step < 80; step++) {
      // One to three changes per version, as an editor sends them (each in the text the previous one left).
      const changes = [];
      for (let n = 1 + Math.floor(random() * 3); n > 0; n--) {
        const change = randomChange(random, text);
        changes.push({ range: { start: positionAt(text, change.start), end: positionAt(text, change.end) }, text: change.text });
        text = text.slice(0, change.start) + change.text + text.slice(change.end);
      }
      version++;
      service.changes.configuration.update(document, changes, version);
      assert.equal(document.getText(), text);
      // Sometimes a version is skipped (the editor sent several before the server validated).
      if (random() < 0.2) continue;
      const incremental = await service.diagnosticsInSlices(document, never);
      assert.deepEqual(incremental, fullAnalysis(text, service.schemas), `seed ${seed}, step ${step}`);
    }
  }
});

test("incremental diagnostics: an edit inside one request analyses and places that request alone", () => {
  const schemas = createSchemaStore({ packDir });
  const text = requests(200);
  const analyses = new BlockAnalyses();
  const state = new IncrementalDiagnostics();
  const doc = parseDocument(text);
  state.update(doc, analyses, schemas);
  const before = analyses.analysedBlocks;
  const at = text.indexOf("descripton", text.indexOf("### Query 101")) + 3;
  const edited = text.slice(0, at) + "x" + text.slice(at);
  const next = updateDocument(doc, edited, { start: at, end: at + 1 });
  assert.deepEqual(next.stats, { parsedBlocks: 1, reusedBlocks: doc.blocks.length - 1 });
  const diagnostics = state.update(next, analyses, schemas);
  assert.equal(analyses.analysedBlocks - before, 1, "only the edited request is analysed again");
  assert.ok(state.placedBlocks <= 2, `placed ${state.placedBlocks} blocks`);
  assert.deepEqual(diagnostics, fullAnalysis(edited, schemas));
});

test("incremental diagnostics: a definition added or removed in one block changes the warnings of the others", () => {
  const schemas = createSchemaStore({ packDir });
  const text = requests(30);
  const analyses = new BlockAnalyses();
  const state = new IncrementalDiagnostics();
  const undefinedCount = (list: Diagnostic[]) => list.filter((d) => d.code === "maximo.undefined-variable").length;
  let doc = parseDocument(text);
  const initial = undefinedCount(state.update(doc, analyses, schemas));
  // Removing `@late = ...` at the end: every `{{late}}` above becomes undefined.
  const at = text.indexOf("@late = ");
  const lineEnd = text.indexOf("\n", at) + 1;
  const removed = text.slice(0, at) + text.slice(lineEnd);
  doc = updateDocument(doc, removed, { start: at, end: at });
  const afterRemoval = state.update(doc, analyses, schemas);
  assert.deepEqual(afterRemoval, fullAnalysis(removed, schemas));
  assert.equal(undefinedCount(afterRemoval), initial + 6, "the six {{late}} uses");
  // And back.
  doc = updateDocument(doc, text, { start: at, end: lineEnd });
  assert.deepEqual(state.update(doc, analyses, schemas), fullAnalysis(text, schemas));
});

test("incremental diagnostics: a reference typed in another request turns a reused name into a duplicate that matters", () => {
  const schemas = createSchemaStore({ packDir });
  const text = "### a\n# @name wo\nGET os/mxapiwodetail\n\n### b\n# @name wo\nGET os/mxapiasset\n\n### c\nGET os/mxapiasset?x=1\n";
  const analyses = new BlockAnalyses();
  const state = new IncrementalDiagnostics();
  const codes = (list: Diagnostic[]) => list.map((d) => d.code).filter((code) => String(code).startsWith("maximo.name"));
  let doc = parseDocument(text);
  assert.deepEqual(codes(state.update(doc, analyses, schemas)), ["maximo.name-reused"]);
  // Only request c is edited: `x=1` becomes `x={{wo.response.body.href}}`.
  const at = text.indexOf("x=1") + 2;
  const edited = text.slice(0, at) + "{{wo.response.body.href}}" + text.slice(at + 1);
  doc = updateDocument(doc, edited, { start: at, end: at + 1 });
  const after = state.update(doc, analyses, schemas);
  assert.deepEqual(after, fullAnalysis(edited, schemas));
  assert.deepEqual(codes(after), ["maximo.name-duplicate"]);
});

test("open: the early publication holds only diagnostics of the full analysis, and the complete one equals it", async () => {
  const big = requests(600);
  assert.ok(big.length > 3 * REGION_CHARS, "a file read in several regions");
  const texts = [big];
  // The same file after random edits: broken blocks, `###` added and removed, definitions moved.
  for (const seed of [11, 12, 13, 14, 15]) {
    const random = prng(seed);
    let text = big;
    for (let i = 0; i < 40; i++) {
      const change = randomChange(random, text.slice(0, 2 * REGION_CHARS));
      text = text.slice(0, change.start) + change.text + text.slice(change.end);
    }
    texts.push(text);
  }
  for (const [n, text] of texts.entries()) {
    const service = new LanguageService();
    service.setSchemaFolders([packDir]);
    const document = service.changes.configuration.create(`file:///work/open-${n}.maximo`, "maximo", 1, text);
    const early: Diagnostic[][] = [];
    const complete = await service.diagnosticsInSlices(document, never, (diagnostics) => early.push(diagnostics));
    const full = fullAnalysis(text, service.schemas);
    assert.deepEqual(complete, full, `text ${n}: complete`);
    assert.equal(early.length, 1, `text ${n}: one early publication`);
    const inFull = new Set(full.map((d) => JSON.stringify(d)));
    const wrong = early[0]!.filter((d) => !inFull.has(JSON.stringify(d)));
    assert.deepEqual(wrong, [], `text ${n}: early diagnostics absent from the full analysis`);
    if (n === 0) {
      assert.ok(early[0]!.length > 0 && early[0]!.length < full.length, "the top of the file, not all of it");
      // `{{late}}` is defined at the very end: the early set must not call it undefined.
      assert.ok(!early[0]!.some((d) => d.code === "maximo.undefined-variable" && String(d.message).includes("`late`")));
    }
  }
});

test("open: a file parsed region by region gives the blocks of a whole-file parse", () => {
  const random = prng(7);
  let text = `${[...allFixtures().values()].join("\n")}\n${requests(100)}`;
  for (let i = 0; i < 60; i++) {
    const change = randomChange(random, text);
    text = text.slice(0, change.start) + change.text + text.slice(change.end);
    if (i % 10 !== 0) continue;
    for (const chars of [1, 500, REGION_CHARS]) {
      const parser = new RegionParser(text);
      while (!parser.done) parser.next(chars);
      const regions = parser.document();
      const whole = parseDocument(text);
      assert.equal(regions.blocks.length, whole.blocks.length);
      regions.blocks.forEach((block, k) => {
        const other = whole.blocks[k]!;
        assert.deepEqual([block.offset, block.line, block.tree.lineStarts], [other.offset, other.line, other.tree.lineStarts], `block ${k}`);
        assert.deepEqual(block.node(), other.node(), `block ${k}`);
      });
      assert.deepEqual(regions.diagnostics(), whole.diagnostics());
    }
  }
  assert.equal(new RegionParser("").document().blocks.length, parseDocument("").blocks.length);
});

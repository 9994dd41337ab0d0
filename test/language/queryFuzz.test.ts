/**
 * Bounded fuzzing of the embedded query parsers: 20,000 random and mutated inputs seeded from
 * the guide fixtures, with a deterministic PRNG so a failure reproduces. No parser may throw,
 * every parse returns a tree and diagnostics whose spans lie inside the input, the lexers never
 * fail (their catch-all token matches anything) and the grammars never lose track.
 * Huge and deeply nested inputs return too (no timings are asserted).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { percentDecode, type EmbeddedSource, type SyntaxDiagnostic } from "../../server/src/language/common";
import { parseQueryParam, type EmbeddedParse } from "../../server/src/language/embedded";
import { lexWhere } from "../../server/src/language/where/lexer";
import { lexSelect } from "../../server/src/language/select/lexer";
import { lexOrderBy } from "../../server/src/language/orderby/lexer";
import { lexDomainFilter } from "../../server/src/language/domain/lexer";
import { guideExamples } from "./fixtures/guideQueryExamples";
import { pick, prng } from "../support/random";


const KEYS = ["oslc.where", "gbfilters", "po.poline.where", "oslc.select", "gbcols", "oslc.orderBy", "gbsortby", "domaininternalwhere"];
const PREFIX: Record<EmbeddedParse["language"], string> = { where: "where.", select: "select.", orderby: "orderby.", domain: "domain." };

/** Pieces that exercise every token type, the artefacts and the recovery paths. */
const PIECES = [
  ...'"“”„″\'‘’{}[](),.=!<>⇐≤≥≠+-*%&|:;\\/ \t\n\r—–−…_$#@~^`?'.split(""),
  "{{",
  "}}",
  "{{var}}",
  "{{{",
  "and",
  "or",
  "in",
  "not",
  "like",
  "is",
  "null",
  "true",
  "false",
  "AND",
  "--",
  "..",
  "...",
  "rel.",
  "exp.",
  "_dbavg",
  "_dbcount",
  "count.*",
  "spi:",
  "2026-01-01T00:00:00-05:00",
  "-1.5e3",
  "0",
  "status",
  "location.status",
  "%22",
  "%2B",
  "😀",
  "\ud800",
  "é",
  "\u00a0",
  "\u2028",
];
const SEEDS = [
  ...guideExamples.flatMap((e) => (e.raw === undefined ? [e.text] : [e.text, e.raw])),
  'rel{status="APPR" and b{c=1}} and {{f}}.x in [{{a}},"b"]',
  "assetmeter{{{fields}}},x--y,rel.openwo{*,rel.a{b}}",
  "status=APPR,,INPRG, null",
];


function randomText(random: () => number): string {
  const length = Math.floor(random() * 40);
  let text = "";
  for (let i = 0; i < length; i++) text += pick(random, PIECES);
  return text;
}

function mutate(random: () => number, text: string): string {
  let result = text;
  const steps = 1 + Math.floor(random() * 4);
  for (let step = 0; step < steps; step++) {
    const at = Math.floor(random() * (result.length + 1));
    switch (Math.floor(random() * 6)) {
      case 0: // insert a piece
        result = result.slice(0, at) + pick(random, PIECES) + result.slice(at);
        break;
      case 1: // delete a range
        result = result.slice(0, at) + result.slice(at + 1 + Math.floor(random() * 6));
        break;
      case 2: // duplicate a range
        result = result.slice(0, at) + result.slice(at, at + 8) + result.slice(at);
        break;
      case 3: // truncate
        result = result.slice(0, at);
        break;
      case 4: // splice another seed in
        result = result.slice(0, at) + pick(random, SEEDS) + result.slice(at);
        break;
      default: // replace one character
        result = result.slice(0, at) + pick(random, PIECES) + result.slice(at + 1);
    }
  }
  return result;
}

/** Every span in an AST (properties named `span` or ending in `Span`). */
function astSpans(value: unknown, out: { start: number; end: number }[] = []): { start: number; end: number }[] {
  if (value === null || typeof value !== "object") return out;
  if (Array.isArray(value)) {
    for (const item of value) astSpans(item, out);
    return out;
  }
  for (const [key, child] of Object.entries(value)) {
    if ((key === "span" || key.endsWith("Span")) && child && typeof child === "object") out.push(child as { start: number; end: number });
    else astSpans(child, out);
  }
  return out;
}

function assertWellFormed(result: EmbeddedParse | undefined, low: number, high: number, input: string): void {
  assert.ok(result, "routed keys always give a parse");
  assert.ok(result.ast && typeof result.ast === "object");
  assert.ok(Array.isArray(result.diagnostics));
  const where = JSON.stringify(input).slice(0, 300);
  for (const d of result.diagnostics as SyntaxDiagnostic[]) {
    assert.ok(d.code.startsWith(PREFIX[result.language]), `${d.code} for ${where}`);
    assert.ok(!d.code.endsWith(".internal-error") && !d.code.endsWith(".parse-error"), `${d.code}: ${d.message} for ${where}`);
    assert.ok(["error", "warning", "information", "hint"].includes(d.severity));
    assert.ok(d.message.length > 10);
    assert.ok(Number.isInteger(d.span.start) && Number.isInteger(d.span.end), `integer span for ${where}`);
    assert.ok(low <= d.span.start && d.span.start <= d.span.end && d.span.end <= high, `${d.code} span ${JSON.stringify(d.span)} inside ${low}..${high} for ${where}`);
  }
  for (const span of astSpans(result.ast)) {
    assert.ok(Number.isInteger(span.start) && Number.isInteger(span.end), `integer AST span for ${where}`);
    assert.ok(low <= span.start && span.start <= span.end && span.end <= high, `AST span ${JSON.stringify(span)} inside ${low}..${high} for ${where}`);
  }
}

test("20,000 random and mutated inputs: no parser throws, all return well-formed results", () => {
  const random = prng(0x5eed);
  const codesSeen = new Set<string>();
  const remember = (result: EmbeddedParse | undefined) => {
    for (const d of result?.diagnostics ?? []) codesSeen.add(d.code);
    return result;
  };
  for (let i = 0; i < 20_000; i++) {
    const text = i % 4 === 0 ? randomText(random) : mutate(random, pick(random, SEEDS));
    const key = KEYS[i % KEYS.length];
    const lean = i % 3 === 0;
    if (i % 5 === 0) {
      // Through the request parser's percent-decoding mapper, shifted into a document.
      const base = 1000;
      const source: EmbeddedSource = percentDecode(text, base);
      assertWellFormed(remember(parseQueryParam(key, source, { lean })), base, base + text.length, text);
    } else {
      assertWellFormed(remember(parseQueryParam(key, { text }, { lean })), 0, text.length, text);
    }
  }
  // The inputs reach most rules of every language, not just the easy paths.
  for (const prefix of Object.values(PREFIX)) {
    const count = [...codesSeen].filter((c) => c.startsWith(prefix)).length;
    assert.ok(count >= 8, `${prefix}: only ${count} distinct codes reached`);
  }
  assert.ok(codesSeen.size >= 60, `only ${codesSeen.size} distinct codes reached: ${[...codesSeen].sort().join(" ")}`);
});

test("the lexers never report an error: every character lexes to some token", () => {
  const random = prng(42);
  for (let i = 0; i < 2_000; i++) {
    const text = i % 2 === 0 ? randomText(random) : mutate(random, pick(random, SEEDS));
    assert.deepEqual(lexWhere(text).errors, [], JSON.stringify(text));
    assert.deepEqual(lexSelect(text).errors, [], JSON.stringify(text));
    assert.deepEqual(lexOrderBy(text).errors, [], JSON.stringify(text));
    assert.deepEqual(lexDomainFilter(text).errors, [], JSON.stringify(text));
  }
  // Every BMP code unit on its own, including lone surrogates.
  let all = "";
  for (let c = 0; c < 0x10000; c++) all += String.fromCharCode(c);
  for (const lex of [lexWhere, lexSelect, lexOrderBy, lexDomainFilter]) assert.deepEqual(lex(all).errors, []);
});

test("a 10 MB single-line value returns for every language, with a too-long warning", () => {
  const huge = 'status="APPR" and siteid in ["A","B"] and '.repeat(250_000);
  assert.ok(huge.length >= 10_000_000);
  for (const key of KEYS) {
    const result = parseQueryParam(key, { text: huge }, { lean: false });
    assert.ok(result);
    assert.deepEqual(
      result.diagnostics.map((d) => [d.code, d.severity]),
      [[`${PREFIX[result.language]}too-long`, "warning"]],
    );
  }
});

test("100,000 characters of nesting or garbage return, the nesting cut off with a too-deep error", () => {
  for (const [key, text] of [
    ["oslc.where", "a{".repeat(50_000)],
    ["oslc.select", "a{".repeat(50_000)],
    ["oslc.where", "(".repeat(99_000)],
    ["oslc.select", "{".repeat(99_000)],
    ["oslc.orderBy", "+".repeat(99_000)],
    ["domaininternalwhere", "a=" + ",".repeat(99_000)],
    ["oslc.where", '"'.repeat(99_000)],
  ] as const) {
    const result = parseQueryParam(key, { text }, { lean: false });
    assertWellFormed(result, 0, text.length, text.slice(0, 20));
    assert.ok(result && result.diagnostics.length > 0, key);
    // A flood of problems is capped: at most 100 shown plus one summary.
    assert.ok(result && result.diagnostics.length <= 101, `${key}: ${result?.diagnostics.length}`);
  }
  const deepWhere = parseQueryParam("oslc.where", { text: "a{".repeat(50_000) }, { lean: false });
  assert.ok(deepWhere?.diagnostics.some((d) => d.code === "where.too-deep"));
  const deepSelect = parseQueryParam("oslc.select", { text: "a{".repeat(50_000) }, { lean: false });
  assert.ok(deepSelect?.diagnostics.some((d) => d.code === "select.too-deep"));
});

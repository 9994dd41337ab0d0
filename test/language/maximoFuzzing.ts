/**
 * Random and mutated `.maximo` inputs, and the invariants every parse must keep. Shared by the
 * bounded fuzz test in the suite and the longer run in bench/fuzz.ts.
 */
import assert from "node:assert/strict";
import { MAXIMO_DIAGNOSTICS, parseDocument, toParseSummary, updateDocument, type MaximoDocument } from "../../server/src/language/maximo/api";
import { pick } from "./maximoTestkit";

const PIECES = [
  "###", "### name", "#", "//", "# @name a", "# @expect status 200", "# @timeout 3s", "@v = 1", "@", "GET ", "POST ", "FETCH ",
  "get ", "os/mxapiasset", "?", "&", "=", '"', "{{", "}}", "{{site}}", "{{$guid}}", "{{$randomInt 1}}", "{{ $datetime 'x' }}",
  "{", "}", "[", "]", ":", ": ", "Content-Type: application/json", "<", "< ./f", "<@", "> {%", "%}", "??", ">>", "<>",
  " HTTP/1.1", "HTTP/9", "%22", "%", "%C3%A9", "%ZZ", " ", "  ", "\t", "\n", "\r\n", "\r", "\n\n", "\u0000", "\u2028",
  "é", "𝄞", "\uD800", "\uFEFF", "x", "1", ",", "'", "\\",
  // httpyac's line rules: block comments, stored responses, URL lines, script openers, GraphQL, probes.
  "/*", "*/", "\n/*\n", "\n*/\n", "HTTP/1.1 200 OK\n", "  /path\n", "{{+after\n", "{{@js request\n", "fragment F on T {\n",
  "query q {\n", "mutation {\n", "gql a < ./f\n", "...defaultHeaders\n", "WS ", "curl ", "\\{\\{x\\}\\}", "a=b&c=d\n", "Content-Type: text/plain\n",
];

const ALPHABET = "#/@{}%\"&?=:<>[],' \t\r\n\\abcxyzGETPOS$0123456789é𝄞\u0000";

export function randomInput(random: () => number, seeds: readonly string[]): string {
  const kind = random();
  if (kind < 0.15) {
    let text = "";
    const length = Math.floor(random() * 300);
    for (let i = 0; i < length; i++) text += random() < 0.3 ? pick(random, PIECES) : ALPHABET[Math.floor(random() * ALPHABET.length)];
    return text;
  }
  if (kind < 0.3) {
    // Lines of two seeds interleaved.
    const a = pick(random, seeds).split(/\r\n|\r|\n/);
    const b = pick(random, seeds).split(/\r\n|\r|\n/);
    const lines: string[] = [];
    const count = Math.min(80, a.length + b.length);
    for (let i = 0; i < count; i++) lines.push(random() < 0.5 ? pick(random, a) : pick(random, b));
    return lines.join(pick(random, ["\n", "\r\n", "\r"]));
  }
  // A window of a seed, mutated a few times.
  const seed = pick(random, seeds);
  const start = Math.floor(random() * seed.length);
  let text = seed.slice(start, start + 200 + Math.floor(random() * 1500));
  const mutations = 1 + Math.floor(random() * 8);
  for (let m = 0; m < mutations; m++) text = mutate(random, text);
  return text;
}

function mutate(random: () => number, text: string): string {
  const at = Math.floor(random() * (text.length + 1));
  const op = random();
  if (op < 0.4) return text.slice(0, at) + pick(random, PIECES) + text.slice(at);
  if (op < 0.65) return text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + Math.floor(random() * 30)));
  if (op < 0.8) {
    const end = Math.min(text.length, at + Math.floor(random() * 60));
    return text.slice(0, end) + text.slice(at, end) + text.slice(end);
  }
  if (op < 0.9) return text.replace(/\r\n|\r|\n/g, () => pick(random, ["\n", "\r\n", "\r"]));
  return text.slice(0, at) + String.fromCharCode(Math.floor(random() * 0x10000)) + text.slice(at + 1);
}

/** Parses `text` and checks what must hold for any input. Returns the document. */
export function checkInvariants(text: string): MaximoDocument {
  const doc = parseDocument(text);
  const summary = toParseSummary(doc);
  const blocks = doc.blocks;
  assert.equal(blocks[0]!.offset, 0);
  for (let i = 1; i < blocks.length; i++) assert.equal(blocks[i]!.offset, blocks[i - 1]!.end, "blocks are contiguous");
  assert.equal(blocks[blocks.length - 1]!.end, text.length);
  assert.equal(doc.lineCount, text.split(/\r\n|\r|\n/).length);
  for (const d of doc.diagnostics()) {
    assert.ok(d.span.start >= 0 && d.span.start <= d.span.end && d.span.end <= text.length, `span of ${d.code}`);
    // Request-file codes come from the catalog; the rest from the embedded query languages.
    assert.ok(d.code in MAXIMO_DIAGNOSTICS || /^(where|select|orderby|domain)\./.test(d.code), d.code);
    assert.ok(d.message.length > 10);
    // One readable line: never chevrotain's own message (token names, over several lines).
    assert.doesNotMatch(d.message, /[\r\n]|Expecting|Token sequences|but found|unexpected character/i, `${d.code}: ${d.message}`);
  }
  for (const block of blocks) {
    const node = block.node();
    for (const e of node.expressions) assert.equal(text.slice(e.start, e.start + 2), "{{");
    const request = node.request;
    if (request?.method) assert.equal(text.slice(request.method.start, request.method.end), request.method.text);
    if (request) {
      for (const q of request.url.query) assert.equal(text.slice(q.key.start, q.key.end), q.key.text);
      for (const h of request.headers) assert.equal(text.slice(h.value.start, h.value.end), h.value.text);
    }
  }
  assert.equal(summary.requests.length, doc.requests.length);
  // Positions round-trip wherever a position can point (not between \r and \n).
  for (const offset of [0, text.length >> 1, text.length]) {
    if (text[offset - 1] === "\r" && text[offset] === "\n") continue;
    assert.equal(doc.offsetAt(doc.positionAt(offset)), offset);
  }
  return doc;
}

/** An incremental parse from `previous` observes the same as a fresh one. */
export function checkIncremental(previous: MaximoDocument, text: string, fresh: MaximoDocument): void {
  const updated = updateDocument(previous, text);
  assert.deepEqual(
    updated.blocks.map((b) => [b.offset, b.line, b.node()]),
    fresh.blocks.map((b) => [b.offset, b.line, b.node()]),
  );
  assert.deepEqual(updated.diagnostics(), fresh.diagnostics());
}

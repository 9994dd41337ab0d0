// A character that shows as nothing (pasted from a web page, chat or a word processor) is named
// by its code in every message that points at it; quoted, it would read as "` has no meaning`".
import { test } from "node:test";
import assert from "node:assert/strict";
import { invisibleCharacterIn, strayText } from "../../server/src/language/common/invisibleCharacters";
import { parseDomainFilter } from "../../server/src/language/domain/api";
import { parseOrderBy } from "../../server/src/language/orderby/api";
import { parseSelect } from "../../server/src/language/select/api";
import { parseWhere } from "../../server/src/language/where/api";

const ZERO_WIDTH_SPACE = "\u200b";

test("a stray invisible character in a where, select, sort or domain text is named, not quoted", () => {
  const found: Array<[string, { code: string; message: string }[]]> = [
    ["where", parseWhere({ text: `status="APPR" ${ZERO_WIDTH_SPACE}and siteid="X"` }).diagnostics],
    ["select", parseSelect({ text: `wonum,${ZERO_WIDTH_SPACE}status` }).diagnostics],
    ["orderby", parseOrderBy({ text: `+wonum,${ZERO_WIDTH_SPACE}-status` }).diagnostics],
    ["domain", parseDomainFilter({ text: `status${ZERO_WIDTH_SPACE}=APPR` }).diagnostics],
  ];
  for (const [language, diagnostics] of found) {
    const stray = diagnostics.find((d) => d.code === `${language}.unexpected-character`);
    assert.ok(stray, `${language}: ${JSON.stringify(diagnostics)}`);
    assert.match(stray.message, /^An invisible U\+200B \(zero-width space\) has no meaning/, language);
  }
});

test("strayText: visible text as it is; an invisible character by code and name", () => {
  assert.equal(strayText("é€"), "é€");
  assert.equal(strayText("\u00ad"), "An invisible U+00AD (soft hyphen)");
  assert.equal(strayText(`x${ZERO_WIDTH_SPACE}`), `x${ZERO_WIDTH_SPACE} (with an invisible U+200B (zero-width space))`);
  assert.deepEqual(invisibleCharacterIn(`ab\u2060c`), { index: 2, label: "U+2060 (word joiner)" });
  assert.equal(invisibleCharacterIn("abc ✓"), undefined);
});

test("a zero-width character inside a name is one error over the whole name, and the name reads as it looks", () => {
  const cases: Array<[string, string, { diagnostics: { code: string; message: string; span: { start: number; end: number } }[] }]> = [
    ["where", `sta${ZERO_WIDTH_SPACE}tus="APPR" and siteid="X"`, parseWhere({ text: `sta${ZERO_WIDTH_SPACE}tus="APPR" and siteid="X"` })],
    ["select", `wonum,sta${ZERO_WIDTH_SPACE}tus`, parseSelect({ text: `wonum,sta${ZERO_WIDTH_SPACE}tus` })],
    ["orderby", `+wonum,-sta${ZERO_WIDTH_SPACE}tus`, parseOrderBy({ text: `+wonum,-sta${ZERO_WIDTH_SPACE}tus` })],
    ["domain", `sta${ZERO_WIDTH_SPACE}tus=APPR`, parseDomainFilter({ text: `sta${ZERO_WIDTH_SPACE}tus=APPR` })],
  ];
  for (const [language, text, result] of cases) {
    assert.equal(result.diagnostics.length, 1, `${language}: ${JSON.stringify(result.diagnostics)}`);
    const [found] = result.diagnostics;
    assert.equal(found!.code, `${language}.unexpected-character`);
    assert.equal(found!.message, "status holds an invisible U+200B (zero-width space) after sta: delete it. Maximo reads it as part of the name, which then names nothing.");
    assert.equal(text.slice(found!.span.start, found!.span.end), `sta${ZERO_WIDTH_SPACE}tus`, language);
  }
  // A prefixed name keeps its prefix; a word joiner or BOM is named by its own code.
  const prefixed = parseSelect({ text: `spi:sta\u2060tus` });
  assert.match(prefixed.diagnostics[0]!.message, /^spi:status holds an invisible U\+2060 \(word joiner\) after spi:sta:/);
  // At the edge of a name it is no part of it: a stray of its own, as before.
  assert.match(parseSelect({ text: `status${ZERO_WIDTH_SPACE}` }).diagnostics[0]!.message, /^An invisible U\+200B/);
});

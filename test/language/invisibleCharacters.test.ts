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

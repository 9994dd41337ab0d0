// The JSON body check's fast path (server/src/language/maximo/jsonBody.ts): a body JSON.parse
// accepts is taken as valid without the strict jsonc-parser visit, which is right only if the
// visit rejects nothing JSON.parse accepts. Random edits of JSON bodies hold both to that.
import { test } from "node:test";
import assert from "node:assert/strict";
import { visit } from "jsonc-parser/lib/esm/main.js";
import { parsesAsJson } from "../../server/src/language/maximo/jsonBody";
import { prng, pick } from "./maximoTestkit";

/** What checkJsonBody's visit reports: whether the strict options find any error. */
function strictVisitFindsError(text: string): boolean {
  let found = false;
  try {
    visit(text, { onError: () => (found = true) }, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  } catch {
    return false;
  }
  return found;
}

const seeds = [
  '{\n  "siteid": "BEDFORD",\n  "wopriority": 1,\n  "flag": true,\n  "none": null\n}',
  '[{"a": [1, -2.5, 3e4, 0]}, {"b": {"c": "\\u00e9\\n\\t\\"q\\""}}]',
  '{"_data": [{"wonum": "1001"}], "_action": "Add"}',
  '{"description": "Pump 😀 naïve", "n": -0.0E+2}',
  "[]",
  '"text"',
  "42",
];
const pieces = ["{", "}", "[", "]", ",", ":", '"', "\\", " ", "\t", "\n", "\r", "\u00a0", "\u000b", "\u000c", "\ufeff", "\u2028", "\u0001", "//", "/*", "*/", "'", "x", "true", "nul", "1", "0", "-", ".", "e", "+", "\\u12", "\\u00e9", "\\q", "\u0000"];

test("JSON.parse accepts no body that the strict visit rejects (random edits of JSON bodies)", () => {
  const random = prng(42_424);
  let accepted = 0;
  let rejected = 0;
  for (let i = 0; i < 20_000; i++) {
    let text = pick(random, seeds);
    for (let edits = 1 + Math.floor(random() * 3); edits > 0; edits--) {
      const at = Math.floor(random() * (text.length + 1));
      const roll = random();
      if (roll < 0.45) text = text.slice(0, at) + pick(random, pieces) + text.slice(at);
      else if (roll < 0.9) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 3));
      else text = text.slice(0, at) + pick(random, pieces) + text.slice(at + 1);
    }
    if (parsesAsJson(text)) {
      accepted++;
      assert.equal(strictVisitFindsError(text), false, `JSON.parse accepts ${JSON.stringify(text)}, the strict visit reports an error`);
    } else {
      rejected++;
    }
  }
  // Both sides were exercised.
  assert.ok(accepted > 1000 && rejected > 1000, `${accepted} accepted, ${rejected} rejected`);
});

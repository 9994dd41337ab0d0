// language-configuration.json: comments, brackets, auto-closing, folding markers and the word
// pattern, checked the way VS Code uses them (JavaScript regexes over a line).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { repoRoot } from "./textmate";

interface Pair {
  open: string;
  close: string;
  notIn?: string[];
}

const config = JSON.parse(readFileSync(join(repoRoot(), "language-configuration.json"), "utf8")) as {
  comments: { lineComment: string; blockComment?: [string, string] };
  brackets: [string, string][];
  colorizedBracketPairs?: [string, string][];
  autoClosingPairs: Pair[];
  autoCloseBefore: string;
  surroundingPairs: [string, string][];
  folding: { markers: { start: string; end: string } };
  wordPattern: string;
};

/** The words VS Code finds in a line with the configured wordPattern. */
function words(line: string): string[] {
  return [...line.matchAll(new RegExp(config.wordPattern, "g"))].map((m) => m[0]);
}

/** The word at a character offset, as getWordAtPosition finds it. */
function wordAt(line: string, offset: number): string | undefined {
  for (const m of line.matchAll(new RegExp(config.wordPattern, "g"))) {
    if (m.index! <= offset && offset <= m.index! + m[0].length) return m[0];
  }
  return undefined;
}

describe("language configuration", () => {
  test("# is the line comment, as in .http files; no block comments", () => {
    assert.equal(config.comments.lineComment, "#");
    assert.equal(config.comments.blockComment, undefined);
  });

  test("brackets, auto-closing and surrounding pairs", () => {
    assert.deepEqual(config.brackets, [["{", "}"], ["[", "]"], ["(", ")"]]);
    assert.deepEqual(config.colorizedBracketPairs, config.brackets);
    const pairs = new Map(config.autoClosingPairs.map((p) => [p.open, p]));
    for (const [open, close] of [["{", "}"], ["[", "]"], ["(", ")"], ['"', '"'], ["'", "'"]]) {
      assert.equal(pairs.get(open!)?.close, close, `auto-closes ${open}`);
    }
    // Quotes do not auto-close inside strings and comments.
    assert.deepEqual(pairs.get('"')!.notIn, ["string", "comment"]);
    for (const p of config.autoClosingPairs) {
      for (const scope of p.notIn ?? []) assert.ok(["string", "comment"].includes(scope), `notIn ${scope}`);
    }
    // `{{` closes as `}}` through `{` twice; a `{{` pair on top would insert a third brace.
    assert.ok(!pairs.has("{{"));
    assert.ok(config.autoCloseBefore.includes("}"), "a { typed before } still auto-closes, so {{ gives {{}}");
    assert.deepEqual(config.surroundingPairs, [["{", "}"], ["[", "]"], ["(", ")"], ['"', '"'], ["'", "'"]]);
  });

  test("folding markers compile and match # region / # endregion", () => {
    const start = new RegExp(config.folding.markers.start);
    const end = new RegExp(config.folding.markers.end);
    for (const line of ["# region Work orders", "#region", "// region", "  # region x"]) assert.ok(start.test(line), line);
    for (const line of ["# endregion", "#endregion", "// endregion"]) assert.ok(end.test(line), line);
    for (const line of ["### region", "# regional office", "# @name region", "GET os/region"]) assert.ok(!start.test(line), line);
    assert.ok(!end.test("# region"));
  });

  test("the word pattern compiles, never matches empty text, and keeps dotted Maximo names whole", () => {
    const pattern = new RegExp(config.wordPattern, "g");
    assert.equal(pattern.test(""), false);
    assert.deepEqual(words("&oslc.where=location.status=\"OPERATING\""), ["oslc.where", "location.status", "OPERATING"]);
    assert.deepEqual(words("&po.poline.orderBy=-linecost,+wonum"), ["po.poline.orderBy", "linecost", "wonum"]);
    assert.deepEqual(words("x-method-override: PATCH"), ["x-method-override", "PATCH"]);
    assert.deepEqual(words("oslc.select=location--mylocation,rel.openwo{wonum}"), ["oslc.select", "location", "mylocation", "rel.openwo", "wonum"]);
    assert.deepEqual(words("linecost>100.0"), ["linecost", "100.0"]);
  });

  test("inside {{...}} the word is the variable, not the braces", () => {
    const line = 'siteid="{{site}}" X: {{$guid}} {{wo1.response.body.member[0].wonum}}';
    assert.equal(wordAt(line, line.indexOf("site}") + 2), "site");
    assert.equal(wordAt(line, line.indexOf("$guid") + 2), "$guid");
    assert.equal(wordAt(line, line.indexOf("wo1") + 1), "wo1.response.body.member");
    assert.equal(wordAt(line, line.indexOf("wonum}}") + 1), "wonum");
  });
});

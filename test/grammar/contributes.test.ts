// package.json's language, grammar and snippet contributions point at files that exist and agree
// with them (scope name, language id, embedded-language scopes the grammar really produces).
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { repoRoot } from "./textmate";

const root = repoRoot();
const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const { languages, grammars, snippets } = manifest.contributes as {
  languages: { id: string; extensions: string[]; configuration: string }[];
  grammars: { language: string; scopeName: string; path: string; embeddedLanguages?: Record<string, string> }[];
  snippets: { language: string; path: string }[];
};

function file(relative: string): string {
  assert.ok(relative.startsWith("./"), `${relative} is not relative to the extension root`);
  const path = join(root, relative);
  assert.ok(existsSync(path), `${relative} does not exist`);
  return readFileSync(path, "utf8");
}

describe("package.json contributions", () => {
  const language = languages.find((l) => l.id === "maximo");

  test("the maximo language claims .maximo and has a configuration file that parses", () => {
    assert.ok(language, "no maximo language");
    assert.deepEqual(language.extensions, [".maximo"]);
    assert.equal(language.configuration, "./language-configuration.json");
    assert.doesNotThrow(() => JSON.parse(file(language.configuration)));
  });

  test("the grammar file exists and declares the contributed scope name", () => {
    const grammar = grammars.find((g) => g.language === "maximo");
    assert.ok(grammar, "no grammar for maximo");
    assert.equal(grammar.path, "./syntaxes/maximo.tmLanguage.json");
    const raw = JSON.parse(file(grammar.path));
    assert.equal(grammar.scopeName, "source.maximo");
    assert.equal(raw.scopeName, grammar.scopeName);
  });

  test("every embedded-language scope is one the grammar produces", () => {
    const grammar = grammars.find((g) => g.language === "maximo")!;
    const text = file(grammar.path);
    const embedded = grammar.embeddedLanguages ?? {};
    assert.equal(embedded["meta.embedded.block.json"], "json");
    for (const scope of Object.keys(embedded)) assert.ok(text.includes(`"${scope}"`), `the grammar never produces ${scope}`);
  });

  test("the snippets are contributed for maximo from a file that parses", () => {
    const contribution = snippets.find((s) => s.language === "maximo");
    assert.ok(contribution, "no snippets for maximo");
    assert.equal(contribution.path, "./snippets/maximo.code-snippets");
    assert.doesNotThrow(() => JSON.parse(file(contribution.path)));
  });
});

// Loads syntaxes/maximo.tmLanguage.json into vscode-textmate (with the oniguruma WASM from
// node_modules) and tokenizes text the way VS Code does, line by line with the rule stack.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import * as oniguruma from "vscode-oniguruma";
import * as vsctm from "vscode-textmate";

/** The repository root: the runner sets MAXIMO_WORKBENCH_ROOT; out/test/grammar/ is three levels down. */
export function repoRoot(): string {
  return process.env.MAXIMO_WORKBENCH_ROOT ?? resolve(__dirname, "../../..");
}

export const GRAMMAR_PATH = join(repoRoot(), "syntaxes", "maximo.tmLanguage.json");

/**
 * A stand-in for VS Code's `source.json`: enough structure (objects, arrays, keys, strings,
 * numbers) to prove the body is handed to the JSON grammar, with its own `.json` scopes.
 */
export const STAND_IN_JSON: vsctm.IRawGrammar = vsctm.parseRawGrammar(
  JSON.stringify({
    scopeName: "source.json",
    patterns: [{ include: "#value" }],
    repository: {
      value: {
        patterns: [
          { include: "#object" },
          { include: "#array" },
          { include: "#string" },
          { match: "-?\\d+(?:\\.\\d+)?", name: "constant.numeric.json" },
          { match: "\\b(?:true|false|null)\\b", name: "constant.language.json" },
        ],
      },
      object: {
        begin: "\\{",
        beginCaptures: { 0: { name: "punctuation.definition.dictionary.begin.json" } },
        end: "\\}",
        endCaptures: { 0: { name: "punctuation.definition.dictionary.end.json" } },
        name: "meta.structure.dictionary.json",
        patterns: [
          { begin: '"', end: '"', name: "support.type.property-name.json" },
          {
            begin: ":",
            end: "(,)|(?=\\})",
            name: "meta.structure.dictionary.value.json",
            patterns: [{ include: "#value" }],
          },
        ],
      },
      array: {
        begin: "\\[",
        beginCaptures: { 0: { name: "punctuation.definition.array.begin.json" } },
        end: "\\]",
        name: "meta.structure.array.json",
        patterns: [{ include: "#value" }, { match: ",", name: "punctuation.separator.array.json" }],
      },
      string: { begin: '"', end: '"', name: "string.quoted.double.json" },
    },
  }),
  "stand-in-json.json",
);

let onigLib: Promise<vsctm.IOnigLib> | undefined;

function loadOniguruma(): Promise<vsctm.IOnigLib> {
  onigLib ??= (async () => {
    const wasm = readFileSync(join(repoRoot(), "node_modules", "vscode-oniguruma", "release", "onig.wasm"));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    return {
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    };
  })();
  return onigLib;
}

/** Compiles one Oniguruma pattern; throws with the pattern when it does not compile. */
export async function compileOniguruma(pattern: string): Promise<void> {
  const lib = await loadOniguruma();
  try {
    lib.createOnigScanner([pattern]);
  } catch (error) {
    throw new Error(`pattern does not compile: ${pattern}\n${String(error)}`);
  }
}

export interface GrammarOptions {
  /** Register the stand-in `source.json` (default true). */
  json?: boolean;
  /** Scope → language id, as VS Code builds it from a grammar contribution's `embeddedLanguages`. */
  embeddedLanguages?: Record<string, number>;
}

/** The language id the root grammar is loaded with when `embeddedLanguages` is given. */
export const ROOT_LANGUAGE_ID = 1;

/** The real grammar, plus the stand-in JSON grammar unless `json: false`. Other includes stay missing. */
export async function loadMaximoGrammar(options: GrammarOptions = {}): Promise<vsctm.IGrammar> {
  const registry = new vsctm.Registry({
    onigLib: loadOniguruma(),
    loadGrammar: async (scopeName) => {
      if (scopeName === "source.maximo") return vsctm.parseRawGrammar(readFileSync(GRAMMAR_PATH, "utf8"), GRAMMAR_PATH);
      if (scopeName === "source.json" && options.json !== false) return STAND_IN_JSON;
      return null;
    },
  });
  const grammar = options.embeddedLanguages
    ? await registry.loadGrammarWithEmbeddedLanguages("source.maximo", ROOT_LANGUAGE_ID, options.embeddedLanguages)
    : await registry.loadGrammar("source.maximo");
  if (!grammar) throw new Error("source.maximo did not load");
  return grammar;
}

export interface Token {
  text: string;
  start: number;
  /** Scopes from the root (`source.maximo`) to the innermost. */
  scopes: string[];
}

export interface TokenizedLine {
  index: number;
  text: string;
  tokens: Token[];
}

export function tokenize(grammar: vsctm.IGrammar, text: string): TokenizedLine[] {
  let state = vsctm.INITIAL;
  return text.split(/\r\n|\r|\n/).map((line, index) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    const tokens = result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), start: t.startIndex, scopes: t.scopes }));
    return { index, text: line, tokens };
  });
}

/** The language id of each token of each line (tokenizeLine2 metadata, bits 0-7), keyed by token start. */
export function languageIds(grammar: vsctm.IGrammar, text: string): Map<number, number>[] {
  let state = vsctm.INITIAL;
  return text.split(/\r\n|\r|\n/).map((line) => {
    const result = grammar.tokenizeLine2(line, state);
    state = result.ruleStack;
    const ids = new Map<number, number>();
    for (let i = 0; i < result.tokens.length; i += 2) ids.set(result.tokens[i]!, result.tokens[i + 1]! & 0xff);
    return ids;
  });
}

/** A readable dump of a line's tokens for assertion messages. */
export function describeLine(line: TokenizedLine): string {
  return [`line ${line.index}: ${line.text}`, ...line.tokens.map((t) => `  ${JSON.stringify(t.text)} ${t.scopes.slice(1).join(" ")}`)].join("\n");
}

/**
 * The lexers and parsers skip chevrotain's definition checks when the product builds them (they
 * cost start-up time in every `maximo check` and server start). Here every grammar and token
 * set is built with the checks on, so a definition mistake still fails.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { createToken, Lexer, type IMultiModeLexerDefinition, type TokenType } from "chevrotain";
import { lexerDefinition as blockTokens } from "../../server/src/language/maximo/tokens";
import { BlockParser } from "../../server/src/language/maximo/parser";
import { allTokens as whereTokens } from "../../server/src/language/where/tokens";
import { WhereParser } from "../../server/src/language/where/parser";
import { allTokens as selectTokens } from "../../server/src/language/select/tokens";
import { SelectParser } from "../../server/src/language/select/parser";
import { allTokens as orderByTokens } from "../../server/src/language/orderby/tokens";
import { OrderByParser } from "../../server/src/language/orderby/parser";
import { lexerDefinition as domainTokens } from "../../server/src/language/domain/tokens";
import { DomainFilterParser } from "../../server/src/language/domain/parser";

const lexers: [string, TokenType[] | IMultiModeLexerDefinition, boolean][] = [
  ["maximo", blockTokens as IMultiModeLexerDefinition, false],
  ["where", whereTokens, true],
  ["select", selectTokens, true],
  ["orderBy", orderByTokens, true],
  ["domain", domainTokens, true],
];

for (const [name, definition, ensureOptimizations] of lexers) {
  test(`${name}: the token definitions pass chevrotain's lexer checks`, () => {
    const lexer = new Lexer(definition, { positionTracking: "onlyOffset", ensureOptimizations, skipValidations: false });
    assert.deepEqual(lexer.lexerDefinitionErrors, []);
  });
}

test("every grammar passes chevrotain's parser checks", () => {
  for (const Parser of [BlockParser, WhereParser, SelectParser, OrderByParser, DomainFilterParser]) {
    assert.doesNotThrow(() => new Parser(true), Parser.name);
  }
});

test("the lexer checks are on here: a token that can match nothing is refused", () => {
  const empty = createToken({ name: "Empty", pattern: /a*/ });
  assert.throws(() => new Lexer([empty], { skipValidations: false }), /empty/i);
});

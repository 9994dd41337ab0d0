import { Lexer, type ILexingError, type IToken } from "chevrotain";
import { allTokens } from "./tokens";

let lexer: Lexer | undefined;

function selectLexer(): Lexer {
  // The token definitions are validated by the tests (test/language/grammarValidation.test.ts).
  lexer ??= new Lexer(allTokens, { positionTracking: "onlyOffset", ensureOptimizations: true, skipValidations: true });
  return lexer;
}

export function lexSelect(text: string): { tokens: IToken[]; errors: ILexingError[] } {
  const result = selectLexer().tokenize(text);
  return { tokens: result.tokens, errors: result.errors };
}

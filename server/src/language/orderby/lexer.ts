import { Lexer, type ILexingError, type IToken } from "chevrotain";
import { allTokens } from "./tokens";

let lexer: Lexer | undefined;

function orderByLexer(): Lexer {
  // The token definitions are validated by the tests (test/language/grammarValidation.test.ts).
  lexer ??= new Lexer(allTokens, { positionTracking: "onlyOffset", ensureOptimizations: true, skipValidations: true });
  return lexer;
}

export function lexOrderBy(text: string): { tokens: IToken[]; errors: ILexingError[] } {
  const result = orderByLexer().tokenize(text);
  return { tokens: result.tokens, errors: result.errors };
}

import { Lexer, type ILexingError, type IToken } from "chevrotain";
import { lexerDefinition } from "./tokens";

let lexer: Lexer | undefined;

function domainLexer(): Lexer {
  // The token definitions are validated by the tests (test/language/grammarValidation.test.ts).
  lexer ??= new Lexer(lexerDefinition, { positionTracking: "onlyOffset", ensureOptimizations: true, skipValidations: true });
  return lexer;
}

export function lexDomainFilter(text: string): { tokens: IToken[]; errors: ILexingError[] } {
  const result = domainLexer().tokenize(text);
  return { tokens: result.tokens, errors: result.errors };
}

import { Lexer, type ILexingError, type IToken } from "chevrotain";
import { lexerDefinition } from "./tokens";

let lexer: Lexer | undefined;

function domainLexer(): Lexer {
  lexer ??= new Lexer(lexerDefinition, { positionTracking: "onlyOffset", ensureOptimizations: true });
  return lexer;
}

export function lexDomainFilter(text: string): { tokens: IToken[]; errors: ILexingError[] } {
  const result = domainLexer().tokenize(text);
  return { tokens: result.tokens, errors: result.errors };
}

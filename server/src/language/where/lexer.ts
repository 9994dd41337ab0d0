import { Lexer, type ILexingError, type IToken } from "chevrotain";
import { allTokens } from "./tokens";

let lexer: Lexer | undefined;

/** The where lexer, built on first use. */
function whereLexer(): Lexer {
  // The token definitions are validated by the tests (test/language/grammarValidation.test.ts).
  lexer ??= new Lexer(allTokens, { positionTracking: "onlyOffset", ensureOptimizations: true, skipValidations: true });
  return lexer;
}

export interface WhereTokens {
  tokens: IToken[];
  /** `+` signs outside quotes, read as spaces and reported. */
  plusSigns: IToken[];
  /** Always empty (the catch-all token matches anything); kept so a regression shows. */
  errors: ILexingError[];
}

export function lexWhere(text: string): WhereTokens {
  const result = whereLexer().tokenize(text);
  return { tokens: result.tokens, plusSigns: result.groups.plus ?? [], errors: result.errors };
}

/**
 * The one lexer instance for `.maximo` request blocks, built on first use. Offsets only: line and
 * character come from the document's line table, so chevrotain's line tracking would be wasted work.
 */
import { Lexer, type IToken } from "chevrotain";
import { lexerDefinition } from "./tokens";

let blockLexer: Lexer | undefined;

function lexer(): Lexer {
  return (blockLexer ??= new Lexer(lexerDefinition, {
    positionTracking: "onlyOffset",
    // Every mode ends in a catch-all, so recovery never runs; kept on as a guard.
    recoveryEnabled: true,
    ensureOptimizations: false,
    // The definitions are validated by the tests (test/language/grammarValidation.test.ts).
    skipValidations: true,
  }));
}

export interface LexedBlock {
  tokens: IToken[];
  /** Unexpected characters (none expected: every mode has a catch-all). */
  errors: { offset: number; length: number; message: string }[];
}

export function lexBlock(text: string): LexedBlock {
  const result = lexer().tokenize(text);
  return { tokens: result.tokens, errors: result.errors };
}

export function tokenEnd(token: IToken): number {
  return token.startOffset + token.image.length;
}

/** End of a line token without its line break. */
export function lineEnd(token: IToken): number {
  const image = token.image;
  let end = image.length;
  if (end > 0 && image.charCodeAt(end - 1) === 10) end--;
  if (end > 0 && image.charCodeAt(end - 1) === 13) end--;
  return token.startOffset + end;
}

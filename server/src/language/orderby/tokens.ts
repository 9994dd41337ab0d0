/**
 * Token types of `oslc.orderBy` (also `<obj>.<rel>.orderBy` and `gbsortby`). Every character
 * lexes to some token; typographic dashes lex as signs so the builder can name them.
 */
import { createToken, Lexer, type TokenType } from "chevrotain";
import { ANY_CHARACTER, NAME, TEMPLATE_VARIABLE, WHITESPACE } from "../common/queryTokens";

export const NameStart = createToken({ name: "NameStart", pattern: Lexer.NA });
export const Sign = createToken({ name: "Sign", pattern: Lexer.NA });
export const Stray = createToken({ name: "Stray", pattern: Lexer.NA });

export const WhiteSpace = createToken({ name: "WhiteSpace", pattern: WHITESPACE, group: Lexer.SKIPPED, line_breaks: true });
export const TemplateVariable = createToken({
  name: "TemplateVariable",
  pattern: TEMPLATE_VARIABLE,
  categories: [NameStart],
  line_breaks: true,
});
export const Identifier = createToken({ name: "Identifier", pattern: NAME, categories: [NameStart] });
export const Plus = createToken({ name: "Plus", pattern: /\+/, categories: [Sign] });
export const Minus = createToken({ name: "Minus", pattern: /-/, categories: [Sign] });
/** `–`, `—`, `−`: what a minus becomes in typeset documents. */
export const TypographicMinus = createToken({ name: "TypographicMinus", pattern: /[–—−]/, categories: [Sign] });
export const Comma = createToken({ name: "Comma", pattern: /,/ });
export const Dot = createToken({ name: "Dot", pattern: /\./, categories: [Stray] });
export const LBrace = createToken({ name: "LBrace", pattern: /\{/, categories: [Stray] });
export const RBrace = createToken({ name: "RBrace", pattern: /}/, categories: [Stray] });
export const Unknown = createToken({ name: "Unknown", pattern: ANY_CHARACTER, categories: [Stray], line_breaks: true });

export const allTokens: TokenType[] = [
  WhiteSpace,
  TemplateVariable,
  Identifier,
  Plus,
  Minus,
  TypographicMinus,
  Comma,
  Dot,
  LBrace,
  RBrace,
  Unknown,
  NameStart,
  Sign,
  Stray,
];

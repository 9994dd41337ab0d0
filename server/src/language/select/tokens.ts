/**
 * Token types of `oslc.select` (and `gbcols`). Besides the real syntax, the lexer knows what
 * the guides' typesetting leaves in examples (`—` for `--`, `…` and `..` placeholders) so the
 * builder can name them. Every character lexes to some token.
 */
import { createToken, Lexer, type TokenType } from "chevrotain";
import { ANY_CHARACTER, NAME, TEMPLATE_VARIABLE, WHITESPACE } from "../common/queryTokens";

/** Can start an item's name or follow a dot: a name or a `{{var}}`. */
export const NameStart = createToken({ name: "NameStart", pattern: Lexer.NA });
/** Introduces an alias: `--`, or the dashes users type instead of it. */
export const AliasMark = createToken({ name: "AliasMark", pattern: Lexer.NA });
/** Cannot start an item: reported where it stands. */
export const Stray = createToken({ name: "Stray", pattern: Lexer.NA });

export const WhiteSpace = createToken({ name: "WhiteSpace", pattern: WHITESPACE, group: Lexer.SKIPPED, line_breaks: true });
export const TemplateVariable = createToken({
  name: "TemplateVariable",
  pattern: TEMPLATE_VARIABLE,
  categories: [NameStart],
  line_breaks: true,
});
export const Identifier = createToken({ name: "Identifier", pattern: NAME, categories: [NameStart] });
/** `...`, `..` or `…`: placeholders in the guides (`assetmeter{…}`, `assetnum,..,`). */
export const Ellipsis = createToken({ name: "Ellipsis", pattern: /\.\.\.?|…/, categories: [Stray] });
export const Dot = createToken({ name: "Dot", pattern: /\./, categories: [Stray] });
export const AliasOperator = createToken({ name: "AliasOperator", pattern: /--/, categories: [AliasMark, Stray] });
/** `—` or `–`: what `--` becomes in typeset documents (the guide's `location—mylocation`). */
export const TypographicDash = createToken({ name: "TypographicDash", pattern: /[—–]/, categories: [AliasMark, Stray] });
export const SingleHyphen = createToken({ name: "SingleHyphen", pattern: /-/, categories: [AliasMark, Stray] });
export const Comma = createToken({ name: "Comma", pattern: /,/ });
export const Star = createToken({ name: "Star", pattern: /\*/ });
export const LBrace = createToken({ name: "LBrace", pattern: /\{/ });
export const RBrace = createToken({ name: "RBrace", pattern: /}/ });
export const Unknown = createToken({ name: "Unknown", pattern: ANY_CHARACTER, categories: [Stray], line_breaks: true });

/** In lexing order. */
export const allTokens: TokenType[] = [
  WhiteSpace,
  TemplateVariable,
  Identifier,
  Ellipsis,
  Dot,
  AliasOperator,
  TypographicDash,
  SingleHyphen,
  Comma,
  Star,
  LBrace,
  RBrace,
  Unknown,
  NameStart,
  AliasMark,
  Stray,
];

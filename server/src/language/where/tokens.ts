/**
 * Token types of `oslc.where` (also `<obj>.<rel>.where` and `gbfilters`).
 *
 * The lexer is deliberately generous: it also recognises what users paste from the guides
 * and from SQL (typographic quotes, `⇐`, `<>`, `like`, `or`, parentheses, single quotes,
 * `null`) so the parser can place them and the AST builder can say what to write instead.
 * Every character lexes to some token, so lexing never fails.
 */
import { createToken, Lexer, type TokenType } from "chevrotain";
import { ANY_CHARACTER, NAME, TEMPLATE_VARIABLE, WHITESPACE } from "../common/queryTokens";

// Categories: what the parser asks for. A token may belong to several.
/** Can start a term: a name or a `{{var}}`. */
export const NameStart = createToken({ name: "NameStart", pattern: Lexer.NA });
/** A comparison operator, valid or not (`=`, `⇐`, `<>` ...). */
export const Comparator = createToken({ name: "Comparator", pattern: Lexer.NA });
/** Can stand where a value is expected (valid or not). */
export const ValueToken = createToken({ name: "ValueToken", pattern: Lexer.NA });
/** Cannot start a term or a joiner: reported where it stands. */
export const Stray = createToken({ name: "Stray", pattern: Lexer.NA });

export const WhiteSpace = createToken({ name: "WhiteSpace", pattern: WHITESPACE, group: Lexer.SKIPPED, line_breaks: true });
/** `+` outside quotes: a space in a form-encoded URL. Kept aside and reported, read as a space. */
export const PlusSpace = createToken({ name: "PlusSpace", pattern: /\+/, group: "plus" });

export const TemplateVariable = createToken({
  name: "TemplateVariable",
  pattern: TEMPLATE_VARIABLE,
  categories: [NameStart, ValueToken],
  line_breaks: true,
});

/**
 * A string in any double quote, straight or typographic; runs to the matching family's next
 * quote or the end. The builder checks which quotes opened and closed it.
 */
export const DoubleQuoted = createToken({
  name: "DoubleQuoted",
  pattern: /["“”„″][^"“”„″]*["“”„″]?/,
  categories: [ValueToken, Stray],
  line_breaks: true,
});
/** A single-quoted (SQL) string; `''` is an escaped quote. Valid only in gbfilters. */
export const SingleQuoted = createToken({
  name: "SingleQuoted",
  pattern: /'(?:[^']|'')*'?|[‘’][^'‘’]*['‘’]?/,
  categories: [ValueToken, Stray],
  line_breaks: true,
});

/**
 * An OSLC resource value, a URI reference in angle brackets
 * (`spi:asset=<http://host/maximo/oslc/os/oslcasset/_QkVERk9SRC8xMTQ1MA-->`), as the OSLC query
 * syntax the JSON API builds on defines it for namespaced requests. Only an absolute URI (or one
 * starting with a `{{host}}` variable), with no spaces or quotes, so `wopriority<5` stays an operator.
 */
export const UriRef = createToken({
  name: "UriRef",
  pattern: /<(?:[A-Za-z][A-Za-z0-9+.-]*:\/\/|\{\{[^{}\s]*\}\})[^<>\s"]*>/,
  categories: [ValueToken, Stray],
});

/** A date written without quotes (`2026-01-01T00:00:00-05:00`); before Number. */
export const BareDate = createToken({
  name: "BareDate",
  pattern: /\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?/,
  categories: [ValueToken, Stray],
});
export const NumberLiteral = createToken({
  name: "NumberLiteral",
  pattern: /-?\d+(?:\.\d*)?(?:[eE][+-]?\d+)?/,
  categories: [ValueToken, Stray],
});

export const Identifier = createToken({ name: "Identifier", pattern: NAME, categories: [NameStart, ValueToken] });

function keyword(name: string, pattern: RegExp, categories: TokenType[] = []): TokenType {
  return createToken({ name, pattern, longer_alt: Identifier, categories });
}

// Keywords match in any case: no evidence says the server minds, and flagging case would be noise.
export const And = keyword("And", /and/i);
export const Or = keyword("Or", /or/i);
export const In = keyword("In", /in/i);
export const Like = keyword("Like", /like/i);
export const Not = keyword("Not", /not/i);
export const Is = keyword("Is", /is/i);
export const Null = keyword("Null", /null/i, [ValueToken, Stray]);
export const True = keyword("True", /true/i, [ValueToken, Stray]);
export const False = keyword("False", /false/i, [ValueToken, Stray]);

function operator(name: string, pattern: RegExp): TokenType {
  return createToken({ name, pattern, categories: [Comparator] });
}

// Longer operators first.
export const NotEquals = operator("NotEquals", /!=/);
export const LessEquals = operator("LessEquals", /<=/);
export const GreaterEquals = operator("GreaterEquals", />=/);
/** SQL or programming-language spellings: `==`, `<>`, `=<`, `=>`. */
// `=<` before a URI reference is `=` and a resource value (`spi:asset=<http://...>`).
export const ForeignOperator = operator("ForeignOperator", /==|<>|=<(?![A-Za-z][A-Za-z0-9+.-]*:\/\/|\{\{)|=>/);
/** Typographic operators pasted from documents: `⇐`, `≤`, `≥`, `≠`. */
export const TypographicOperator = operator("TypographicOperator", /[⇐≤≥≠]/);
export const Equals = operator("Equals", /=/);
export const Less = operator("Less", /</);
export const Greater = operator("Greater", />/);

export const LBracket = createToken({ name: "LBracket", pattern: /\[/, categories: [Stray] });
export const RBracket = createToken({ name: "RBracket", pattern: /]/, categories: [Stray] });
export const LParen = createToken({ name: "LParen", pattern: /\(/, categories: [Stray] });
export const RParen = createToken({ name: "RParen", pattern: /\)/, categories: [Stray] });
export const LBrace = createToken({ name: "LBrace", pattern: /\{/ });
export const RBrace = createToken({ name: "RBrace", pattern: /}/ });
export const Comma = createToken({ name: "Comma", pattern: /,/, categories: [Stray] });
/** `...` or `…`: a placeholder in the guides (`oslc.where=…`), never a query. */
export const Ellipsis = createToken({ name: "Ellipsis", pattern: /\.\.\.?|…/, categories: [Stray] });
export const Dot = createToken({ name: "Dot", pattern: /\./, categories: [Stray] });
export const Star = createToken({ name: "Star", pattern: /\*/, categories: [ValueToken, Stray] });
export const Unknown = createToken({ name: "Unknown", pattern: ANY_CHARACTER, categories: [Stray], line_breaks: true });

/** In lexing order. */
export const allTokens: TokenType[] = [
  WhiteSpace,
  PlusSpace,
  TemplateVariable,
  UriRef,
  DoubleQuoted,
  SingleQuoted,
  BareDate,
  NumberLiteral,
  And,
  Or,
  In,
  Like,
  Not,
  Is,
  Null,
  True,
  False,
  Identifier,
  NotEquals,
  LessEquals,
  GreaterEquals,
  ForeignOperator,
  TypographicOperator,
  Equals,
  Less,
  Greater,
  LBracket,
  RBracket,
  LParen,
  RParen,
  LBrace,
  RBrace,
  Comma,
  Ellipsis,
  Dot,
  Star,
  Unknown,
  NameStart,
  Comparator,
  ValueToken,
  Stray,
];

/**
 * Token types of `domaininternalwhere` (reference 5.2): `<attr>=v1,v2` or `<attr>!=v1,v2`.
 * Two lexer modes: before the operator names and operators, after it raw comma-separated
 * values (internal values are bare text, so they cannot be lexed as names). Every character
 * lexes to some token in both modes.
 */
import { createToken, Lexer, type IMultiModeLexerDefinition, type TokenType } from "chevrotain";
import { ANY_CHARACTER, NAME, TEMPLATE_VARIABLE, WHITESPACE } from "../common/queryTokens";

export const Mode = { attribute: "attribute", values: "values" } as const;

export const NameStart = createToken({ name: "NameStart", pattern: Lexer.NA });
/** Any comparison operator; all switch the lexer to the value list. */
export const DomainOperator = createToken({ name: "DomainOperator", pattern: Lexer.NA });
export const Stray = createToken({ name: "Stray", pattern: Lexer.NA });

export const WhiteSpace = createToken({ name: "WhiteSpace", pattern: WHITESPACE, group: Lexer.SKIPPED, line_breaks: true });
export const TemplateVariable = createToken({
  name: "TemplateVariable",
  pattern: TEMPLATE_VARIABLE,
  categories: [NameStart],
  line_breaks: true,
});
export const Identifier = createToken({ name: "Identifier", pattern: NAME, categories: [NameStart] });
export const Dot = createToken({ name: "Dot", pattern: /\./ });
export const NotEquals = createToken({ name: "NotEquals", pattern: /!=/, categories: [DomainOperator], push_mode: Mode.values });
/** Operators the filter does not have: reported, and the values still read. */
export const OtherOperator = createToken({
  name: "OtherOperator",
  pattern: /==|<>|<=|>=|[<>⇐≤≥≠]/,
  categories: [DomainOperator],
  push_mode: Mode.values,
});
export const Equals = createToken({ name: "Equals", pattern: /=/, categories: [DomainOperator], push_mode: Mode.values });
export const NameComma = createToken({ name: "NameComma", pattern: /,/, categories: [Stray] });
export const Unknown = createToken({ name: "Unknown", pattern: ANY_CHARACTER, categories: [Stray], line_breaks: true });

export const ValueComma = createToken({ name: "ValueComma", pattern: /,/ });
/**
 * One value as written, spaces included (the builder trims and reports them). Spelled as
 * ranges around the comma: chevrotain cannot optimise a pattern that starts with `[^,]`.
 */
export const ValueText = createToken({ name: "ValueText", pattern: /[\u0000-\u002b\u002d-\uffff]+/, line_breaks: true });

export const lexerDefinition: IMultiModeLexerDefinition = {
  modes: {
    [Mode.attribute]: [WhiteSpace, TemplateVariable, Identifier, Dot, NotEquals, OtherOperator, Equals, NameComma, Unknown],
    [Mode.values]: [ValueComma, ValueText],
  },
  defaultMode: Mode.attribute,
};

export const allTokens: TokenType[] = [
  WhiteSpace,
  TemplateVariable,
  Identifier,
  Dot,
  NotEquals,
  OtherOperator,
  Equals,
  NameComma,
  Unknown,
  ValueComma,
  ValueText,
  NameStart,
  DomainOperator,
  Stray,
];

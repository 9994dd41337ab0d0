/**
 * Stable diagnostic codes of the where language, one per rule. Severity follows the server:
 * error where a real server rejects the text, warning where it silently misreads it.
 * To add a rule: add its code here with a one-line meaning, report it from the builder with a
 * message that says what is wrong and what to write instead, and add a test.
 */
export const WhereCode = {
  /** error: `or` joins terms; the server answers BMXAA8744E. */
  orUnsupported: "where.or-unsupported",
  /** error: `like`; a quoted value with `%` is the LIKE. */
  likeUnsupported: "where.like-unsupported",
  /** error: an SQL subselect, `in (select ...)`: reported once, nothing inside it. */
  subselectUnsupported: "where.subselect-unsupported",
  /** error: `(` or `)`; the server has no grouping ("Encountered '('"). */
  parenthesesUnsupported: "where.parentheses-unsupported",
  /** error: `not` (alone or in `not in`). */
  notUnsupported: "where.not-unsupported",
  /** error: unquoted `null` (or `is [not] null`); null tests are `="*"` / `!="*"`. */
  nullUnsupported: "where.null-unsupported",
  /** error: a string in typographic quotes (“ ” ‘ ’), as pasted from documents. */
  typographicQuotes: "where.typographic-quotes",
  /** error: a string opened with one kind of quote and closed with another. */
  mismatchedQuotes: "where.mismatched-quotes",
  /** error: a single-quoted string outside gbfilters. */
  singleQuotes: "where.single-quotes",
  /** error: a string with no closing quote. */
  unterminatedString: "where.unterminated-string",
  /** error: `⇐`, `≤`, `≥`, `≠` pasted from documents. */
  typographicOperator: "where.typographic-operator",
  /** error: an operator the server does not know (`==`, `<>`, `=<`, `=>`, `is`). */
  unknownOperator: "where.unknown-operator",
  /** error: a name with no operator (`status "APPR"`, `status`). */
  missingOperator: "where.missing-operator",
  /** error: an operator with no value (`status=`). */
  missingValue: "where.missing-value",
  /** error: an operator with no name before it (`="APPR"`). */
  missingName: "where.missing-name",
  /** error: two terms with no `and` between them. */
  missingAnd: "where.missing-and",
  /** error: `and` at the start or end of the clause. */
  danglingAnd: "where.dangling-and",
  /** error: two joiners in a row (`and and`). */
  repeatedAnd: "where.repeated-and",
  /** error: terms separated by a comma instead of `and`. */
  commaBetweenTerms: "where.comma-between-terms",
  /** error: an unquoted word or `*` as a value. */
  unquotedValue: "where.unquoted-value",
  /** error: an unquoted date as a value. */
  unquotedDate: "where.unquoted-date",
  /** error: a dot path that ends with a dot (`location.`). */
  incompletePath: "where.incomplete-path",
  /** error: whitespace inside a dot path (`location. status`). */
  spaceInPath: "where.space-in-path",
  /** error: a `spi:`/`oslc:` prefixed name while `lean=1` (lean names are bare). */
  prefixWithLean: "where.prefixed-name-with-lean",
  /** error: `in` with no `[...]` list. */
  missingInList: "where.missing-in-list",
  /** error: `in []`. */
  emptyInList: "where.empty-in-list",
  /** error: an `in` list written with parentheses. */
  inListParentheses: "where.in-list-parentheses",
  /** error: an `in` list with no closing `]`. */
  unclosedInList: "where.unclosed-in-list",
  /** error: an empty item in an `in` list (`[1,,2]`, `[1,]`). */
  emptyInListItem: "where.empty-in-list-item",
  /** error: two `in` list items with no comma between them. */
  inListMissingComma: "where.in-list-missing-comma",
  /** warning: a space next to a comma in an `in` list, which some servers reject (BMXAA8744E). */
  spaceInList: "where.space-in-list",
  /** error: a scoped term `rel{...}` with no closing `}`. */
  unclosedBrace: "where.unclosed-brace",
  /** error: a `}` with no `{`. */
  unmatchedBrace: "where.unmatched-brace",
  /** error: a scoped term with nothing inside (`rel{}`). */
  emptyScope: "where.empty-scope",
  /** error: `+` outside quotes (a space in form-encoded URLs, a literal `+` here). */
  plusForSpace: "where.plus-for-space",
  /** error: `...` or `…`, a placeholder in the guides. */
  placeholder: "where.placeholder",
  /** error: a value, bracket or dot that belongs to no term. */
  unexpectedToken: "where.unexpected-token",
  /** error: a character that has no meaning in oslc.where. */
  unexpectedCharacter: "where.unexpected-character",
  /** warning: the value is empty; the parameter filters nothing. */
  empty: "where.empty",
} as const;

export type WhereCodeValue = (typeof WhereCode)[keyof typeof WhereCode];

/**
 * Stable diagnostic codes of the select language (`oslc.select`, `gbcols`), one per rule.
 * Error where a real server rejects the text, warning where it silently misreads it.
 */
export const SelectCode = {
  /** warning: the value is empty; the server returns links only. */
  empty: "select.empty",
  /** error: an empty item (`a,,b`, a leading or trailing comma, `{,x}`). */
  emptyItem: "select.empty-item",
  /** error: `x{}`; all attributes are `x{*}`. */
  emptyBraces: "select.empty-braces",
  /** error: a `{` with no closing `}`. */
  unclosedBrace: "select.unclosed-brace",
  /** error: a `}` with no `{`. */
  unmatchedBrace: "select.unmatched-brace",
  /** error: two items with no comma between them (also a line-wrapped name). */
  missingComma: "select.missing-comma",
  /** error: a dot path that ends with a dot (`location.`). */
  incompletePath: "select.incomplete-path",
  /** error: whitespace inside a dot path (`location. status`). */
  spaceInPath: "select.space-in-path",
  /** error: `_db...` that is not `_dbsum _dbavg _dbmax _dbmin _dbcount _dbexists`. */
  unknownAggregate: "select.unknown-aggregate",
  /** error: an aggregate with the wrong number of tokens (`openwo._dbavg`). */
  aggregateShape: "select.aggregate-shape",
  /** error: a formula that is not `exp.<name>`. */
  formulaShape: "select.formula-shape",
  /** error: `{...}` after something that is neither a child object nor `rel.<relationship>`. */
  misplacedBraces: "select.misplaced-braces",
  /** warning: `rel.<relationship>` with no `{...}`. */
  relationNeedsBraces: "select.rel-needs-braces",
  /** error: `*` inside a dot path (`location.*`). */
  starInPath: "select.star-in-path",
  /** error: an alias on a relation, child object or `*` (`--` renames attributes only). */
  aliasOnRelation: "select.alias-on-relation",
  /** error: `—`, `–` or `-` where the alias operator `--` is meant. */
  aliasOperator: "select.alias-operator",
  /** error: `--` with no alias name after it. */
  aliasMissingName: "select.alias-missing-name",
  /** error: `...`, `..` or `…`, a placeholder in the guides. */
  placeholder: "select.placeholder",
  /** error: a `spi:`/`oslc:` prefixed name while `lean=1`. */
  prefixWithLean: "select.prefixed-name-with-lean",
  /** error: gbcols given a notation only oslc.select knows (braces, aliases, `*`, `_db...`). */
  gbcolsUnsupported: "select.gbcols-unsupported",
  /** error: gbcols `max.*` (only `count.*` counts rows). */
  gbcolsStar: "select.gbcols-star",
  /** warning: gbcols with aggregations but no attribute to group on. */
  gbcolsNoGroup: "select.gbcols-no-group",
  /** error: a dot or dash that belongs to no item. */
  unexpectedToken: "select.unexpected-token",
  /** error: a character with no meaning in a select list. */
  unexpectedCharacter: "select.unexpected-character",
} as const;

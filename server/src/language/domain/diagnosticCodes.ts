/**
 * Stable diagnostic codes of `domaininternalwhere`, one per rule. Error where a real server
 * rejects the text, warning where it silently misreads it.
 */
export const DomainCode = {
  /** warning: the value is empty; it filters nothing. */
  empty: "domain.empty",
  /** error: no attribute before the operator (`=APPR`). */
  missingAttribute: "domain.missing-attribute",
  /** error: no `=`/`!=` (`status APPR`). */
  missingOperator: "domain.missing-operator",
  /** error: an operator other than `=` (in) and `!=` (not in). */
  unsupportedOperator: "domain.unsupported-operator",
  /** error: nothing after the operator. */
  missingValues: "domain.missing-values",
  /** error: an empty value (`APPR,,INPRG`, a trailing comma). */
  emptyValue: "domain.empty-value",
  /** error: `null` in the value list, which the reference forbids. */
  nullValue: "domain.null-value",
  /** warning: a quoted value; the quotes become part of it and it matches nothing. */
  quotedValue: "domain.quoted-value",
  /** warning: spaces around a value, which become part of it. */
  spaceInList: "domain.space-in-list",
  /** error: a second condition in the value list (`APPR and priority=1`). */
  singleAttribute: "domain.single-attribute",
  /** error: `...` or `…`, a placeholder in the guides. */
  placeholder: "domain.placeholder",
  /** error: a `spi:`/`oslc:` prefixed name while `lean=1`. */
  prefixWithLean: "domain.prefixed-name-with-lean",
  /** error: something other than one attribute before the operator. */
  unexpectedToken: "domain.unexpected-token",
  /** error: a character with no meaning before the operator. */
  unexpectedCharacter: "domain.unexpected-character",
} as const;

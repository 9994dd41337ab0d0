/**
 * Stable diagnostic codes of the orderBy language (`oslc.orderBy`, `<obj>.<rel>.orderBy`,
 * `gbsortby`), one per rule. Error where a real server rejects the text.
 */
export const OrderByCode = {
  /** warning: the value is empty; nothing is sorted. */
  empty: "orderby.empty",
  /** error: an attribute with no `+`/`-` (BMXAA8744E "Was expecting SORT_ORDER_SIGN"); in `gbsortby` a warning (the reference only writes it signed). */
  missingSign: "orderby.missing-sign",
  /** error: more than one sign on an attribute (`+-a`). */
  extraSign: "orderby.extra-sign",
  /** error: a typographic dash (`–`, `—`, `−`) used as the minus sign. */
  typographicSign: "orderby.typographic-sign",
  /** error: a sign with no attribute after it. */
  missingName: "orderby.missing-name",
  /** error: an empty item (`+a,,-b`, a leading or trailing comma). */
  emptyItem: "orderby.empty-item",
  /** error: two sort terms with no comma between them. */
  missingComma: "orderby.missing-comma",
  /** error: SQL `asc`/`desc` after the attribute instead of a sign. */
  sqlDirection: "orderby.sql-direction",
  /** warning: a related attribute (dot path); the guide says only attributes of the main object sort, recent servers accept it. */
  relatedAttribute: "orderby.related-attribute",
  /** error: whitespace inside a dot path. */
  spaceInPath: "orderby.space-in-path",
  /** error: a dot path ending with a dot. */
  incompletePath: "orderby.incomplete-path",
  /** error: `rel{+a}` scoped sort terms, which the server does not support. */
  scopedUnsupported: "orderby.scoped-unsupported",
  /** error: a `spi:`/`oslc:` prefixed name while `lean=1`. */
  prefixWithLean: "orderby.prefixed-name-with-lean",
  /** error: a dot that belongs to no name. */
  unexpectedToken: "orderby.unexpected-token",
  /** error: a character with no meaning in a sort list. */
  unexpectedCharacter: "orderby.unexpected-character",
} as const;

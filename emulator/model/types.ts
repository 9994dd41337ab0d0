/**
 * The emulator's metadata model: business objects (MBOs) with their attributes and
 * relationships, and object structures built from them. Names are lower case throughout, as
 * the lean JSON API shows them; the upper-case forms (table names, `spi:` output) are derived.
 */

/** Maximo data types (MAXATTRIBUTE.MAXTYPE) the emulator's objects use. */
export type MaxType =
  | "ALN" | "UPPER" | "LOWER" | "LONGALN" | "CLOB" | "GL"
  | "INTEGER" | "SMALLINT" | "BIGINT" | "DECIMAL" | "FLOAT" | "AMOUNT" | "DURATION"
  | "YORN" | "DATE" | "DATETIME" | "TIME";

export interface AttributeDef {
  /** Lower case, as the lean JSON shows it (`wonum`). */
  name: string;
  maxType: MaxType;
  /** Column length; for numbers the precision. */
  length: number;
  scale?: number;
  /** Required on save (MAXATTRIBUTE.REQUIRED). */
  required: boolean;
  persistent: boolean;
  /** The attribute's title as the UI shows it. */
  title: string;
  /** MAXATTRIBUTE.REMARKS. */
  remarks: string;
  /** A synonym domain (`WOSTATUS`) or ALN domain id; adds `<name>_description` output for synonyms. */
  domainId?: string;
  /** Not updatable once saved (keys, generated ids). */
  readonlyAfterInsert?: boolean;
}

/** A Maximo relationship from one object to another, joined on attribute pairs. */
export interface RelationshipDef {
  /** Lower case relationship name (`location`, `openwo`, `wplabor`). */
  name: string;
  /** Target object name, lower case (`locations`). */
  target: string;
  /** Pairs [parent attribute, target attribute] that must be equal. */
  join: Array<[string, string]>;
  /** Extra condition on target rows (e.g. `openwo`: not closed). */
  filter?: (target: Row) => boolean;
  /** The SQL-like where clause Maximo shows for it, for the schema `remarks`. */
  whereText: string;
}

export interface MboDef {
  /** Lower case (`workorder`). */
  name: string;
  description: string;
  /** Primary key attributes in key order: they make the rest id (`_` + base64 of `a/b`). */
  keys: string[];
  /** The unique id attribute (`workorderid`), numbered by the store. */
  uniqueId: string;
  attributes: AttributeDef[];
  relationships: RelationshipDef[];
}

/** A child object inside an object structure (`wplabor` under `workorder`). */
export interface OsChildDef {
  /** The JSON property name: the child object name in the structure, lower case. */
  name: string;
  mbo: string;
  /** Relationship from the parent object to this child. */
  relation: string;
  children: OsChildDef[];
}

export interface SavedQueryDef {
  /** Case-sensitive name as apimeta lists it. */
  name: string;
  title: string;
  /** An oslc.where clause that the query stands for. */
  where: string;
  /** apimeta shows these kinds: osclause, appclause, method, script. */
  kind: "osclause" | "appclause" | "method" | "script";
}

export interface ObjectStructureDef {
  /** Lower case (`mxapiwodetail`). */
  name: string;
  description: string;
  /** Root object name (`workorder`). */
  mbo: string;
  children: OsChildDef[];
  savedQueries: SavedQueryDef[];
  /** The security application (apimeta `appName`). */
  appName?: string;
  /** Attributes searched by `searchTerms` (Maximo: the text-search attributes). */
  searchAttributes: string[];
  /** Changes are refused (405) when true. */
  readOnly?: boolean;
}

export interface SynonymValue {
  /** External value (`APPR`). */
  value: string;
  /** Internal value (`APPR`). */
  maxvalue: string;
  description: string;
  /** SYNONYMDOMAIN.DEFAULTS: the default external value of its internal value. */
  defaults: boolean;
}

export interface SynonymDomainDef {
  domainId: string;
  /** MAXDOMAIN.DESCRIPTION. */
  description: string;
  values: SynonymValue[];
}

/** An ALN domain (ALNDOMAIN rows) or a numeric domain (NUMERICDOMAIN rows): a plain value list. */
export interface ValueListDomainDef {
  domainId: string;
  description: string;
  values: Array<{ value: string | number; description: string }>;
}

/** Scalar values a row holds: strings (dates as ISO strings), numbers, booleans, null. */
export type Scalar = string | number | boolean | null;

/** One database row; attribute names in lower case. Store-managed: `_rowstamp`. */
export interface Row {
  [attribute: string]: Scalar;
}

/** Everything the emulator knows about the server's metadata. */
export interface Metadata {
  mbos: Map<string, MboDef>;
  objectStructures: Map<string, ObjectStructureDef>;
  synonymDomains: Map<string, SynonymDomainDef>;
  alnDomains: Map<string, ValueListDomainDef>;
  numericDomains: Map<string, ValueListDomainDef>;
  /** Allowed status changes per synonym domain: from internal value to internal values. */
  statusTransitions: Map<string, Map<string, string[]>>;
}

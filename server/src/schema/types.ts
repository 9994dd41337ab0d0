/**
 * The schema store's model: what features (completion, diagnostics, hover) ask about object
 * structures, read from `/oslc/apimeta` and `/oslc/jsonschemas/{os}?oslc.select=*` documents.
 */

/** One attribute (or child object) of an object schema. Names are as the schema spells them. */
export interface AttributeInfo {
  name: string;
  /** JSON Schema type: string, integer, number, boolean, array, object ("string" when absent). */
  type: string;
  /** Maximo's type: ALN, UPPER, INTEGER, DATETIME, YORN ... */
  subType?: string;
  maxLength?: number;
  scale?: number;
  title?: string;
  remarks?: string;
  required: boolean;
  persistent?: boolean;
  /**
   * Bound to a domain (value list). Real jsonschemas say only this: neither the domain's name nor
   * its values are in them (a record's `getlist~<attr>` lists the values, reference §10).
   */
  hasList: boolean;
  /** The attribute's default (`"default": "&AUTOKEY&"`, `"default": false` in real schemas). */
  defaultValue?: string | number | boolean;
  searchType?: string;
  /** For a child object: the relationship that joins it (upper case as the server sends it). */
  relation?: string;
  /** For a child object: its MBO name. */
  objectName?: string;
  /** The child's schema when the document inlines it (`oslc.select=*`). */
  child?: ObjectSchema;
  /** The child's schema link when the document does not inline it. */
  childRef?: string;
}

export interface ObjectSchema {
  /** Lower case: the object structure for a root, the property name for a child. */
  name: string;
  objectName?: string;
  title?: string;
  description?: string;
  pk: string[];
  /** Lower-case attribute name → attribute. */
  attributes: Map<string, AttributeInfo>;
  /** The file it was read from, for hover and warnings. */
  source: string;
}

export interface SavedQuery {
  /** Exactly as apimeta lists it: saved query names are case-sensitive on the server. */
  name: string;
  title?: string;
  isPublic?: boolean;
  /** A query method (`javaMethod`) rather than a stored where clause. */
  javaMethod?: boolean;
}

/** One object structure as apimeta describes it. */
export interface ApiMetaEntry {
  /** Lower case. */
  name: string;
  description?: string;
  appName?: string;
  savedQueries: SavedQuery[];
}

export interface SchemaWarning {
  /** The file at fault. */
  file: string;
  message: string;
}

/** File access, injectable so tests and other hosts can supply their own. */
export interface SchemaFileSystem {
  /** The file's text, or undefined when it does not exist or cannot be read. */
  readFile(path: string): string | undefined;
  /** File names in a folder; empty when it does not exist. */
  listDir(path: string): string[];
}

/**
 * Which kind of folder gave an answer: a connection's cache (`server`, the user's own server's
 * apimeta and jsonschemas) or the shipped pack (`pack`, built from the emulator). Only the
 * server's own knowledge may say that something does not exist (PRODUCT.md).
 */
export type SchemaOrigin = "server" | "pack";

export interface SchemaStoreOptions {
  /** Per-connection cache folders (origin `server`), first wins; each overrides the pack. */
  cacheDirs?: string[];
  /** The offline pack; `defaultPackDir()` when absent. */
  packDir?: string;
  readFile?: SchemaFileSystem["readFile"];
  listDir?: SchemaFileSystem["listDir"];
}

export interface SchemaStore {
  /** Lower-case names of every object structure any source knows, sorted. */
  objectStructureNames(): string[];
  /** Case-insensitive; undefined when no source has a usable schema. */
  objectStructure(name: string): ObjectSchema | undefined;
  /** Saved queries exactly as apimeta lists them; empty when unknown. */
  savedQueries(os: string): SavedQuery[];
  /** Walks attributes and children (`wplabor`, or the relationship `showplanlabor`). */
  attributeAtPath(os: string, segments: readonly string[]): AttributeInfo | undefined;
  /** One per corrupt or partial file met so far (apimeta is always checked). Never throws. */
  warnings(): SchemaWarning[];
  /** Which kind of folder answered `objectStructure(name)`; undefined when none did. */
  objectStructureOrigin(name: string): SchemaOrigin | undefined;
  /** Which kind of folder's apimeta answered `savedQueries(os)`; undefined when none lists `os`. */
  savedQueriesOrigin(os: string): SchemaOrigin | undefined;
  /** A server folder has a usable apimeta: its list of object structures is the server's own. */
  hasServerApimeta(): boolean;
  /** Forgets everything parsed; the next question reads the files again. */
  reload(): void;
  /** Grows with every `reload()`: whatever was derived from the store before is stale. */
  generation(): number;
}

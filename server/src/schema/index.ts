/** The schema store: offline pack + per-connection cache folders, lookups by path. */
export { createSchemaStore } from "./store";
export { defaultPackDir } from "./nodeFiles";
export { parseApimeta } from "./apimetaParser";
export { parseJsonSchema } from "./jsonSchemaParser";
export type {
  ApiMetaEntry,
  AttributeInfo,
  ObjectSchema,
  SavedQuery,
  SchemaFileSystem,
  SchemaOrigin,
  SchemaStore,
  SchemaStoreOptions,
  SchemaWarning,
} from "./types";

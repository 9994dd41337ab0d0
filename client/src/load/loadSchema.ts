/**
 * The schema a load converts and checks by: the object structure's jsonschema from a
 * connection's cache folder (the user's server's own, `--schemas DIR` in the CLI, the schema
 * cache's folder in the editor) or else the shipped pack, the same store and order `maximo check`
 * uses. A load needs the children inlined (`oslc.select=*`, reference §10), as both folders keep them.
 */
import { createSchemaStore } from "../../../server/src/schema";
import type { ObjectSchema, SchemaOrigin } from "../../../server/src/schema/types";

export interface LoadSchemaOptions {
  /** Connection cache folders (`apimeta.json`, `jsonschemas/<name>.json`), first wins. */
  cacheDirs?: string[];
  /** The offline pack; the one next to the bundle (`server/schema-pack`) when absent. */
  packDir?: string;
}

export type LoadSchemaResult =
  | { ok: true; schema: ObjectSchema; origin: SchemaOrigin }
  | { ok: false; message: string };

export function loadSchema(name: string, options: LoadSchemaOptions = {}): LoadSchemaResult {
  const store = createSchemaStore({ cacheDirs: options.cacheDirs ?? [], packDir: options.packDir });
  const schema = store.objectStructure(name);
  const origin = store.objectStructureOrigin(name);
  if (schema && origin) return { ok: true, schema, origin };
  const broken = store.warnings().map((w) => w.message);
  const known = store.objectStructureNames();
  const where = (options.cacheDirs ?? []).length > 0 ? "the connection's schema cache or the offline pack" : "the offline pack (pass a connection's schema folder for its server's own structures)";
  return {
    ok: false,
    message: [
      `No schema for the object structure "${name}" in ${where}.`,
      known.length > 0 ? `Known: ${known.slice(0, 20).join(", ")}${known.length > 20 ? ", ..." : ""}.` : "",
      ...broken,
    ]
      .filter((line) => line !== "")
      .join(" "),
  };
}

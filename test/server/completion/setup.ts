// Fixtures with a `|` cursor marker, parsed, against the offline pack.
import { join } from "node:path";
import { parseDocument, type MaximoDocument } from "../../../server/src/language/maximo/api";
import { createSchemaStore, type SchemaStore } from "../../../server/src/schema/index";

const root = process.env.MAXIMO_WORKBENCH_ROOT ?? process.cwd();
export const pack: SchemaStore = createSchemaStore({ packDir: join(root, "server", "schema-pack"), cacheDirs: [] });

export function withCursor(lines: string[]): { doc: MaximoDocument; offset: number } {
  const marked = lines.join("\n");
  const offset = marked.indexOf("|");
  return { doc: parseDocument(marked.slice(0, offset) + marked.slice(offset + 1)), offset };
}

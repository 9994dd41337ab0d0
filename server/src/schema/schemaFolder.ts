/**
 * One folder in the cache-folder layout (`apimeta.json`, `jsonschemas/<name>.json`): a
 * connection's cache or the offline pack. Parses each file on first use and keeps the result,
 * so hundreds of cached schemas cost nothing until asked for.
 */
import { join } from "node:path";
import { parseApimeta } from "./apimetaParser";
import { parseJsonSchema } from "./jsonSchemaParser";
import type { ApiMetaEntry, ObjectSchema, SchemaFileSystem } from "./types";

/** Called once per file that exists but cannot be used. */
export type ReportBadFile = (file: string, reason: string) => void;

export class SchemaFolder {
  private apimetaEntries: Map<string, ApiMetaEntry> | null | undefined;
  private names: string[] | undefined;
  // null: looked for and not usable here (missing or corrupt), so do not read it again.
  private readonly schemas = new Map<string, ObjectSchema | null>();

  constructor(
    readonly dir: string,
    private readonly files: SchemaFileSystem,
    private readonly reportBadFile: ReportBadFile,
  ) {}

  /** Lower-case name → entry; undefined when the folder has no usable apimeta.json. */
  apimeta(): Map<string, ApiMetaEntry> | undefined {
    if (this.apimetaEntries === undefined) this.apimetaEntries = this.readApimeta();
    return this.apimetaEntries ?? undefined;
  }

  /** Lower-case names of the schema files present (listed, not parsed). */
  schemaNames(): string[] {
    this.names ??= this.files
      .listDir(join(this.dir, "jsonschemas"))
      .filter((file) => file.toLowerCase().endsWith(".json"))
      .map((file) => file.slice(0, -".json".length).toLowerCase());
    return this.names;
  }

  schema(name: string): ObjectSchema | undefined {
    const key = name.toLowerCase();
    if (!this.schemas.has(key)) this.schemas.set(key, this.readSchema(key));
    return this.schemas.get(key) ?? undefined;
  }

  private readApimeta(): Map<string, ApiMetaEntry> | null {
    const file = join(this.dir, "apimeta.json");
    const text = this.files.readFile(file);
    if (text === undefined) return null;
    const parsed = parseApimeta(text);
    if (!parsed.ok) {
      this.reportBadFile(file, parsed.reason);
      return null;
    }
    return new Map(parsed.value.map((entry) => [entry.name, entry]));
  }

  private readSchema(name: string): ObjectSchema | null {
    // Names come from user text: never let one climb out of the folder.
    if (!/^[a-z0-9_.-]+$/.test(name) || name.startsWith(".")) return null;
    const file = join(this.dir, "jsonschemas", `${name}.json`);
    const text = this.files.readFile(file);
    if (text === undefined) return null;
    const parsed = parseJsonSchema(text, name, file);
    if (!parsed.ok) {
      this.reportBadFile(file, parsed.reason);
      return null;
    }
    return parsed.value;
  }
}

/**
 * One folder in the cache-folder layout (`apimeta.json`, `jsonschemas/<name>.json`) read for the
 * explorer: a connection's cache or the offline pack. apimeta is parsed once; a structure's schema
 * only when it is expanded, and then kept, so expanding one of hundreds of structures reads one
 * file. Uses the language server's parsers (VS Code-free), with files read asynchronously.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseApimeta } from "../../../server/src/schema/apimetaParser";
import { parseJsonSchema } from "../../../server/src/schema/jsonSchemaParser";
import type { ApiMetaEntry, ObjectSchema } from "../../../server/src/schema/types";

/** File access, injectable for tests. */
export interface ExplorerFiles {
  /** The file's text, or undefined when it does not exist or cannot be read. */
  readText(path: string): Promise<string | undefined>;
}

export const nodeExplorerFiles: ExplorerFiles = {
  readText: (path) => readFile(path, "utf8").catch(() => undefined),
};

/** The same rule the cache and the server apply: a name from a server never climbs out of the folder. */
export function isSchemaFileName(name: string): boolean {
  return /^[a-z0-9_.-]+$/.test(name) && !name.startsWith(".");
}

export type Read<T> = { ok: true; value: T } | { ok: false; missing: boolean; reason: string };

export class SchemaSource {
  private apimetaRead: Promise<Read<ApiMetaEntry[]>> | undefined;
  private readonly schemas = new Map<string, Promise<Read<ObjectSchema>>>();

  constructor(
    readonly dir: string,
    private readonly files: ExplorerFiles,
  ) {}

  apimeta(): Promise<Read<ApiMetaEntry[]>> {
    this.apimetaRead ??= this.read(join(this.dir, "apimeta.json"), (text) => parseApimeta(text));
    return this.apimetaRead;
  }

  schemaFile(name: string): string | undefined {
    const key = name.toLowerCase();
    return isSchemaFileName(key) ? join(this.dir, "jsonschemas", `${key}.json`) : undefined;
  }

  schema(name: string): Promise<Read<ObjectSchema>> {
    const key = name.toLowerCase();
    let pending = this.schemas.get(key);
    if (!pending) {
      const file = this.schemaFile(key);
      pending = file ? this.read(file, (text) => parseJsonSchema(text, key, file)) : Promise.resolve({ ok: false, missing: true, reason: `"${name}" is not a schema file name` });
      this.schemas.set(key, pending);
    }
    return pending;
  }

  /** After a fetch wrote the file: the next question reads it again. */
  forget(name: string): void {
    this.schemas.delete(name.toLowerCase());
  }

  private async read<T>(file: string, parse: (text: string) => { ok: true; value: T } | { ok: false; reason: string }): Promise<Read<T>> {
    const text = await this.files.readText(file);
    if (text === undefined) return { ok: false, missing: true, reason: `${file} does not exist` };
    const parsed = parse(text);
    return parsed.ok ? parsed : { ok: false, missing: false, reason: `${file} is ${parsed.reason}` };
  }
}

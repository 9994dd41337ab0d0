/**
 * Where a load's object structures and schemas come from (VS Code-free): the connection's schema
 * cache (the server's own apimeta and jsonschemas), fetching a structure's schema once when it is
 * not cached yet, else the shipped offline pack, which says so. Read with the explorer's
 * SchemaSource, so the same files parse the same way.
 */
import type { ApiMetaEntry, ObjectSchema } from "../../../../server/src/schema/types";
import { nodeExplorerFiles, SchemaSource, type ExplorerFiles } from "../../explorer/schemaSource";
import type { ExtensionConnection } from "../contracts";

/** What loading needs of the schema cache (schemaCache/schemaCacheController.ts). */
export interface LoadSchemaCache {
  folderFor(connection: ExtensionConnection): string;
  ensureSchema(connection: ExtensionConnection, name: string): Promise<{ ok: true } | { ok: false; reason: string }>;
}

export const PACK_NOTE = "the offline pack is built from the local emulator, not from your server";

export interface StructureList {
  entries: ApiMetaEntry[];
  /** Why the offline pack answers instead of the server's cache. */
  packNote?: string;
}

export interface StructureSchema {
  schema?: ObjectSchema;
  /** Why the offline pack answers (or nothing does). */
  packNote?: string;
}

export class StructureSchemas {
  constructor(
    private readonly packDir: string,
    private readonly cache: LoadSchemaCache,
    private readonly files: ExplorerFiles = nodeExplorerFiles,
  ) {}

  /** The structures apimeta lists for the connection, by name. */
  async structures(connection: ExtensionConnection): Promise<StructureList> {
    const cached = await new SchemaSource(this.cache.folderFor(connection), this.files).apimeta();
    if (cached.ok) return { entries: byName(cached.value) };
    const packed = await new SchemaSource(this.packDir, this.files).apimeta();
    const why = cached.missing ? `${connection.name}'s apimeta is not cached yet` : `${connection.name}'s cached apimeta is unusable`;
    return { entries: packed.ok ? byName(packed.value) : [], packNote: `${why}; ${PACK_NOTE}` };
  }

  /** The structure's schema: cached, else fetched into the cache, else the pack's. */
  async schema(connection: ExtensionConnection, name: string): Promise<StructureSchema> {
    const cache = new SchemaSource(this.cache.folderFor(connection), this.files);
    let read = await cache.schema(name);
    let why = read.ok ? "" : read.missing ? `${connection.name}'s schema of ${name} is not cached` : `${connection.name}'s cached schema of ${name} is unusable`;
    if (!read.ok && read.missing) {
      const fetched = await this.cache.ensureSchema(connection, name);
      cache.forget(name);
      read = await cache.schema(name);
      if (!fetched.ok) why = `${connection.name}'s schema of ${name} was not fetched (${fetched.reason})`;
    }
    if (read.ok) return { schema: read.value };
    const packed = await new SchemaSource(this.packDir, this.files).schema(name);
    if (packed.ok) return { schema: packed.value, packNote: `${why}; ${PACK_NOTE}` };
    return { packNote: `${why}, and the offline pack has none` };
  }
}

function byName(entries: ApiMetaEntry[]): ApiMetaEntry[] {
  return [...entries].sort((a, b) => a.name.localeCompare(b.name));
}

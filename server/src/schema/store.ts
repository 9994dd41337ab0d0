/**
 * The schema store: per-connection cache folders in front of the offline pack. Each question
 * goes to the folders in order and takes the first usable answer, so a corrupt or partial cache
 * file costs one warning and the pack answers instead.
 */
import { attributeAtPath } from "./attributePath";
import { defaultPackDir, nodeFiles } from "./nodeFiles";
import { SchemaFolder } from "./schemaFolder";
import type { ApiMetaEntry, SchemaFileSystem, SchemaOrigin, SchemaStore, SchemaStoreOptions, SchemaWarning } from "./types";

export function createSchemaStore(options: SchemaStoreOptions = {}): SchemaStore {
  const files: SchemaFileSystem = {
    readFile: options.readFile ?? nodeFiles.readFile,
    listDir: options.listDir ?? nodeFiles.listDir,
  };
  const dirs = [...(options.cacheDirs ?? []), options.packDir ?? defaultPackDir()];
  // Every folder but the last is a connection's cache: the user's server.
  const serverFolders = dirs.length - 1;
  const originOf = (index: number): SchemaOrigin | undefined => (index < 0 ? undefined : index < serverFolders ? "server" : "pack");
  let warnings: SchemaWarning[] = [];
  let folders: SchemaFolder[] = [];
  let generation = 0;

  const reportBadFile = (file: string, reason: string) => {
    warnings.push({
      file,
      message: `Schema file ${file} is ${reason}; it is ignored and the next schema source (another cache or the offline pack) is used. Refresh the connection's schemas to replace it.`,
    });
  };
  const open = () => {
    warnings = [];
    folders = dirs.map((dir) => new SchemaFolder(dir, files, reportBadFile));
  };
  open();

  const apimetaIndex = (os: string): number => {
    const key = os.toLowerCase();
    return folders.findIndex((folder) => folder.apimeta()?.has(key));
  };
  const apimetaEntry = (os: string): ApiMetaEntry | undefined => folders[apimetaIndex(os)]?.apimeta()?.get(os.toLowerCase());

  const schemaIndex = (name: string): number => folders.findIndex((folder) => folder.schema(name) !== undefined);
  const objectStructure = (name: string) => folders[schemaIndex(name)]?.schema(name);

  return {
    objectStructureNames() {
      const names = new Set<string>();
      for (const folder of folders) {
        for (const name of folder.apimeta()?.keys() ?? []) names.add(name);
        for (const name of folder.schemaNames()) names.add(name);
      }
      return [...names].sort();
    },
    objectStructure,
    savedQueries(os) {
      return apimetaEntry(os)?.savedQueries.map((query) => ({ ...query })) ?? [];
    },
    attributeAtPath(os, segments) {
      const schema = objectStructure(os);
      return schema ? attributeAtPath(schema, segments) : undefined;
    },
    objectStructureOrigin: (name) => originOf(schemaIndex(name)),
    savedQueriesOrigin: (os) => originOf(apimetaIndex(os)),
    hasServerApimeta: () => folders.slice(0, serverFolders).some((folder) => folder.apimeta() !== undefined),
    warnings() {
      // apimeta is small and decides the names: check it so its corruption shows up front.
      for (const folder of folders) folder.apimeta();
      return warnings.map((warning) => ({ ...warning }));
    },
    reload() {
      generation++;
      open();
    },
    generation: () => generation,
  };
}

/**
 * Where a connection's schemas live: `<root>/<connection folder>/apimeta.json` and
 * `jsonschemas/<name>.json`, the cache-folder format the language server reads
 * (server/src/schema/schemaFolder.ts).
 */
import { createHash } from "node:crypto";
import { join } from "node:path";
import type { ConnectionConfig } from "../../connections/types";

/** Names the server will read back (schemaFolder.ts accepts no other): no path can climb out. */
export function isCacheableName(name: string): boolean {
  return /^[a-z0-9_.-]+$/.test(name) && !name.startsWith(".");
}

/**
 * The connection's folder name: readable, safe on every file system, and distinct per name and
 * server (a hash of both), so a connection pointed at another server starts a fresh cache.
 */
export function connectionFolderName(connection: Pick<ConnectionConfig, "name" | "url">): string {
  const readable = connection.name.replace(/[^A-Za-z0-9_-]+/g, "_").slice(0, 40) || "connection";
  const hash = createHash("sha256").update(`${connection.name}\n${connection.url.replace(/\/+$/, "")}`).digest("hex").slice(0, 12);
  return `${readable}-${hash}`;
}

export function connectionFolder(root: string, connection: Pick<ConnectionConfig, "name" | "url">): string {
  return join(root, connectionFolderName(connection));
}

export function apimetaFile(folder: string): string {
  return join(folder, "apimeta.json");
}

export function schemaDir(folder: string): string {
  return join(folder, "jsonschemas");
}

export function schemaFile(folder: string, name: string): string {
  if (!isCacheableName(name)) throw new Error(`"${name}" is not an object structure name that can be cached.`);
  return join(schemaDir(folder), `${name}.json`);
}

/** `lists/<os>/<attr>.json`: a `getlist~<attr>` answer (JSON API reference §10), lower case. */
export function listFile(folder: string, os: string, attribute: string): string {
  if (!isCacheableName(os) || !isCacheableName(attribute)) throw new Error(`"${os}/${attribute}" is not a value list that can be cached.`);
  return join(folder, "lists", os, `${attribute}.json`);
}

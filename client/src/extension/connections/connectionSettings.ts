/**
 * Reads the `maximo.connections` setting into connections, by the same rules the CLI applies to
 * `maximo.connections.json` (connections/load.ts). A bad entry is skipped with a sentence naming
 * it, so one typo never hides the other connections.
 */
import { ConnectionError, isSecretLikeKey, parseConnection } from "../../connections/load";
import type { ExtensionConnection } from "../contracts";

export const SETTING_SECTION = "maximo";
export const CONNECTIONS_KEY = "connections";
export const DEFAULT_CONNECTION_KEY = "defaultConnection";

/** The fields package.json declares for an entry; anything else is a mistake (or a secret). */
export const ENTRY_FIELDS = [
  "name", "url", "apiRoot", "auth", "user", "clientId", "tokenUrl", "issuer", "caFile",
  "insecure", "readOnly", "csrf", "colour", "deployOnSave", "serverLog",
] as const;
export type EntryField = (typeof ENTRY_FIELDS)[number];

/** One raw entry of the setting, as JSON holds it. */
export type SettingEntry = Record<string, unknown>;

export interface ConnectionSettings {
  /** Valid entries in setting order; names are unique. */
  connections: ExtensionConnection[];
  /** One sentence per skipped entry. */
  problems: string[];
}

export function readConnectionSettings(value: unknown): ConnectionSettings {
  if (value === undefined || value === null) return { connections: [], problems: [] };
  if (!Array.isArray(value)) {
    return { connections: [], problems: ['The "maximo.connections" setting must be a list of connections; fix it in your settings.'] };
  }
  const connections: ExtensionConnection[] = [];
  const problems: string[] = [];
  const firstEntryOf = new Map<string, number>();
  value.forEach((entry: unknown, index) => {
    const where = entryLabel(index);
    try {
      const connection = parseEntry(entry, where);
      const earlier = firstEntryOf.get(connection.name);
      if (earlier !== undefined) {
        problems.push(`${where} ("${connection.name}") repeats the name of entry ${earlier + 1}, so it is ignored; give each connection a unique name.`);
        return;
      }
      firstEntryOf.set(connection.name, index);
      connections.push(connection);
    } catch (error) {
      if (!(error instanceof ConnectionError)) throw error;
      problems.push(`${error.message.replace(/\.$/, "")}. This connection is ignored until you fix it.`);
    }
  });
  return { connections, problems };
}

/** Validates one entry; throws ConnectionError with a sentence naming `where`. */
export function parseEntry(entry: unknown, where: string): ExtensionConnection {
  if (typeof entry !== "object" || entry === null || Array.isArray(entry)) throw new ConnectionError(`${where} must be an object.`);
  const record = entry as SettingEntry;
  for (const key of Object.keys(record)) {
    if ((ENTRY_FIELDS as readonly string[]).includes(key)) continue;
    if (isSecretLikeKey(key)) {
      throw new ConnectionError(
        `${where} has a secret-looking key "${key}"; secrets never go in settings. Remove it: Maximo Workbench asks for the secret when needed and keeps it in VS Code's SecretStorage.`,
      );
    }
    throw new ConnectionError(`${where} has an unknown key "${key}"; allowed: ${ENTRY_FIELDS.join(", ")}.`);
  }
  const { colour, deployOnSave, serverLog, ...rest } = record;
  if (colour !== undefined && (typeof colour !== "string" || colour.trim() === "")) throw new ConnectionError(`${where}: "colour" must be a colour such as #c72e0f.`);
  if (deployOnSave !== undefined && typeof deployOnSave !== "boolean") throw new ConnectionError(`${where}: "deployOnSave" must be true or false.`);
  if (serverLog !== undefined && typeof serverLog !== "boolean") throw new ConnectionError(`${where}: "serverLog" must be true or false.`);
  // package.json declares apikey as the default sign-in.
  const connection: ExtensionConnection = parseConnection({ auth: "apikey", ...rest }, where);
  if (typeof colour === "string") connection.colour = colour.trim();
  if (typeof deployOnSave === "boolean") connection.deployOnSave = deployOnSave;
  if (typeof serverLog === "boolean") connection.serverLog = serverLog;
  return connection;
}

export function entryLabel(index: number): string {
  return `maximo.connections entry ${index + 1}`;
}

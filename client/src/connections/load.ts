/**
 * Connections for the CLI: a workspace `maximo.connections.json` (never holding secrets), or
 * flags and the environment (`--connection NAME|URL`, `MAXIMO_URL`, `MAXIMO_APIKEY`,
 * `MAXIMO_USER`, `MAXIMO_PASSWORD`, `MAXIMO_CLIENT_ID`, `MAXIMO_CLIENT_SECRET`).
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { redact } from "../http/redact";
import type { ApiRootChoice, AuthType, ConnectionConfig, SecretKind, SecretSource } from "./types";

export const CONNECTIONS_FILE = "maximo.connections.json";

/** A connection setting that cannot be used, in words. */
export class ConnectionError extends Error {}

export interface ConnectionSet {
  /** By name, in file order. */
  connections: Map<string, ConnectionConfig>;
  /** Used by requests without `# @connection`. */
  defaultName: string | undefined;
  /** The file they came from, if any. */
  file?: string;
}

const AUTH_TYPES: readonly AuthType[] = ["apikey", "basic", "maxauth", "form", "session", "oauth", "none"];
const API_ROOTS: readonly ApiRootChoice[] = ["auto", "oslc", "api"];
const STRING_KEYS = ["name", "url", "user", "clientId", "tokenUrl", "issuer", "caFile"] as const;
const BOOLEAN_KEYS = ["insecure", "readOnly", "csrf"] as const;
const KNOWN_KEYS = new Set<string>([...STRING_KEYS, ...BOOLEAN_KEYS, "apiRoot", "auth"]);
const SECRET_KEY = /api.?key|passw|pwd|secret|token|credential/i;

type Env = Readonly<Record<string, string | undefined>>;

/** Finds `maximo.connections.json` in `startDir` or a folder above it. */
export function findConnectionsFile(startDir: string): string | undefined {
  for (let dir = resolve(startDir); ; dir = dirname(dir)) {
    const candidate = join(dir, CONNECTIONS_FILE);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

/** Reads and validates a connections file; throws ConnectionError with a sentence on any problem. */
export function readConnectionsFile(path: string): ConnectionSet {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new ConnectionError(`${path} is not valid JSON (${(error as Error).message}); fix the file.`);
  }
  return { ...parseConnections(data, path), file: path };
}

/** Validates the parsed content of a connections file. */
export function parseConnections(data: unknown, source: string): ConnectionSet {
  if (!isRecord(data) || !Array.isArray(data.connections)) {
    throw new ConnectionError(`${source} must be an object with a "connections" array.`);
  }
  for (const key of Object.keys(data)) {
    if (SECRET_KEY.test(key)) throw secretKeyError(source, key);
    if (key !== "connections" && key !== "default") {
      throw new ConnectionError(`${source} has an unknown key "${key}"; only "connections" and "default" are allowed.`);
    }
  }
  const connections = new Map<string, ConnectionConfig>();
  data.connections.forEach((entry: unknown, index: number) => {
    const connection = parseConnection(entry, `${source}, connection ${index + 1}`);
    if (connections.has(connection.name)) {
      throw new ConnectionError(`${source} names two connections "${connection.name}"; give each a unique name.`);
    }
    connections.set(connection.name, connection);
  });
  const defaultName = data.default;
  if (defaultName !== undefined && (typeof defaultName !== "string" || !connections.has(defaultName))) {
    throw new ConnectionError(`${source}: "default" is ${JSON.stringify(defaultName)}, which is not the name of a connection.`);
  }
  return { connections, defaultName: defaultName ?? (connections.size === 1 ? [...connections.keys()][0] : undefined) };
}

/**
 * Validates one connection entry; throws ConnectionError naming `where`. Exported so the
 * extension checks its `maximo.connections` setting by the same rules.
 */
export function parseConnection(entry: unknown, where: string): ConnectionConfig {
  if (!isRecord(entry)) throw new ConnectionError(`${where} must be an object.`);
  for (const key of Object.keys(entry)) {
    if (KNOWN_KEYS.has(key)) continue;
    if (SECRET_KEY.test(key)) throw secretKeyError(where, key);
    throw new ConnectionError(`${where} has an unknown key "${key}"; allowed: ${[...KNOWN_KEYS].join(", ")}.`);
  }
  for (const key of STRING_KEYS) {
    if (entry[key] !== undefined && (typeof entry[key] !== "string" || entry[key] === "")) {
      throw new ConnectionError(`${where}: "${key}" must be a non-empty string.`);
    }
  }
  for (const key of BOOLEAN_KEYS) {
    if (entry[key] !== undefined && typeof entry[key] !== "boolean") throw new ConnectionError(`${where}: "${key}" must be true or false.`);
  }
  if (typeof entry.name !== "string") throw new ConnectionError(`${where} has no "name"; every connection needs one.`);
  const named = `${where} ("${entry.name}")`;
  if (typeof entry.url !== "string") throw new ConnectionError(`${named} has no "url"; set it to the server up to its context root, e.g. https://host/maximo.`);
  checkUrl(entry.url, named);
  const auth = entry.auth;
  if (typeof auth !== "string" || !(AUTH_TYPES as readonly string[]).includes(auth)) {
    throw new ConnectionError(`${named}: "auth" must be one of ${AUTH_TYPES.join(", ")}.`);
  }
  const apiRoot = entry.apiRoot ?? "auto";
  if (typeof apiRoot !== "string" || !(API_ROOTS as readonly string[]).includes(apiRoot)) {
    throw new ConnectionError(`${named}: "apiRoot" must be one of ${API_ROOTS.join(", ")}.`);
  }
  if (auth === "oauth" && typeof entry.clientId !== "string") throw new ConnectionError(`${named} uses oauth but has no "clientId".`);
  if (auth === "oauth" && entry.tokenUrl === undefined && entry.issuer === undefined) {
    throw new ConnectionError(`${named} uses oauth but has neither "tokenUrl" nor "issuer"; set one of them.`);
  }
  const connection: ConnectionConfig = { name: entry.name, url: entry.url, apiRoot: apiRoot as ApiRootChoice, auth: auth as AuthType };
  for (const key of ["tokenUrl", "issuer"] as const) if (typeof entry[key] === "string") checkUrl(entry[key], `${named} "${key}"`);
  for (const key of ["user", "clientId", "tokenUrl", "issuer", "caFile"] as const) {
    const value = entry[key];
    if (typeof value === "string") connection[key] = value;
  }
  for (const key of BOOLEAN_KEYS) {
    const value = entry[key];
    if (typeof value === "boolean") connection[key] = value;
  }
  return connection;
}

/** Whether a settings key looks like it would hold a secret (`password`, `apikey`, ...). */
export function isSecretLikeKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

function secretKeyError(where: string, key: string): ConnectionError {
  return new ConnectionError(
    `${where} has a secret-looking key "${key}"; secrets never go in ${CONNECTIONS_FILE}. ` +
      `Remove it and set MAXIMO_APIKEY, MAXIMO_PASSWORD or MAXIMO_CLIENT_SECRET in the environment instead.`,
  );
}

/** Throws ConnectionError unless `url` is an http(s) URL without credentials in it. */
export function checkUrl(url: string, where: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConnectionError(`${where}: "${withoutCredentials(url)}" is not a URL; write it as https://host/maximo.`);
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw new ConnectionError(`${where}: "${withoutCredentials(url)}" must start with http:// or https://.`);
  }
  if (parsed.search || parsed.hash) {
    // `https://host/maximo?apikey=x` would lose its path when the API root is added; a key goes in MAXIMO_APIKEY.
    throw new ConnectionError(`${where}: "${parsed.origin}${parsed.pathname}" is followed by a query or fragment; write only https://host/maximo (a key goes in MAXIMO_APIKEY).`);
  }
  if (parsed.username || parsed.password) {
    const instead = /token|issuer/i.test(where) ? "the client id and secret (MAXIMO_CLIENT_ID, MAXIMO_CLIENT_SECRET)" : "MAXIMO_USER and MAXIMO_PASSWORD";
    throw new ConnectionError(`${where}: "${parsed.origin}" carries credentials in the URL; use ${instead} instead.`);
  }
}

/**
 * Text that may be a URL, without what stands before its last `@` (a user and password, even one
 * holding `/`, `#` or `?` that stops a URL parser): for messages about a URL that did not parse.
 */
export function withoutCredentials(text: string): string {
  return text.includes("@") ? text.replace(/^([a-z][a-z0-9+.-]*:\/\/)?\S*@/i, (_whole, scheme: string | undefined) => `${scheme ?? ""}*****@`) : redact(text);
}

export function isUrl(text: string): boolean {
  return /^https?:\/\//i.test(text);
}

/**
 * A connection made from a URL and the environment: apikey when MAXIMO_APIKEY is set, MAXIMO_AUTH
 * (or maxauth) when MAXIMO_USER and MAXIMO_PASSWORD are, oauth with MAXIMO_CLIENT_ID and
 * MAXIMO_CLIENT_SECRET, else none.
 */
export function connectionFromUrl(url: string, env: Env, name = "cli"): ConnectionConfig {
  const where = url === env.MAXIMO_URL ? "MAXIMO_URL" : "--connection";
  checkUrl(url, where);
  const base: ConnectionConfig = { name, url: url.replace(/\/+$/, ""), apiRoot: apiRootFromEnv(env), auth: "none" };
  const chosen = env.MAXIMO_AUTH;
  if (chosen !== undefined && !(AUTH_TYPES as readonly string[]).includes(chosen)) {
    throw new ConnectionError(`MAXIMO_AUTH is "${chosen}"; it must be one of ${AUTH_TYPES.join(", ")}.`);
  }
  if (chosen === "oauth" || (!chosen && env.MAXIMO_CLIENT_SECRET && env.MAXIMO_CLIENT_ID)) {
    if (!env.MAXIMO_CLIENT_ID) throw new ConnectionError("OAuth needs MAXIMO_CLIENT_ID (and MAXIMO_CLIENT_SECRET) in the environment.");
    const oauth: ConnectionConfig = { ...base, auth: "oauth", clientId: env.MAXIMO_CLIENT_ID };
    if (env.MAXIMO_TOKEN_URL) {
      checkUrl(env.MAXIMO_TOKEN_URL, "MAXIMO_TOKEN_URL");
      oauth.tokenUrl = env.MAXIMO_TOKEN_URL;
    }
    else oauth.issuer = env.MAXIMO_ISSUER ?? base.url;
    return oauth;
  }
  if (chosen === "apikey" || (!chosen && env.MAXIMO_APIKEY)) return { ...base, auth: "apikey" };
  if (chosen && chosen !== "none") {
    if (!env.MAXIMO_USER) throw new ConnectionError(`MAXIMO_AUTH is ${chosen}, which needs MAXIMO_USER and MAXIMO_PASSWORD.`);
    return { ...base, auth: chosen as AuthType, user: env.MAXIMO_USER };
  }
  if (env.MAXIMO_USER && env.MAXIMO_PASSWORD) return { ...base, auth: "maxauth", user: env.MAXIMO_USER };
  return base;
}

function apiRootFromEnv(env: Env): ApiRootChoice {
  const value = env.MAXIMO_API_ROOT ?? "auto";
  if (!(API_ROOTS as readonly string[]).includes(value)) throw new ConnectionError(`MAXIMO_API_ROOT must be one of ${API_ROOTS.join(", ")}.`);
  return value as ApiRootChoice;
}

export interface LoadOptions {
  /** Where to look for `maximo.connections.json` (and the folders above). */
  workspaceDir: string;
  /** `--connection NAME|URL`. */
  connection?: string;
  /** `--insecure`: TLS verification off for every connection. */
  insecure?: boolean;
  env: Env;
}

/**
 * The connections a run may use and the default one. `--connection URL` or `MAXIMO_URL` adds a
 * connection from the environment and makes it the default; `--connection NAME` picks a file
 * connection. A file connection without a user takes MAXIMO_USER.
 */
export function loadConnections(options: LoadOptions): ConnectionSet {
  const file = findConnectionsFile(options.workspaceDir);
  const set: ConnectionSet = file ? readConnectionsFile(file) : { connections: new Map(), defaultName: undefined };
  const adHocUrl = options.connection !== undefined && isUrl(options.connection) ? options.connection : undefined;
  if (adHocUrl !== undefined || (options.connection === undefined && options.env.MAXIMO_URL)) {
    const connection = connectionFromUrl(adHocUrl ?? options.env.MAXIMO_URL!, options.env, uniqueName(set, "cli"));
    set.connections.set(connection.name, connection);
    set.defaultName = connection.name;
  } else if (options.connection !== undefined) {
    if (!set.connections.has(options.connection)) {
      const known = [...set.connections.keys()];
      throw new ConnectionError(
        known.length === 0
          ? `There is no connection "${withoutCredentials(options.connection)}": no ${CONNECTIONS_FILE} was found; pass a URL to --connection or create the file.`
          : `There is no connection "${withoutCredentials(options.connection)}" in ${set.file}; known: ${known.join(", ")}.`,
      );
    }
    set.defaultName = options.connection;
  }
  for (const connection of set.connections.values()) {
    if (connection.user === undefined && options.env.MAXIMO_USER && needsUser(connection.auth)) connection.user = options.env.MAXIMO_USER;
    if (options.insecure) connection.insecure = true;
  }
  return set;
}

function needsUser(auth: AuthType): boolean {
  return auth === "basic" || auth === "maxauth" || auth === "form" || auth === "session";
}

function uniqueName(set: ConnectionSet, wanted: string): string {
  let name = wanted;
  for (let i = 2; set.connections.has(name); i++) name = `${wanted}${i}`;
  return name;
}

const SECRET_VARIABLES: Record<SecretKind, string> = {
  apikey: "MAXIMO_APIKEY",
  password: "MAXIMO_PASSWORD",
  clientSecret: "MAXIMO_CLIENT_SECRET",
};

/**
 * Secrets from the environment: `MAXIMO_APIKEY_<NAME>` (the connection name upper-cased, other
 * characters as `_`) first, so several connections can differ, then `MAXIMO_APIKEY`.
 */
export function envSecrets(env: Env): SecretSource {
  return {
    async get(connection: string, kind: SecretKind): Promise<string | undefined> {
      const variable = SECRET_VARIABLES[kind];
      const suffix = connection.toUpperCase().replace(/[^A-Z0-9]/g, "_");
      return nonEmpty(env[`${variable}_${suffix}`]) ?? nonEmpty(env[variable]);
    },
  };
}

/**
 * Every secret value the environment holds for these connections, for redaction: their own, and
 * those `maximo import` and Copy as curl leave credentials to (MAXIMO_TOKEN, MAXIMO_BASIC, ...).
 */
export function envSecretValues(env: Env): string[] {
  return Object.entries(env)
    .filter(([key, value]) => /^MAXIMO_(APIKEY|PASSWORD|CLIENT_SECRET|TOKEN|REFRESH_TOKEN|BASIC|MAXAUTH|COOKIE|CSRFTOKEN|PROXY_AUTH)(_|$)/.test(key) && value)
    .map(([, value]) => value!);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === "" ? undefined : value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

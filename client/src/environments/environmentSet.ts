/**
 * The environments a workspace defines, in REST Client's shape
 * (`{ "$shared": {...}, "dev": {...}, "prod": {...} }`): from `maximo.env.json`, or, when that
 * file is absent, from REST Client's `rest-client.environmentVariables` setting, so a REST Client
 * user's environments work unchanged.
 */
import { ENV_FILE, type Environment } from "../variables/envSources";

export const REST_CLIENT_SETTING = "rest-client.environmentVariables";
export const SHARED = "$shared";

export type EnvironmentOrigin = { kind: "file"; file: string } | { kind: "restClientSetting" };

export interface EnvironmentSet {
  origin: EnvironmentOrigin;
  shared: ReadonlyMap<string, string>;
  /** Each environment by name, in the order written; `$shared` is not one of them. */
  environments: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

/** How messages and the hover name the place: `maximo.env.json` or the setting. */
export function originLabel(origin: EnvironmentOrigin): string {
  return origin.kind === "file" ? ENV_FILE : `setting ${REST_CLIENT_SETTING}`;
}

/** Reads a parsed JSON value as environments; throws a sentence naming the place when it has another shape. */
export function environmentSetFrom(value: unknown, origin: EnvironmentOrigin): EnvironmentSet {
  const label = origin.kind === "file" ? origin.file : originLabel(origin);
  if (!isObject(value)) throw new Error(`${label} must hold an object of environments: { "$shared": {...}, "dev": {...} }.`);
  const environments = new Map<string, ReadonlyMap<string, string>>();
  for (const [name, variables] of Object.entries(value)) {
    if (name !== SHARED) environments.set(name, variablesOf(variables, label, name));
  }
  return { origin, shared: variablesOf(value[SHARED], label, SHARED), environments };
}

/** An empty set: no environments, no `$shared` (a workspace without either source). */
export function emptyEnvironmentSet(file: string): EnvironmentSet {
  return { origin: { kind: "file", file }, shared: new Map(), environments: new Map() };
}

/**
 * The variables a request reads with `name` active: that environment over `$shared`. A name the
 * set no longer has (the file changed since it was picked) leaves only `$shared`.
 */
export function environmentOf(set: EnvironmentSet, name: string | undefined): Environment {
  const selected = name === undefined ? undefined : set.environments.get(name);
  const environment: Environment = {
    selected: selected ?? new Map(),
    shared: set.shared,
    file: set.origin.kind === "file" ? set.origin.file : REST_CLIENT_SETTING,
    label: originLabel(set.origin),
  };
  if (selected) environment.name = name;
  return environment;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function variablesOf(value: unknown, label: string, env: string): Map<string, string> {
  const out = new Map<string, string>();
  if (value === undefined) return out;
  if (!isObject(value)) throw new Error(`Environment "${env}" in ${label} must be an object of variables.`);
  // Numbers and booleans are written as JSON, as REST Client does.
  for (const [key, v] of Object.entries(value)) out.set(key, typeof v === "string" ? v : JSON.stringify(v));
  return out;
}

/**
 * The files variables come from besides the request file: the workspace `maximo.env.json`
 * (REST Client's shape, `{ "$shared": {...}, "dev": {...} }`) and `.env` files for `$dotenv`.
 */
import { join } from "node:path";

export type ReadFile = (path: string) => Promise<Buffer>;

export const ENV_FILE = "maximo.env.json";

export interface Environment {
  /** The chosen environment's variables (empty without `envName`). */
  selected: ReadonlyMap<string, string>;
  shared: ReadonlyMap<string, string>;
  name?: string;
  file: string;
  /** Where the environments are defined, for messages (default `maximo.env.json`). */
  label?: string;
}

/** Reads a file, or undefined when it does not exist. */
async function readOptional(readFile: ReadFile, path: string): Promise<string | undefined> {
  try {
    return (await readFile(path)).toString("utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

/** Loads `maximo.env.json` from the workspace; throws a sentence when `envName` cannot be found. */
export async function loadEnvironment(readFile: ReadFile, workspaceDir: string, envName: string | undefined): Promise<Environment> {
  const file = join(workspaceDir, ENV_FILE);
  const text = await readOptional(readFile, file);
  if (text === undefined) {
    if (envName !== undefined) throw new Error(`Environment "${envName}" was asked for, but ${file} does not exist.`);
    return { selected: new Map(), shared: new Map(), file };
  }
  let parsed: unknown;
  try {
    // A BOM from Windows editors is not part of the JSON.
    parsed = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new Error(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  if (!isObject(parsed)) throw new Error(`${file} must hold an object of environments: { "$shared": {...}, "dev": {...} }.`);
  const shared = variablesOf(parsed["$shared"], file, "$shared");
  if (envName === undefined) return { selected: new Map(), shared, file };
  if (!isObject(parsed[envName]) || envName === "$shared") {
    const names = Object.keys(parsed).filter((k) => k !== "$shared");
    throw new Error(`Environment "${envName}" is not defined in ${file} (it has: ${names.length > 0 ? names.join(", ") : "none"}).`);
  }
  return { selected: variablesOf(parsed[envName], file, envName), shared, name: envName, file };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function variablesOf(value: unknown, file: string, env: string): Map<string, string> {
  const out = new Map<string, string>();
  if (value === undefined) return out;
  if (!isObject(value)) throw new Error(`Environment "${env}" in ${file} must be an object of variables.`);
  for (const [key, v] of Object.entries(value)) out.set(key, typeof v === "string" ? v : JSON.stringify(v));
  return out;
}

/** The `.env` variables: the request file's folder first, then the workspace. */
export async function loadDotenv(readFile: ReadFile, dirs: readonly string[]): Promise<{ values: Map<string, string>; files: string[] }> {
  const values = new Map<string, string>();
  const files = [...new Set(dirs.map((dir) => join(dir, ".env")))];
  for (const file of files) {
    const text = await readOptional(readFile, file);
    if (text === undefined) continue;
    for (const [key, value] of parseDotenv(text)) if (!values.has(key)) values.set(key, value);
  }
  return { values, files };
}

const DOTENV_LINE = /^\s*(?:export\s+)?([\w.-]+)\s*=\s*(.*?)\s*$/;

/** `KEY=value` lines; `#` comments; "double quotes" with \n escapes; 'single quotes' as written. */
export function parseDotenv(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.replace(/^\uFEFF/, "").split(/\r?\n/)) {
    const match = DOTENV_LINE.exec(line);
    if (!match || line.trimStart().startsWith("#")) continue;
    out.set(match[1]!, dotenvValue(match[2]!));
  }
  return out;
}

function dotenvValue(raw: string): string {
  const quote = raw[0];
  if ((quote === '"' || quote === "'") && raw.indexOf(quote, 1) > 0) {
    const inner = raw.slice(1, raw.indexOf(quote, 1));
    return quote === '"' ? inner.replace(/\\n/g, "\n").replace(/\\r/g, "\r").replace(/\\t/g, "\t") : inner;
  }
  // An unquoted value ends at a ` #` comment.
  const comment = raw.search(/\s#/);
  return (comment < 0 ? raw : raw.slice(0, comment)).trim();
}

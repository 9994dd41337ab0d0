/**
 * The names of the variables the environments around a request file define, as REST Client,
 * httpyac and JetBrains' HTTP Client users keep them, for the undefined-variable check (the
 * `maximo check` CLI and the language server). Only names: values (secrets) are never kept.
 *
 * Read in the request file's folder and every folder above it up to `root` (the workspace folder;
 * without one, the first folder holding `.git`, else the file system root):
 * - `maximo.env.json` (REST Client's shape, `{ "$shared": {...}, "dev": {...} }`);
 * - `http-client.env.json` and `http-client.private.env.json` (JetBrains, also read by httpyac:
 *   `{ "dev": {...} }`; github:JetBrains/http-request-in-editor-spec, jetbrains.com/help
 *   "HTTP Client environment files");
 * - `.httpyac.json`'s `environments` (httpyac's config file, same shape as maximo.env.json), and
 *   those of `.httpyac.js`/`.cjs`/`.mjs` or `httpyac.config.js`/`.cjs`/`.mjs` where they are written
 *   as a literal object (`environments: { dev: { host: '...' } }`): those files are programs, never
 *   run here, so computed environments are not read;
 * - `.env`, `.env.NAME` and `NAME.env` files, also in an `env/` folder (httpyac's dotenv provider
 *   reads each as variables; REST Client reads `.env` through `{{$dotenv name}}`), and the JSON
 *   files above in `env/`, httpyac's default `envDirName`, or in the folder an httpyac configuration
 *   names instead (envDirNames.ts);
 * - `.vscode/settings.json`'s `rest-client.environmentVariables` (REST Client README: "Environments
 *   and including variables are defined directly in Visual Studio Code setting file");
 * - the JetBrains globals other request files in those folders set (`client.global.set`,
 *   handlerGlobals.ts): JetBrains keeps them for the IDE session, across files.
 * A name any environment defines counts: the check cannot know which one will be active.
 */
import { statSync } from "node:fs";
import { listNames, readText } from "./folderFiles";
import { dirname, join, parse as parsePath, resolve } from "node:path";
import { parse as parseJsonc } from "jsonc-parser/lib/esm/main.js";
import { parseDotenv } from "../variables/envSources";
import { globalSetters, type GlobalSetter } from "./handlerGlobals";
import { isLiteralObject, readLiteral } from "../scripts/literal";
import { envDirNames } from "./envDirNames";

export interface EnvironmentNames {
  /** Every variable name some environment defines. */
  readonly names: ReadonlySet<string>;
  /** The files the names came from (only those that exist and could be read), nearest first. */
  readonly files: readonly string[];
}

/** The JSON files whose environments (top-level objects of variables) are read. */
const ENVIRONMENT_FILES = ["maximo.env.json", "http-client.env.json", "http-client.private.env.json"];
const HTTPYAC_CONFIG = ".httpyac.json";
/** httpyac's configuration programs (httpyac.github.io "Configuration"): their literal `environments` are read. */
const HTTPYAC_PROGRAMS = [".httpyac.js", ".httpyac.cjs", ".httpyac.mjs", "httpyac.config.js", "httpyac.config.cjs", "httpyac.config.mjs"];
const VSCODE_SETTINGS = join(".vscode", "settings.json");
const REST_CLIENT_SETTING = "rest-client.environmentVariables";
/** How many folders up are read at most: a file deep in a tree without `.git` stops somewhere. */
const MAX_LEVELS = 12;

/** The folders read for `requestFile`: its own, then each parent up to `root` (or `.git`). */
export function environmentFolders(requestFile: string, root?: string): string[] {
  const stop = root === undefined ? undefined : resolve(root);
  const folders: string[] = [];
  let dir = dirname(resolve(requestFile));
  for (let level = 0; level < MAX_LEVELS; level++) {
    folders.push(dir);
    if (dir === stop || dir === parsePath(dir).root) break;
    if (stop === undefined && exists(join(dir, ".git"))) break;
    const parent = dirname(dir);
    // Outside the workspace folder: only the file's own folder counts.
    if (stop !== undefined && !isInside(parent, stop)) break;
    dir = parent;
  }
  return folders;
}

/**
 * The names the environments around `requestFile` define (see the module comment for where), and
 * the JetBrains globals the request files beside it and above it set (handlerGlobals.ts; `setters`
 * keeps what each folder's files set, for a caller that asks for many files).
 */
export function environmentNames(requestFile: string, root?: string, setters?: Map<string, readonly GlobalSetter[]>): EnvironmentNames {
  const names = new Set<string>();
  const files: string[] = [];
  for (const found of [...environmentFileNames(requestFile, root), ...globalSetters(requestFile, environmentFolders(requestFile, root), setters)]) {
    files.push(found.file);
    for (const name of found.names) names.add(name);
  }
  return { names, files };
}

/** Each environment file around `requestFile` that could be read, nearest first, with the names it defines. */
export function environmentFileNames(requestFile: string, root?: string): Array<{ file: string; names: string[] }> {
  const out: Array<{ file: string; names: string[] }> = [];
  const folders = environmentFolders(requestFile, root);
  const envDirs = envDirNames(folders);
  for (const dir of folders) {
    for (const file of environmentFilesIn(dir, envDirs)) {
      // An absolute envDirName is the same folder from every level: read it once.
      if (out.some((found) => found.file === file)) continue;
      const text = readText(file);
      if (text === undefined) continue;
      const names = namesIn(file, text);
      if (names !== undefined) out.push({ file, names });
    }
  }
  return out;
}

/**
 * Every file in `dir` that may hold environment variables (existing or not), in a fixed order.
 * `envDirs` are httpyac's env folders (envDirNames.ts): relative ones are looked for in `dir`.
 */
export function environmentFilesIn(dir: string, envDirs: readonly string[] = ["env"]): string[] {
  const files = [...ENVIRONMENT_FILES, HTTPYAC_CONFIG, ...HTTPYAC_PROGRAMS, VSCODE_SETTINGS].map((name) => join(dir, name));
  // httpyac's envDirName holds dotenv files and JetBrains' env files too (intellijVariableProvider.ts).
  const envFolders = envDirs.map((name) => resolve(dir, name));
  for (const folder of envFolders) files.push(...ENVIRONMENT_FILES.map((name) => join(folder, name)));
  for (const folder of [dir, ...envFolders]) {
    for (const name of listNames(folder)) if (isDotenvName(name)) files.push(join(folder, name));
  }
  return files;
}

/** `.env`, `.env.dev`, `dev.env` (httpyac's dotenv provider); not `.env.example`-like templates' siblings of other kinds. */
export function isDotenvName(name: string): boolean {
  return name === ".env" || name.startsWith(".env.") || (name.endsWith(".env") && name.length > 4);
}

/** The names `text` (the content of `file`) defines, or undefined when it is not a file of its kind. */
export function namesIn(file: string, text: string): string[] | undefined {
  const base = file.slice(dirname(file).length + 1);
  if (isDotenvName(base) && !file.endsWith(".json")) {
    try {
      return [...parseDotenv(text).keys()];
    } catch {
      return undefined;
    }
  }
  if (HTTPYAC_PROGRAMS.includes(base)) return programEnvironmentNames(text);
  const value = parseJsonc(text.replace(/^\uFEFF/, ""), [], { allowTrailingComma: true }) as unknown;
  if (!isObject(value)) return undefined;
  if (file.endsWith(VSCODE_SETTINGS)) return environmentVariableNames(value[REST_CLIENT_SETTING]);
  if (base === HTTPYAC_CONFIG) return environmentVariableNames(value["environments"]);
  return environmentVariableNames(value);
}

/**
 * The variable names of an httpyac configuration program's `environments: { ... }`, when that
 * object is written as a literal (scripts/literal.ts reads it; nothing is run); undefined when
 * it has none or computes it.
 */
function programEnvironmentNames(text: string): string[] | undefined {
  const key = /\benvironments\s*:\s*\{/.exec(text);
  if (!key) return undefined;
  const literal = readLiteral(text, key.index + key[0].length - 1);
  return literal.error || !isLiteralObject(literal.value) ? undefined : environmentVariableNames(literal.value);
}

/** The variable names of every environment of `{ "$shared": {...}, "dev": {...} }` (also the language server's answered setting). */
export function environmentVariableNames(value: unknown): string[] {
  if (!isObject(value)) return [];
  const names: string[] = [];
  for (const variables of Object.values(value)) if (isObject(variables)) names.push(...Object.keys(variables));
  return names;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function isInside(dir: string, root: string): boolean {
  return dir === root || dir.startsWith(root.endsWith("/") || root.endsWith("\\") ? root : root + (root.includes("\\") ? "\\" : "/"));
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * httpyac's `envDirName`: the folder its dotenv and JetBrains env files live in, `env` unless a
 * configuration names another (httpyac.github.io "Configuration"; github:AnWeber/httpyac
 * src/plugins/dotenv/dotenvVariableProvider.ts, src/plugins/intellij/intellijVariableProvider.ts).
 * It is read where httpyac reads its configuration:
 * - `.httpyac.json` (`"envDirName": "..."`);
 * - `package.json` (`"httpyac": { "envDirName": "..." }`);
 * - `.httpyac.js`/`.cjs`/`.mjs`, `httpyac.config.js`/`.cjs`/`.mjs`, when written as a literal string
 *   (those files are programs, never run here);
 * - `.vscode/settings.json` (`"httpyac.envDirName": "..."`, the VS Code extension's setting).
 * A name any of the folders' configurations gives counts, as every environment does for the check.
 */
import { join } from "node:path";
import { parse as parseJsonc } from "jsonc-parser/lib/esm/main.js";
import { readText } from "./folderFiles";

const DEFAULT_ENV_DIR = "env";
const JSON_CONFIGS: Array<{ file: string; read: (value: Record<string, unknown>) => unknown }> = [
  { file: ".httpyac.json", read: (value) => value["envDirName"] },
  { file: "package.json", read: (value) => (isObject(value["httpyac"]) ? value["httpyac"]["envDirName"] : undefined) },
  { file: join(".vscode", "settings.json"), read: (value) => value["httpyac.envDirName"] },
];
const PROGRAMS = [".httpyac.js", ".httpyac.cjs", ".httpyac.mjs", "httpyac.config.js", "httpyac.config.cjs", "httpyac.config.mjs"];
/** `envDirName: 'environments'` (or with double quotes or backticks without `${`), as the property is written in a config object. */
const PROGRAM_ENV_DIR = /\benvDirName["']?\s*:\s*(["'`])([^"'`$\r\n]+)\1/;

/** `env` and every other env folder name the httpyac configurations in `folders` give, each once. */
export function envDirNames(folders: readonly string[]): string[] {
  const names = new Set([DEFAULT_ENV_DIR]);
  for (const dir of folders) {
    for (const config of JSON_CONFIGS) {
      const text = readText(join(dir, config.file));
      if (text === undefined) continue;
      const value = parseJsonc(text.replace(/^\uFEFF/, ""), [], { allowTrailingComma: true }) as unknown;
      const name = isObject(value) ? config.read(value) : undefined;
      if (typeof name === "string" && name.trim()) names.add(name.trim());
    }
    for (const program of PROGRAMS) {
      const match = PROGRAM_ENV_DIR.exec(readText(join(dir, program)) ?? "");
      if (match?.[2]?.trim()) names.add(match[2].trim());
    }
  }
  return [...names];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

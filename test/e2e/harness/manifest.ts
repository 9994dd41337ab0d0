// The extension's package.json, read where the e2e tests install it from.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "./paths";

export interface Manifest {
  name: string;
  publisher: string;
  version: string;
  contributes?: {
    languages?: { id: string; aliases?: string[]; extensions?: string[] }[];
    grammars?: { language?: string; scopeName: string; path: string }[];
    commands?: { command: string; title: string }[];
  };
}

export function readManifest(dir = process.env.MAXIMO_E2E_EXTENSION_DIR ?? repoRoot): Manifest {
  return JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as Manifest;
}

/** What the status bar shows for the `maximo` language: its first alias. */
export function languageLabel(manifest = readManifest()): string {
  const language = manifest.contributes?.languages?.find((entry) => entry.id === "maximo");
  return language?.aliases?.[0] ?? "maximo";
}

// Imported text read back the way the runner reads it: parsed by the language's parser and
// resolved by the variable resolver, so tests assert on what would be sent.
import assert from "node:assert/strict";
import { parseDocument } from "../../../server/src/language/maximo/api";
import type { ResolvedRequest } from "../../../client/src/http/types";
import { createResolver } from "../../../client/src/variables";

/**
 * Every request of `text`, resolved with `processEnv` and, as `@name = value` lines put before
 * it, `variables` (what a user adds where the import says so); fails on any parse error.
 */
export async function readBack(text: string, processEnv: Record<string, string> = {}, variables: Record<string, string> = {}): Promise<ResolvedRequest[]> {
  const document = parseDocument(Object.entries(variables).map(([name, value]) => `@${name} = ${value}\n`).join("") + text);
  const errors = document.diagnostics().filter((d) => d.severity === "error");
  assert.deepEqual(errors.map((d) => d.message), [], `the imported text parses without errors:\n${text}`);
  const resolver = createResolver({
    document,
    filePath: "/ws/imported.maximo",
    workspaceDir: "/ws",
    processEnv,
    readFile: async (path) => {
      throw Object.assign(new Error(`ENOENT ${path}`), { code: "ENOENT" });
    },
    runNamed: () => Promise.reject(new Error("no chained requests in imports")),
  });
  const out: ResolvedRequest[] = [];
  for (let i = 0; i < document.requests.length; i++) out.push(await resolver.resolve(i));
  return out;
}

export function header(request: ResolvedRequest, name: string): string | undefined {
  return request.headers.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
}

/** Fails when any of `secrets` appears in `text`. */
export function assertNoSecret(text: string, secrets: readonly string[]): void {
  for (const secret of secrets) assert.ok(!text.includes(secret), `"${secret}" must not appear in:\n${text}`);
}

// Fakes for the variable tests: an in-memory file system and a hand-made response.
import { join } from "node:path";
import { parseDocument } from "../../../server/src/language/maximo/api";
import type { ExecutedResponse } from "../../../client/src/http/types";
import { MemoryBody } from "../../../client/src/body/responseBody";
import { createResolver, type ResolverOptions } from "../../../client/src/variables";

export const WORKSPACE = "/ws";
export const FILE = join(WORKSPACE, "requests", "orders.maximo");

/** A readFile over `files` (absolute paths); a missing file fails like the real one. */
export function fakeFiles(files: Record<string, string>) {
  const reads: string[] = [];
  const readFile = async (path: string) => {
    reads.push(path);
    const text = files[path];
    if (text === undefined) throw Object.assign(new Error(`ENOENT: no such file, open '${path}'`), { code: "ENOENT" });
    return Buffer.from(text, "utf8");
  };
  return { readFile, reads };
}

export function fakeResponse(body: string, headers: Array<[string, string]> = [], status = 200, totalMs = 120): ExecutedResponse {
  const bytes = Buffer.from(body, "utf8");
  return {
    request: { method: "GET", url: new URL("http://127.0.0.1/maximo/oslc/os/x"), headers: new Map([["accept", "application/json"]]), body: Buffer.from('{"sent":{"n":1}}') },
    status,
    statusText: "OK",
    headers,
    timings: { connectMs: 1, firstByteMs: totalMs - 10, totalMs },
    size: bytes.length,
    body: new MemoryBody(bytes),
    bytes,
    text: () => body,
    json: () => JSON.parse(body) as unknown,
    attempts: 1,
  };
}

/** A resolver over `text` with in-memory files; `runs` lists the names run through runNamed. */
export function resolverFor(text: string, options: Partial<Omit<ResolverOptions, "document">> & { files?: Record<string, string>; responses?: Record<string, ExecutedResponse> } = {}) {
  const runs: string[] = [];
  const { readFile } = fakeFiles(options.files ?? {});
  const resolver = createResolver({
    document: parseDocument(text),
    filePath: FILE,
    workspaceDir: WORKSPACE,
    processEnv: {},
    readFile,
    runNamed: async (name) => {
      runs.push(name);
      const response = options.responses?.[name];
      if (!response) throw new Error(`no fake response for ${name}`);
      return response;
    },
    ...options,
  });
  return { resolver, runs };
}

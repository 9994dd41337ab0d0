/**
 * Running a script as a REST API: `GET /oslc/script/{name}?param=value` (JSON API reference §14),
 * or POST with a request body for scripts that read `requestBody`.
 */
import type { Executor } from "../http/executor";
import type { ExecutedResponse, ResolvedRequest } from "../http/types";

export interface ScriptParameter {
  key: string;
  value: string;
}

/** `site=BEDFORD&name=x` (or one per line, or comma-separated) → parameters; a sentence when malformed. */
export function parseParameters(text: string): ScriptParameter[] | string {
  const parts = text
    .split(/[&\n,]/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
  const out: ScriptParameter[] = [];
  for (const part of parts) {
    const eq = part.indexOf("=");
    if (eq <= 0) return `"${part}" is not a name=value parameter; write them as site=BEDFORD&status=APPR.`;
    out.push({ key: part.slice(0, eq).trim(), value: part.slice(eq + 1).trim() });
  }
  return out;
}

export function scriptRequest(name: string, params: readonly ScriptParameter[], body?: string): ResolvedRequest {
  return {
    line: 0,
    name: `script/${name}`,
    method: body === undefined ? "GET" : "POST",
    target: `script/${encodeURIComponent(name)}`,
    query: params.map((p) => ({ key: p.key, value: p.value })),
    headers: body === undefined ? [] : [["content-type", "application/json"]],
    ...(body === undefined ? {} : { body }),
    directives: { allPages: false, noRedirect: false },
  };
}

export async function runScript(executor: Pick<Executor, "execute">, name: string, params: readonly ScriptParameter[], options: { body?: string; signal?: AbortSignal } = {}): Promise<ExecutedResponse> {
  return executor.execute(scriptRequest(name, params, options.body), options.signal ? { signal: options.signal } : {});
}

/** Shared helpers for the executor tests: a connection to an emulator, requests, a log catcher. */
import type { ConnectionConfig, SecretSource } from "../../../client/src/connections/types";
import { createExecutor, type Executor, type ExecutorOptions } from "../../../client/src/http/executor";
import type { ResolvedRequest } from "../../../client/src/http/types";

export const emulatorApikey = "emulator-apikey";

export function apikeyConnection(url: string, name = "emu"): ConnectionConfig {
  return { name, url, apiRoot: "oslc", auth: "apikey" };
}

export const apikeySecrets: SecretSource = {
  get: async (_connection, kind) => (kind === "apikey" ? emulatorApikey : undefined),
};

export function request(method: string, target: string, extra: Partial<ResolvedRequest> = {}): ResolvedRequest {
  return { line: 0, method, target, query: [], headers: [], directives: { allPages: false, noRedirect: false }, ...extra };
}

export interface TestExecutor {
  executor: Executor;
  /** Every line the executor logged. */
  lines: string[];
}

/** An executor with fast backoff, so retry tests take milliseconds (Retry-After is still honoured). */
export function testExecutor(url: string, options: Partial<ExecutorOptions> = {}): TestExecutor {
  const lines: string[] = [];
  const executor = createExecutor({
    connection: apikeyConnection(url),
    secrets: apikeySecrets,
    log: (line) => lines.push(line),
    retry: { baseDelayMs: 10 },
    ...options,
  });
  return { executor, lines };
}

/** Asserts that none of `texts` holds `secret`, naming the first that does. */
export function assertNoSecret(secret: string, texts: Iterable<string>): void {
  for (const text of texts) {
    if (text.includes(secret)) throw new Error(`a secret leaked into: ${text.slice(0, 200)}`);
  }
}

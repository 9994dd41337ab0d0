// The Maximo emulator (dist/emulator.js) as its own process for UI tests: code-server's extension
// host reaches it over 127.0.0.1, and the test drives its /emulator/ control API.
import { join } from "node:path";
import { repoRoot } from "./paths";
import { ManagedProcess } from "./processes";

export interface EmulatorProcess {
  /** `http://127.0.0.1:PORT/maximo` */
  url: string;
  /** A call to the test-only control API (`/emulator/...`), JSON in and out. */
  control(method: string, path: string, body?: unknown): Promise<unknown>;
  /** The API requests that arrived (method, path, query, headers, body). */
  requests(): Promise<Array<{ method: string; path: string; query?: string }>>;
  stop(): Promise<void>;
}

/** Workbench settings with one connection, "emulator" (API key, /oslc), to `emulator`, the default. */
export function emulatorConnectionSettings(emulator: Pick<EmulatorProcess, "url">): Record<string, unknown> {
  return { "maximo.connections": [{ name: "emulator", url: emulator.url, apiRoot: "oslc", auth: "apikey" }], "maximo.defaultConnection": "emulator" };
}

export async function startEmulatorProcess(args: string[] = []): Promise<EmulatorProcess> {
  const process = new ManagedProcess("emulator", "node", [join(repoRoot, "dist", "emulator.js"), "--port", "0", ...args], { cwd: repoRoot });
  let url: string;
  try {
    url = (await process.waitForOutput(/listening (http:\/\/127\.0\.0\.1:\d+\/maximo)/, 30_000))[1]!;
  } catch (error) {
    // An emulator that did not come up in time must not outlive the test (it would hold the port and the e2e lock).
    await process.stop();
    throw error;
  }
  const origin = new URL(url).origin;
  const control = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${origin}/emulator/${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`emulator control ${method} ${path}: HTTP ${response.status} ${text}`);
    return text === "" ? undefined : JSON.parse(text);
  };
  return {
    url,
    control,
    requests: async () => {
      const log = (await control("GET", "log")) as unknown;
      return (Array.isArray(log) ? log : ((log as { requests?: unknown[] }).requests ?? [])) as Array<{ method: string; path: string; query?: string }>;
    },
    stop: () => process.stop(),
  };
}

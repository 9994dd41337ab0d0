/**
 * Test support for client/src/auth: a minimal AuthFetch over node:http (no redirects followed,
 * each Set-Cookie kept as its own header, as the executor's transport does), secrets in memory,
 * connections to an emulator, and `call()`, which runs a request the way the executor does:
 * authorize, send, observe, and on an expired session invalidate and send once more.
 */
import { request as httpRequest } from "node:http";
import type { AuthFetch, Authenticator } from "../../../client/src/auth/types";
import type { AuthType, ConnectionConfig, SecretKind, SecretSource } from "../../../client/src/connections/types";
import type { OutgoingRequest } from "../../../client/src/http/types";
import type { EmulatorHandle } from "../../../emulator/index";

export type WireResponse = Awaited<ReturnType<AuthFetch>>;

export const nodeFetch: AuthFetch = (request, signal) =>
  new Promise((resolve, reject) => {
    const headers: Record<string, string> = Object.fromEntries(request.headers);
    if (request.body) headers["content-length"] = String(request.body.length);
    const req = httpRequest(request.url, { method: request.method, headers, signal }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("error", reject);
      res.on("end", () => {
        const pairs: Array<[string, string]> = [];
        for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) pairs.push([res.rawHeaders[i]!.toLowerCase(), res.rawHeaders[i + 1]!]);
        resolve({ status: res.statusCode ?? 0, headers: pairs, text: Buffer.concat(chunks).toString("utf8") });
      });
    });
    req.on("error", reject);
    req.end(request.body);
  });

/** An AuthFetch that also records every request the authenticator sent itself. */
export function recordingFetch(sent: OutgoingRequest[] = []): { fetch: AuthFetch; sent: OutgoingRequest[] } {
  return { sent, fetch: (request, signal) => (sent.push(request), nodeFetch(request, signal)) };
}

export class MemorySecrets implements SecretSource {
  readonly reads: Array<[string, SecretKind]> = [];
  constructor(private readonly values: Partial<Record<SecretKind, string>> = {}) {}
  async get(connection: string, kind: SecretKind): Promise<string | undefined> {
    this.reads.push([connection, kind]);
    return this.values[kind];
  }
  set(kind: SecretKind, value: string | undefined): void {
    this.values[kind] = value;
  }
}

export const emulatorSecrets = () => new MemorySecrets({ apikey: "emulator-apikey", password: "maxadmin", clientSecret: "workbench-secret" });

export function connectionTo(emu: EmulatorHandle, auth: AuthType, extra: Partial<ConnectionConfig> = {}): ConnectionConfig {
  return { name: `emu-${auth}`, url: emu.url, apiRoot: "auto", auth, user: "maxadmin", clientId: "workbench", ...extra };
}

export function outgoing(method: string, url: string, body?: unknown): OutgoingRequest {
  const headers = new Map([["accept", "application/json"]]);
  if (body !== undefined) headers.set("content-type", "application/json");
  return { method, url: new URL(url), headers, body: body === undefined ? undefined : Buffer.from(JSON.stringify(body), "utf8") };
}

/** One request as the executor runs it: at most one re-login when the response says the login is gone. */
export async function call(auth: Authenticator, build: () => OutgoingRequest, fetch: AuthFetch = nodeFetch): Promise<WireResponse & { relogged: boolean }> {
  let request = build();
  await auth.authorize(request);
  let response = await fetch(request);
  auth.observe(request, response);
  if (!auth.isExpired({ status: response.status, text: response.text })) return { ...response, relogged: false };
  auth.invalidate();
  request = build();
  await auth.authorize(request);
  response = await fetch(request);
  auth.observe(request, response);
  return { ...response, relogged: true };
}

export async function whoami(auth: Authenticator, url: string, fetch?: AuthFetch): Promise<{ status: number; user?: string; relogged: boolean }> {
  const response = await call(auth, () => outgoing("GET", url), fetch);
  const body = response.status === 200 ? (JSON.parse(response.text) as { userid?: string }) : {};
  return { status: response.status, user: body.userid, relogged: response.relogged };
}

/** Requests in the emulator's log whose path ends with `suffix` (login endpoints). */
export const logged = (emu: EmulatorHandle, suffix: string) => emu.log.list().filter((r) => r.path.endsWith(suffix));

/** Every string a test could show a user: messages, stacks and the emulator's view of our requests stay apart. */
export async function errorOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`expected an Error, got ${String(error)}`);
  }
  throw new Error("expected a rejection");
}

/** Asserts helper: no secret (nor its base64 or URL-encoded form) appears in `text`. */
export function leakedSecrets(text: string, secrets: readonly string[]): string[] {
  const forms = secrets.flatMap((s) => [s, encodeURIComponent(s), Buffer.from(s).toString("base64")]);
  return forms.filter((s) => s.length >= 3 && text.includes(s));
}

/**
 * secrets(): every secret and derived value an authenticator sent (PRODUCT.md: secrets never
 * appear in logs, errors or history, so the executor must know them all to mask them). The
 * emulator's request log shows what actually went on the wire; each credential found there must
 * be in secrets(), and no error message may contain any of them.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createAuthenticator } from "../../../client/src/auth/index";
import type { AuthType } from "../../../client/src/connections/types";
import { startEmulator, type EmulatorHandle } from "../../../emulator/index";
import { call, connectionTo, emulatorSecrets, errorOf, leakedSecrets, MemorySecrets, nodeFetch, outgoing, whoami } from "./support";

let emu: EmulatorHandle;
before(async () => {
  emu = await startEmulator({ port: 0, options: { workOrders: 10, requireCsrf: true } });
});
after(() => emu.close());

/** The credential values in our requests as the emulator logged them. */
function wireCredentials(): string[] {
  const values: string[] = [];
  for (const entry of emu.log.list()) {
    const h = entry.headers;
    if (h["apikey"]) values.push(h["apikey"]);
    if (h["maxauth"]) values.push(h["maxauth"]);
    if (h["csrftoken"]) values.push(h["csrftoken"]);
    if (h["authorization"]) values.push(h["authorization"].replace(/^\S+\s+/, ""));
    for (const pair of (h["cookie"] ?? "").split(";")) if (pair.includes("=")) values.push(pair.slice(pair.indexOf("=") + 1).trim());
    const form = new URLSearchParams(entry.body);
    for (const field of ["j_password", "client_secret"]) if (form.get(field)) values.push(form.get(field)!);
  }
  return values.filter((v) => v.length > 0);
}

const tokenUrl = () => `http://127.0.0.1:${emu.port}/auth/realms/mas/protocol/openid-connect/token`;
const expected: Record<Exclude<AuthType, "none">, string[]> = {
  apikey: ["emulator-apikey"],
  basic: ["maxadmin", Buffer.from("maxadmin:maxadmin").toString("base64")],
  maxauth: ["maxadmin", Buffer.from("maxadmin:maxadmin").toString("base64")],
  form: ["maxadmin"],
  session: ["maxadmin", Buffer.from("maxadmin:maxadmin").toString("base64")],
  oauth: ["workbench-secret"],
};

for (const method of Object.keys(expected) as Array<keyof typeof expected>) {
  test(`${method}: secrets() holds every credential that went on the wire, across a re-login`, async () => {
    emu.log.clear();
    const auth = createAuthenticator(connectionTo(emu, method, { tokenUrl: tokenUrl(), csrf: true }), emulatorSecrets(), nodeFetch);
    const root = method === "apikey" ? "api" : "oslc";
    await whoami(auth, `${emu.url}/${root}/whoami`);
    emu.expireSessions();
    await whoami(auth, `${emu.url}/${root}/whoami`);
    await call(auth, () => outgoing("POST", `${emu.url}/${root}/os/mxapiasset?lean=1`, { assetnum: `SEC${method.toUpperCase()}`, siteid: "BEDFORD" }));
    const secrets = auth.secrets();
    for (const value of [...expected[method], ...wireCredentials()]) assert.ok(secrets.includes(value), `${method}: ${value.slice(0, 4)}... is missing from secrets()`);
  });
}

test("failure messages contain no secret, whatever went wrong", async () => {
  const password = "Sup3r-Secret&pw";
  const failures: Error[] = [];
  for (const method of ["basic", "maxauth", "form", "session"] as const) {
    const auth = createAuthenticator(connectionTo(emu, method), new MemorySecrets({ password }), nodeFetch);
    failures.push(await errorOf(whoami(auth, `${emu.url}/oslc/whoami`)));
    assert.ok(auth.secrets().includes(password));
  }
  const oauth = createAuthenticator(connectionTo(emu, "oauth", { tokenUrl: tokenUrl() }), new MemorySecrets({ clientSecret: password }), nodeFetch);
  failures.push(await errorOf(whoami(oauth, `${emu.url}/oslc/whoami`)));
  for (const error of failures) assert.deepEqual(leakedSecrets(`${error.message}\n${error.stack ?? ""}`, [password, `maxadmin:${password}`]), [], error.message);
});

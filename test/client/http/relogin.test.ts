/**
 * Session expiry through the executor (PRODUCT.md: sessions expire, API keys do not; issue 5):
 * after the server ends a login session, the next request logs in once more and is repeated,
 * and the password never shows in what the executor logs or returns.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { ConnectionConfig, SecretSource } from "../../../client/src/connections/types";
import { createExecutor } from "../../../client/src/http/executor";
import { toCurl } from "../../../client/src/http/curl";
import { startEmulator, type EmulatorHandle } from "../../../emulator/index";
import { assertNoSecret, request } from "./support";

const password = "maxadmin";
let emu: EmulatorHandle;
before(async () => {
  emu = await startEmulator({ port: 0 });
});
after(async () => {
  await emu.close();
});

const secrets: SecretSource = { get: async (_c, kind) => (kind === "password" ? password : undefined) };

function loginCount(): number {
  return emu.log.list().filter((e) => /\/(login|j_security_check)$/.test(e.path)).length;
}

// MAXAUTH and Basic send their credentials on every request (reference §2.1, §2.2.1), so the
// server re-authenticates them without a new login; session and form logins must log in again.
const expectedLogins = { session: 1, form: 1, maxauth: 0 } as const;

for (const auth of ["session", "maxauth", "form"] as const) {
  test(`${auth}: an expired session costs ${expectedLogins[auth]} new login(s) and the GET succeeds`, async () => {
    const connection: ConnectionConfig = { name: `emu-${auth}`, url: emu.url, apiRoot: "oslc", auth, user: "maxadmin" };
    const lines: string[] = [];
    const executor = createExecutor({ connection, secrets, log: (line) => lines.push(line) });
    try {
      const whoami = request("GET", "whoami");
      assert.equal((await executor.execute(whoami)).status, 200);
      const loginsBefore = loginCount();
      emu.expireSessions();
      const again = await executor.execute(whoami);
      assert.equal(again.status, 200, again.text());
      assert.equal(loginCount() - loginsBefore, expectedLogins[auth], "logins after expiry");
      assert.equal((await executor.execute(whoami)).status, 200);
      assert.equal(loginCount() - loginsBefore, expectedLogins[auth], "the new session is reused");
      const maxauth = Buffer.from(`maxadmin:${password}`).toString("base64");
      assertNoSecret(maxauth, [...lines, toCurl(again.request), JSON.stringify([...again.request.headers])]);
    } finally {
      executor.close();
    }
  });
}

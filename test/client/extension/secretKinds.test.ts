/**
 * The secret each sign-in needs, checked against what the authenticators (client/src/auth) really
 * ask their SecretSource for, so the extension asks for and stores the one that will be read.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { createAuthenticator } from "../../../client/src/auth/index";
import type { AuthType, ConnectionConfig, SecretKind } from "../../../client/src/connections/types";
import { needsUser, parseSecretStorageKey, secretKindOf, secretStorageKey } from "../../../client/src/extension/connections/secretKinds";

const AUTH_TYPES: AuthType[] = ["apikey", "basic", "maxauth", "form", "session", "oauth", "none"];

/** The kinds an authenticator reads when it first authorizes a request (no server answers: 127.0.0.1:9 refuses). */
async function kindsRead(auth: AuthType): Promise<SecretKind[]> {
  const read: SecretKind[] = [];
  const connection: ConnectionConfig = { name: "probe", url: "http://127.0.0.1:9/maximo", apiRoot: "auto", auth, user: "wilson", clientId: "cid", tokenUrl: "http://127.0.0.1:9/token" };
  const authenticator = createAuthenticator(connection, { get: async (_name, kind) => void read.push(kind) as undefined }, async () => {
    throw new Error("no network in this test");
  });
  await authenticator.authorize({ method: "GET", url: new URL("http://127.0.0.1:9/maximo/oslc/whoami"), headers: new Map() }).catch(() => undefined);
  return read;
}

describe("secret kinds", () => {
  for (const auth of AUTH_TYPES) {
    test(`${auth}: the extension stores the secret the authenticator reads`, async () => {
      const kind = secretKindOf(auth);
      assert.deepEqual(await kindsRead(auth), kind ? [kind] : []);
    });
  }

  test("the user name is asked for exactly the sign-ins that read a password", () => {
    assert.deepEqual(AUTH_TYPES.filter(needsUser), ["basic", "maxauth", "form", "session"]);
  });

  test("storage keys are per connection and kind, and read back for any name", () => {
    for (const name of ["dev", "prod/eu", "a b%c", "x/apikey"]) {
      const key = secretStorageKey(name, "password");
      assert.deepEqual(parseSecretStorageKey(key), { connection: name, kind: "password" });
    }
    assert.notEqual(secretStorageKey("dev", "apikey"), secretStorageKey("dev", "password"));
    assert.equal(parseSecretStorageKey("other.extension/key"), undefined);
    assert.equal(parseSecretStorageKey("maximo.connection/dev/token"), undefined);
  });
});

// Which variable, header and field names look secret (client/src/environments/secretNames.ts):
// the hover, redaction, import and Copy as curl all ask it.
import assert from "node:assert/strict";
import { test } from "node:test";
import { looksSecret } from "../../../client/src/environments/secretNames";

test("secret-looking names, as Maximo developers and tools write them, and names that only contain the letters", () => {
  const secret = ["apikey", "x-api-key", "password", "passwordinput", "MAXIMO_PASSWORD", "mxpass", "_lpwd", "client_secret", "access_token", "x-auth-token", "maxauth", "JSESSIONID", "cookie", "jwt", "MAXIMO_BASIC", "pw", "ADMIN_PW", "x-pw", "x-auth", "private_key"];
  const plain = ["site", "siteid", "wonum", "host", "passenger", "author", "oauth2", "pwrating", "basicinfo", "x-session-idle", "description"];
  assert.deepEqual(secret.filter((name) => !looksSecret(name)), []);
  assert.deepEqual(plain.filter((name) => looksSecret(name)), []);
});

// Issue 5, "Secrets": every example is run through `maximo run --verbose --out` with each
// authentication method, and no secret — the configured ones, their Basic/MAXAUTH encodings,
// and every token and session cookie the emulator saw on the wire — appears in stdout, stderr or
// the files written.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { runCli } from "../../client/src/cli/main";
import { defaultOptions } from "../../emulator/emulator";
import { startEmulator, type EmulatorHandle } from "../../emulator/index";

const root = process.env.MAXIMO_WORKBENCH_ROOT ?? process.cwd();
const PASSWORD = "s3cret-Pass-for-sweep";
const APIKEY = "sweep-apikey-0123456789";
const CLIENT_SECRET = "sweep-client-secret-42";
let emu: EmulatorHandle;

before(async () => {
  const options = defaultOptions();
  options.credentials.users = { MAXADMIN: PASSWORD };
  options.credentials.apikeys = { [APIKEY]: "MAXADMIN" };
  options.credentials.oauthClients = { workbench: CLIENT_SECRET };
  emu = await startEmulator({ port: 0, options });
});
after(() => emu.close());

/** Credential values that crossed the wire, read from the emulator's request log. */
function wireSecrets(): string[] {
  const found = new Set<string>();
  for (const entry of emu.log.list()) {
    const headers = entry.headers as Record<string, string | undefined>;
    const authorization = headers.authorization?.replace(/^(Basic|Bearer)\s+/i, "");
    if (authorization) found.add(authorization);
    if (headers.maxauth) found.add(headers.maxauth);
    if (headers.csrftoken) found.add(headers.csrftoken);
    for (const cookie of (headers.cookie ?? "").split(";")) {
      const value = cookie.split("=").slice(1).join("=").trim();
      if (value.length >= 8) found.add(value);
    }
  }
  return [...found];
}

const methods: Array<[string, Record<string, string>]> = [
  ["apikey", { MAXIMO_APIKEY: APIKEY }],
  ["maxauth", { MAXIMO_AUTH: "maxauth", MAXIMO_USER: "maxadmin", MAXIMO_PASSWORD: PASSWORD }],
  ["basic", { MAXIMO_AUTH: "basic", MAXIMO_USER: "maxadmin", MAXIMO_PASSWORD: PASSWORD }],
  ["session", { MAXIMO_AUTH: "session", MAXIMO_USER: "maxadmin", MAXIMO_PASSWORD: PASSWORD }],
  ["form", { MAXIMO_AUTH: "form", MAXIMO_USER: "maxadmin", MAXIMO_PASSWORD: PASSWORD }],
  ["oauth", { MAXIMO_AUTH: "oauth", MAXIMO_CLIENT_ID: "workbench", MAXIMO_CLIENT_SECRET: CLIENT_SECRET }],
];

for (const [method, env] of methods) {
  test(`${method}: every example passes and no secret is printed or written (--verbose --out)`, async () => {
    emu.log.clear();
    const out = mkdtempSync(join(tmpdir(), `maximo-secrets-${method}-`));
    const printed: string[] = [];
    const issuer = `${new URL(emu.url).origin}/auth/realms/mas`;
    const code = await runCli(
      ["run", join(root, "examples"), "--connection", emu.url, "--verbose", "--out", out],
      (t) => printed.push(t),
      (t) => printed.push(t),
      { env: { ...env, MAXIMO_ISSUER: issuer }, cwd: root, progress: (t) => printed.push(t) },
    );
    const text = printed.join("\n");
    assert.equal(code, 0, text);
    const files = readdirSync(out).map((name) => readFileSync(join(out, name), "utf8"));
    const secrets = [APIKEY, PASSWORD, CLIENT_SECRET, Buffer.from(`maxadmin:${PASSWORD}`).toString("base64"), ...wireSecrets()];
    assert.ok(secrets.length > 4 || method === "apikey", `the log showed no credentials for ${method}`);
    for (const secret of secrets) {
      for (const [where, content] of [["output", text], ...files.map((f, i) => [`file ${i}`, f])] as const) {
        assert.ok(!content.includes(secret), `${method}: a secret (${secret.slice(0, 4)}…) appears in ${where}`);
      }
    }
  });
}

test("secret variables' values (env file, file variable, $processEnv, a chained token) are masked in --verbose, errors, expectations, --server-log files and JUnit", async () => {
  // Found by an audit: only the connection's own secrets were known, so `x-maximo-password: {{password}}` printed in clear.
  const dir = mkdtempSync(join(tmpdir(), "maximo-secret-vars-"));
  const ENV_PASSWORD = "EnvPw-4711-never";
  const FILE_TOKEN = "FileTok-8812-never";
  const PROCESS_TOKEN = "ProcTok-9923-never";
  writeFileSync(join(dir, "maximo.env.json"), JSON.stringify({ dev: { password: ENV_PASSWORD } }));
  writeFileSync(
    join(dir, "vars.maximo"),
    [
      `@token = ${FILE_TOKEN}`,
      "### whoami",
      "# @expect status 299",
      "GET /maximo/oslc/whoami?pw={{password}}&t={{token}}",
      "x-maximo-password: {{password}}",
      "x-custom: {{$processEnv MAXIMO_TOKEN}}",
      "",
      "### closed port",
      "GET http://127.0.0.1:9/maximo/oslc/whoami?pw={{password}}&t={{$processEnv MAXIMO_TOKEN}}",
      "",
    ].join("\n"),
  );
  const out = join(dir, "out");
  const printed: string[] = [];
  await runCli(
    ["run", join(dir, "vars.maximo"), "--connection", emu.url, "--env", "dev", "--verbose", "--out", out, "--junit", join(dir, "j.xml"), "--server-log"],
    (t) => printed.push(t),
    (t) => printed.push(t),
    { env: { MAXIMO_APIKEY: APIKEY, MAXIMO_TOKEN: PROCESS_TOKEN }, cwd: dir, progress: (t) => printed.push(t) },
  );
  const text = printed.join("\n");
  assert.match(text, /x-maximo-password: \*\*\*\*\*/, text);
  const written = [text, readFileSync(join(dir, "j.xml"), "utf8"), ...readdirSync(out).filter((name) => !name.endsWith(".json")).map((name) => readFileSync(join(out, name), "utf8"))];
  for (const secret of [ENV_PASSWORD, FILE_TOKEN, PROCESS_TOKEN, APIKEY]) {
    for (const content of written) assert.ok(!content.includes(secret) && !content.includes(encodeURIComponent(secret)), `${secret} appears in:\n${content}`);
  }
});

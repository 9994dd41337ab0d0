/**
 * "Try on the Local Emulator", VS Code-free half: the shipped emulator bundle as a child process on
 * a loopback port that accepts the random key it was started with, stops when asked, and reports
 * a start failure as a sentence; the examples copied without overwriting the user's edits.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { LOCAL_EMULATOR_COMMANDS } from "../../../client/src/extension/localEmulator/commandIds";
import { copyExamples, FIRST_EXAMPLE } from "../../../client/src/localEmulator/exampleFiles";
import { startLocalEmulator } from "../../../client/src/localEmulator/emulatorChild";

const root = process.env.MAXIMO_WORKBENCH_ROOT ?? process.cwd();
const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));

function emulatorBundle(): string {
  const bundle = join(root, "dist", "emulator.js");
  if (!existsSync(bundle)) execFileSync(process.execPath, [join(root, "esbuild.mjs")], { cwd: root, stdio: "ignore" });
  return bundle;
}

test("the local emulator's command ids are contributed, in category Maximo, and the walkthrough runs the try command", () => {
  const commands = manifest.contributes.commands as Array<{ command: string; category?: string }>;
  for (const id of Object.values(LOCAL_EMULATOR_COMMANDS)) {
    const entry = commands.find((command) => command.command === id);
    assert.ok(entry, `${id} is not in package.json`);
    assert.equal(entry.category, "Maximo");
  }
  const walkthrough = (manifest.contributes.walkthroughs as Array<{ steps: Array<{ description: string; media: { markdown?: string } }> }>)[0]!;
  assert.ok(walkthrough.steps.some((step) => step.description.includes(`command:${LOCAL_EMULATOR_COMMANDS.tryLocal}`)));
  for (const step of walkthrough.steps) assert.ok(existsSync(join(root, step.media.markdown!)), `${step.media.markdown} exists`);
  const ignore = readFileSync(join(root, ".vscodeignore"), "utf8");
  for (const shipped of ["!dist/*.js", "!examples/**", "!media/**"]) assert.ok(ignore.includes(shipped), `.vscodeignore lets ${shipped} into the .vsix`);
});

test("the shipped emulator starts on 127.0.0.1, accepts only its own random key, and stops", { timeout: 60_000 }, async () => {
  const apikey = "local-emulator-test-key-" + process.pid;
  const emulator = await startLocalEmulator(emulatorBundle(), { apikey });
  try {
    assert.match(emulator.url, /^http:\/\/127\.0\.0\.1:\d+\/maximo$/);
    const whoami = await fetch(`${emulator.url}/oslc/whoami`, { headers: { apikey } });
    assert.equal(whoami.status, 200);
    assert.equal(((await whoami.json()) as { userName?: string }).userName, "MAXADMIN");
    const wrongKey = await fetch(`${emulator.url}/oslc/whoami`, { headers: { apikey: "not-" + apikey } });
    assert.equal(wrongKey.status, 401);
  } finally {
    await emulator.stop();
  }
  await assert.rejects(fetch(`${emulator.url}/oslc/whoami`, { headers: { apikey } }), "nothing listens after stop()");
});

test("a start failure is a sentence, not a hang", { timeout: 30_000 }, async () => {
  const broken = join(mkdtempSync(join(tmpdir(), "mxwb-emu-")), "broken.js");
  writeFileSync(broken, "process.stderr.write('boom: no data\\n'); process.exit(3);\n");
  await assert.rejects(startLocalEmulator(broken, { apikey: "k" }), /The local emulator did not start: it exited with code 3 \(boom: no data\)/);
});

test("the examples are copied with the first example first, and a user's edited copy is kept", async () => {
  const target = mkdtempSync(join(tmpdir(), "mxwb-examples-"));
  const files = await copyExamples(join(root, "examples"), target);
  assert.equal(files[0], join(target, FIRST_EXAMPLE));
  for (const name of readdirSync(join(root, "examples"))) assert.ok(existsSync(join(target, name)), `${name} copied`);
  assert.ok(existsSync(join(target, "scripts", "MXWB_GREETING.py")), "the script to deploy is copied");
  writeFileSync(join(target, FIRST_EXAMPLE), "GET whoami\n");
  await copyExamples(join(root, "examples"), target);
  assert.equal(readFileSync(join(target, FIRST_EXAMPLE), "utf8"), "GET whoami\n");
});

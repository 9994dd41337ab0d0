// `npm run demo`: starts the emulator (dist/emulator.js) on a free port, runs every example
// through the CLI against it, streams the output, stops the emulator and exits with the CLI's code.
import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";

const root = new URL("..", import.meta.url).pathname;
const examples = readdirSync(join(root, "examples"))
  .filter((name) => name.endsWith(".maximo"))
  .sort()
  .map((name) => join("examples", name));

/** Resolves with the emulator's URL from its first line (`listening http://127.0.0.1:PORT/maximo`). */
function startEmulator() {
  const child = spawn(process.execPath, [join(root, "dist", "emulator.js"), "--port", "0"], { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`the emulator exited with code ${code} before it listened`)));
    createInterface({ input: child.stdout }).once("line", (line) => {
      const match = /^listening (http:\/\/127\.0\.0\.1:\d+\/maximo)$/.exec(line);
      if (match) resolve({ child, url: match[1] });
      else reject(new Error(`the emulator printed "${line}" instead of its URL`));
    });
  });
}

function stop(child) {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", resolve);
    child.kill("SIGTERM");
  });
}

const { child, url } = await startEmulator();
let code = 1;
try {
  console.log(`Maximo emulator at ${url}\n$ maximo run ${examples.join(" ")} --connection ${url}\n`);
  const cli = spawn(process.execPath, [join(root, "dist", "cli.js"), "run", ...examples, "--connection", url], {
    cwd: root,
    stdio: "inherit",
    // The emulator's documented test key; a real server's key would come from the environment.
    env: { ...process.env, MAXIMO_APIKEY: "emulator-apikey" },
  });
  code = await new Promise((resolve) => cli.once("exit", (exitCode) => resolve(exitCode ?? 1)));
} finally {
  await stop(child);
}
process.exit(code);

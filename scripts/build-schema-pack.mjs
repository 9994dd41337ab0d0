// Builds the offline schema pack (server/schema-pack/) from the emulator's metadata, in the
// cache-folder layout the schema store reads: apimeta.json and jsonschemas/<name>.json, as the
// emulator sends them, so the pack goes through the same parser as a real cache. One change:
// the emulator's origin (a random port) becomes http://localhost in every href, so two builds
// give the same bytes and the pack names no port that means nothing elsewhere.
//   node scripts/build-schema-pack.mjs [--out DIR]
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";

const root = new URL("..", import.meta.url).pathname;
const emulatorJs = join(root, "dist", "emulator.js");
const outAt = process.argv.indexOf("--out");
const packDir = outAt >= 0 && process.argv[outAt + 1] ? resolve(process.argv[outAt + 1]) : join(root, "server", "schema-pack");
// What the hrefs say instead of the emulator's origin; IBM's own test data uses the same form.
const NEUTRAL_ORIGIN = "http://localhost";
const headers = { apikey: "emulator-apikey", accept: "application/json" };
// The structures the pack must have; anything else apimeta lists comes along too.
const wanted = ["mxapiwodetail", "mxapiasset", "mxapilocations", "mxapisr", "mxapiperson", "mxapipo", "mxapiautoscript", "mxscript"];

function newestMtime(dir) {
  return readdirSync(dir, { withFileTypes: true }).reduce((newest, entry) => {
    const path = join(dir, entry.name);
    const time = entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs;
    return Math.max(newest, time);
  }, 0);
}

// Rebuild when the bundle is missing or older than the emulator's sources.
if (!existsSync(emulatorJs) || statSync(emulatorJs).mtimeMs < newestMtime(join(root, "emulator"))) {
  const build = spawnSync(process.execPath, ["esbuild.mjs"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) throw new Error("node esbuild.mjs failed");
}

const child = spawn(process.execPath, [emulatorJs, "--port", "0"], { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
try {
  const base = await listeningUrl(child);
  const origin = new URL(base).origin;
  const neutral = (buffer) => {
    const text = buffer.toString("utf8").split(origin).join(NEUTRAL_ORIGIN);
    if (text.includes(new URL(base).host)) throw new Error(`${new URL(base).host} is still in a response after the href rewrite`);
    return Buffer.from(text, "utf8");
  };
  const apimeta = neutral(await get(`${base}/oslc/apimeta`));
  const listed = JSON.parse(apimeta.toString("utf8")).map((entry) => String(entry.name).toLowerCase());
  const missing = wanted.filter((name) => !listed.includes(name));
  if (missing.length > 0) throw new Error(`apimeta does not list ${missing.join(", ")}`);

  rmSync(packDir + "/jsonschemas", { recursive: true, force: true });
  mkdirSync(join(packDir, "jsonschemas"), { recursive: true });
  writeFileSync(join(packDir, "apimeta.json"), apimeta);
  for (const name of listed) {
    const schema = neutral(await get(`${base}/oslc/jsonschemas/${name}?oslc.select=*`));
    writeFileSync(join(packDir, "jsonschemas", `${name}.json`), schema);
  }
  console.log(`schema pack: apimeta + ${listed.length} schemas in ${packDir}`);
} finally {
  child.kill();
}

/** The emulator's first stdout line: `listening http://127.0.0.1:PORT/maximo`. */
function listeningUrl(proc) {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: proc.stdout });
    lines.once("line", (line) => {
      const match = /^listening (\S+)/.exec(line);
      if (match) resolve(match[1]);
      else reject(new Error(`unexpected emulator output: ${line}`));
    });
    proc.once("exit", (code) => reject(new Error(`emulator exited with ${code}`)));
  });
}

async function get(url) {
  const response = await fetch(url, { headers });
  if (!response.ok) throw new Error(`GET ${url}: ${response.status}`);
  return Buffer.from(await response.arrayBuffer());
}

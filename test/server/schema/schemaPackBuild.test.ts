// The offline pack is reproducible: two builds from the emulator give the same bytes, no file
// names the emulator's random port, and the shipped pack is what a build gives today.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { packDir } from "./fixtures";

const root = process.env.MAXIMO_WORKBENCH_ROOT ?? process.cwd();

function build(out: string): void {
  const result = spawnSync(process.execPath, [join(root, "scripts", "build-schema-pack.mjs"), "--out", out], { cwd: root, encoding: "utf8" });
  assert.equal(result.status, 0, result.stderr);
}

/** Relative path → bytes of every file of a pack folder. */
function files(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>([["apimeta.json", readFileSync(join(dir, "apimeta.json"))]]);
  for (const name of readdirSync(join(dir, "jsonschemas")).sort()) out.set(`jsonschemas/${name}`, readFileSync(join(dir, "jsonschemas", name)));
  return out;
}

test("two builds of the schema pack are byte for byte the same, and match the shipped pack", (t) => {
  const work = mkdtempSync(join(tmpdir(), "schema-pack-build-"));
  t.after(() => rmSync(work, { recursive: true, force: true }));
  build(join(work, "first"));
  build(join(work, "second"));
  const first = files(join(work, "first"));
  const second = files(join(work, "second"));
  assert.ok(first.size > 10, `${first.size} files`);
  assert.deepEqual([...second.keys()], [...first.keys()]);
  for (const [name, bytes] of first) {
    assert.ok(bytes.equals(second.get(name)!), `${name} differs between two builds`);
    assert.doesNotMatch(bytes.toString("utf8"), /127\.0\.0\.1|localhost:\d+/, `${name} names a port`);
  }
  assert.match(first.get("jsonschemas/mxapiwodetail.json")!.toString("utf8"), /"\$ref":"http:\/\/localhost\/maximo\/oslc\/jsonschemas\/mxapiwodetail"/);

  const shipped = files(packDir);
  assert.deepEqual([...shipped.keys()], [...first.keys()]);
  for (const [name, bytes] of first) {
    assert.ok(bytes.equals(shipped.get(name)!), `server/schema-pack/${name} is not what a build gives today: run node scripts/build-schema-pack.mjs`);
  }
});

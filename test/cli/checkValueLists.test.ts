// `maximo check --schemas DIR` reads the folder's value lists (`lists/<os>/<attr>.json`, each a
// `getlist~attr` answer, reference §10) through the same store as the language server.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { listsFolder } from "../server/schema/valueListFixture";

const root = process.env.MAXIMO_WORKBENCH_ROOT ?? process.cwd();

test("check --schemas DIR: an unlisted value is a warning naming the nearest; listed values and variables pass", (t) => {
  const folder = listsFolder();
  t.after(folder.remove);
  const file = join(folder.dir, "requests.maximo");
  writeFileSync(
    file,
    [
      "@st = APPR",
      'GET os/mxapiwodetail?lean=1&oslc.where=status="APPROVED" and wplabor.craft in ["MECH","{{st}}"]',
      "",
      "###",
      "POST os/mxapiwodetail?lean=1",
      "",
      '{"siteid": "BEDFORD", "status": "{{st}}", "wplabor": [{"craft": "PLUMBER"}]}',
      "",
    ].join("\n"),
  );
  const result = spawnSync(process.execPath, [join(root, "dist", "cli.js"), "check", file, "--schemas", folder.dir, "--format", "json"], { encoding: "utf8" });
  // Warnings only: the exit code stays 0.
  assert.equal(result.status, 0, result.stderr + result.stdout);
  const found = JSON.parse(result.stdout) as Array<{ code: string; severity: string; line: number; character: number; message: string }>;
  const values = found.filter((d) => d.code === "schema.unlisted-value");
  assert.deepEqual(values.map((d) => [d.severity, d.line, d.character]), [
    ["warning", 1, 47],
    ["warning", 6, 65],
  ]);
  assert.match(values[0]!.message, /`APPROVED` is not in the value list of `status`\. Did you mean `APPR` \(Approved\)\?/);
  assert.match(values[1]!.message, /`PLUMBER` is not in the value list of `craft`/);

  const text = spawnSync(process.execPath, [join(root, "dist", "cli.js"), "check", file, "--schemas", folder.dir], { encoding: "utf8" });
  assert.match(text.stdout, /requests\.maximo:2:48 warning schema\.unlisted-value `APPROVED` is not in the value list/);
});

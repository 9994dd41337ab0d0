// readTextFile reads what readFileSync(path, "utf8") reads, whatever the bytes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readTextFile } from "../../client/src/cli/textFile";

test("readTextFile equals readFileSync(path, 'utf8'): ASCII, BOM, accents, emoji, broken UTF-8, NUL, empty", () => {
  const dir = mkdtempSync(join(tmpdir(), "maximo-text-file-"));
  const samples: Buffer[] = [
    Buffer.from('GET os/mxapiasset?oslc.where=status="APPR"\r\n\r\n', "utf8"),
    Buffer.from("\uFEFF### Bâtiment Ä\nGET os/mxapiwo\n", "utf8"),
    Buffer.from("# 🚀 naïve — 日本語\n", "utf8"),
    Buffer.from([0x47, 0x45, 0x54, 0x20, 0xc3, 0x28, 0xff, 0xfe, 0x0a, 0xe2, 0x82]),
    Buffer.from([0x00, 0x41, 0x7f, 0x0a]),
    Buffer.alloc(0),
  ];
  samples.forEach((bytes, i) => {
    const path = join(dir, `sample${i}.maximo`);
    writeFileSync(path, bytes);
    assert.equal(readTextFile(path), readFileSync(path, "utf8"), `sample ${i}`);
  });
});

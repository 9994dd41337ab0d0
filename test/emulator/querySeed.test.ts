import { test } from "node:test";
import assert from "node:assert/strict";
import { buildMetadata } from "../../emulator/data/metadata";
import { seedStore } from "../../emulator/data/seed";
import { defaultOptions, type Emulator } from "../../emulator/emulator";
import { queryCollection } from "../../emulator/query/index";
import { Store } from "../../emulator/store/store";
import { bodyOf, request, woCollection } from "./fixtures/queryFixture";

function seeded(): Emulator {
  const metadata = buildMetadata();
  const store = new Store(metadata);
  seedStore(store);
  return { options: defaultOptions(), metadata, store, now: () => Date.parse("2026-03-15T12:00:00Z") };
}

test("JSON API reference §5: the seed's work orders filter by status and dot path as counted by hand", async () => {
  const emu = seeded();
  const all = emu.store.rows("workorder");
  const appr = all.filter((r) => r.status === "APPR").length;
  const body = (await bodyOf(await queryCollection(request([["count", "1"], ["oslc.where", 'status="APPR"']]), emu, woCollection(emu)))) as { totalCount: number };
  assert.equal(body.totalCount, appr);
  assert.ok(appr > 0);
  const operating = all.filter((r) => emu.store.related("workorder", r, "location").some((l) => l.status === "OPERATING")).length;
  const viaPath = (await bodyOf(await queryCollection(request([["count", "1"], ["oslc.where", 'location.status="OPERATING"']]), emu, woCollection(emu)))) as { totalCount: number };
  assert.equal(viaPath.totalCount, operating);
});

test("JSON API reference §21.2: every seeded saved query parses and runs", async () => {
  const emu = seeded();
  for (const os of emu.metadata.objectStructures.values()) {
    for (const q of os.savedQueries) {
      const href = `http://127.0.0.1:9/maximo/api/os/${os.name}`;
      const reply = await queryCollection(request([["savedQuery", q.name], ["count", "1"]]), emu, {
        os,
        mbo: os.mbo,
        base: () => emu.store.rows(os.mbo),
        href,
        memberHref: (row) => `${href}/${emu.store.restId(os.mbo, row)}`,
      });
      assert.equal(typeof ((await bodyOf(reply)) as { totalCount: number }).totalCount, "number", `${os.name} ${q.name}`);
    }
  }
});

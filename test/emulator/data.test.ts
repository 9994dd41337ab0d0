/**
 * The metadata is consistent with itself, and the seed is deterministic, complete and
 * true to the metadata (required fields filled, lengths and domains respected).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { buildMetadata } from "../../emulator/data/metadata";
import { seedStore } from "../../emulator/data/seed";
import type { Metadata, OsChildDef, Row } from "../../emulator/model/types";
import { Store } from "../../emulator/store/store";

const metadata = buildMetadata();
const seeded = new Store(metadata);
// How fast the seed is, and that it grows linearly, is measured by bench/emulator, not asserted here.
seedStore(seeded);

function attributeNames(meta: Metadata, mbo: string): Set<string> {
  return new Set(meta.mbos.get(mbo)!.attributes.map((a) => a.name));
}

test("every relationship targets a known object and joins on attributes that exist on both sides", () => {
  for (const mbo of metadata.mbos.values()) {
    for (const rel of mbo.relationships) {
      assert.ok(metadata.mbos.has(rel.target), `${mbo.name}.${rel.name} → ${rel.target}`);
      for (const [parent, target] of rel.join) {
        assert.ok(attributeNames(metadata, mbo.name).has(parent), `${mbo.name}.${rel.name}: ${parent}`);
        assert.ok(attributeNames(metadata, rel.target).has(target), `${mbo.name}.${rel.name}: ${rel.target}.${target}`);
      }
    }
  }
});

test("keys, unique ids and domain ids of every object exist", () => {
  for (const mbo of metadata.mbos.values()) {
    const names = attributeNames(metadata, mbo.name);
    assert.equal(names.size, mbo.attributes.length, `${mbo.name} has a duplicate attribute`);
    for (const key of mbo.keys) assert.ok(names.has(key), `${mbo.name} key ${key}`);
    assert.ok(names.has(mbo.uniqueId), `${mbo.name} unique id`);
    for (const a of mbo.attributes) {
      if (a.domainId) {
        const known = metadata.synonymDomains.has(a.domainId) || metadata.alnDomains.has(a.domainId) || metadata.numericDomains.has(a.domainId);
        assert.ok(known, `${mbo.name}.${a.name} domain ${a.domainId}`);
      }
    }
  }
});

test("every object structure child is reached by a relationship of its parent's object", () => {
  const check = (parentMbo: string, children: OsChildDef[], path: string) => {
    for (const child of children) {
      const rel = metadata.mbos.get(parentMbo)!.relationships.find((r) => r.name === child.relation);
      assert.ok(rel, `${path}/${child.name}: ${parentMbo} has no relationship ${child.relation}`);
      assert.equal(rel.target, child.mbo, `${path}/${child.name}`);
      check(child.mbo, child.children, `${path}/${child.name}`);
    }
  };
  for (const os of metadata.objectStructures.values()) {
    assert.ok(metadata.mbos.has(os.mbo), os.name);
    // MXAPIDOMAIN is read by domainid, without saved queries.
    if (os.name !== "mxapidomain") assert.ok(os.savedQueries.length >= 1, `${os.name} has saved queries`);
    for (const name of os.searchAttributes) assert.ok(attributeNames(metadata, os.mbo).has(name), `${os.name} search ${name}`);
    check(os.mbo, os.children, os.name);
  }
});

test("status transitions name only values of their domain; closed and canceled work orders go nowhere", () => {
  for (const [domainId, transitions] of metadata.statusTransitions) {
    const values = new Set(metadata.synonymDomains.get(domainId)!.values.map((v) => v.maxvalue));
    for (const [from, targets] of transitions) {
      assert.ok(values.has(from), `${domainId} ${from}`);
      for (const to of targets) assert.ok(values.has(to), `${domainId} ${from}→${to}`);
    }
  }
  const wo = metadata.statusTransitions.get("WOSTATUS")!;
  assert.deepEqual(wo.get("CLOSE"), []);
  assert.deepEqual(wo.get("CAN"), []);
  assert.ok(wo.get("WAPPR")!.includes("APPR"));
  assert.ok(!wo.get("COMP")!.includes("CAN"));
});

test("JSON API reference §4 aliasing: asset has both an attribute and a relationship named location", () => {
  const asset = metadata.mbos.get("asset")!;
  assert.ok(asset.attributes.some((a) => a.name === "location"));
  assert.equal(asset.relationships.find((r) => r.name === "location")?.target, "locations");
});

test("the seed is deterministic: two seeded stores hold deep-equal rows", () => {
  const again = new Store(buildMetadata());
  seedStore(again);
  for (const mbo of metadata.mbos.keys()) assert.deepEqual(again.rows(mbo), seeded.rows(mbo), mbo);
});

test("the seed holds the demo volumes the tests and the demo rely on", () => {
  const count = (mbo: string) => seeded.rows(mbo).length;
  assert.ok(count("workorder") >= 5000);
  assert.ok(count("asset") >= 500);
  assert.ok(count("sr") >= 200);
  assert.ok(count("person") >= 50);
  assert.ok(count("autoscript") >= 5);
  for (const mbo of ["wplabor", "wpmaterial", "labtrans", "doclinks", "assetmeter", "locations", "po", "poline", "scriptlaunchpoint", "autoscriptvars", "launchpointvars", "site", "organization", "maxuser"]) {
    assert.ok(count(mbo) > 0, mbo);
  }
  const sites = new Set(seeded.rows("workorder").map((r) => r.siteid));
  assert.deepEqual([...sites].sort(), ["BEDFORD", "NASHUA", "TEXAS"]);
  const statuses = new Set(seeded.rows("workorder").map((r) => r.status));
  for (const s of ["WAPPR", "APPR", "INPRG", "COMP", "CLOSE", "CAN"]) assert.ok(statuses.has(s), s);
  assert.ok(seeded.rows("workorder").some((r) => r.istask === true && r.parent !== null));
  for (const personid of ["MAXADMIN", "WILSON"]) assert.ok(seeded.findByKey("person", [personid]), personid);
});

test("workOrders asks the seed for more work orders and leaves the other data as it was", () => {
  const larger = new Store(buildMetadata());
  seedStore(larger, { workOrders: 6000 });
  const workOrders = larger.rows("workorder").length;
  assert.ok(workOrders >= 6000 && workOrders < 6010, String(workOrders));
  assert.equal(larger.rows("asset").length, seeded.rows("asset").length);
});

test("PRODUCT.md real-server facts: asset 11450 at BEDFORD has rest id _MTE0NTAvQkVERk9SRA--", () => {
  const asset = seeded.findByKey("asset", ["11450", "BEDFORD"]);
  assert.ok(asset);
  assert.equal(seeded.restId("asset", asset), "_MTE0NTAvQkVERk9SRA--");
  assert.ok(seeded.findByKey("asset", ["1001", "BEDFORD"]));
  assert.ok(seeded.findByKey("workorder", ["BEDFORD", "1001"]) ?? seeded.rows("workorder").find((r) => r.wonum === "1001"));
});

test("JSON API reference §14: the countofwoandsr script is seeded with its source", () => {
  const script = seeded.findByKey("autoscript", ["COUNTOFWOANDSR"]);
  assert.ok(script);
  assert.match(String(script.source), /request\.getQueryParam\("site"\)/);
  assert.ok(seeded.rows("autoscript").some((r) => r.scriptlanguage === "jython"));
  assert.ok(seeded.rows("autoscript").some((r) => r.scriptlanguage === "javascript"));
  assert.ok(seeded.findByKey("autoscript", ["MXWB_HELLO"]));
  const withLaunchPoint = seeded.rows("scriptlaunchpoint")[0];
  assert.ok(seeded.related("scriptlaunchpoint", withLaunchPoint, "autoscript").length === 1);
});

test("every seeded row fills its required attributes and respects lengths, types and domains", () => {
  for (const mbo of metadata.mbos.values()) {
    const keys = new Set<string>();
    for (const row of seeded.rows(mbo.name)) {
      keys.add(mbo.keys.map((k) => String(row[k])).join("/"));
      for (const a of mbo.attributes) {
        const value = row[a.name];
        const where = `${mbo.name}.${a.name}=${String(value)}`;
        if (a.required && a.persistent) assert.ok(value !== null && value !== undefined, `${where} is required`);
        if (value === null || value === undefined) continue;
        if (["ALN", "UPPER", "LOWER", "GL", "LONGALN", "CLOB"].includes(a.maxType)) {
          assert.equal(typeof value, "string", where);
          assert.ok(String(value).length <= a.length, `${where} longer than ${a.length}`);
          if (a.maxType === "UPPER") assert.equal(value, String(value).toUpperCase(), where);
        } else if (a.maxType === "YORN") {
          assert.equal(typeof value, "boolean", where);
        } else if (["DATE", "DATETIME", "TIME"].includes(a.maxType)) {
          assert.ok(!Number.isNaN(Date.parse(String(value))), where);
        } else {
          assert.equal(typeof value, "number", where);
        }
        if (a.domainId && metadata.synonymDomains.has(a.domainId)) {
          const values = metadata.synonymDomains.get(a.domainId)!.values.map((v) => v.value);
          assert.ok(values.includes(String(value)), `${where} not in ${a.domainId}`);
        }
      }
    }
    assert.equal(keys.size, seeded.rows(mbo.name).length, `${mbo.name} keys are unique`);
  }
});

test("relationships find seeded rows: work order plans, asset meters and open work, PO lines", () => {
  const withLabor = seeded.rows("workorder").find((wo: Row) => seeded.related("workorder", wo, "showplanlabor").length > 0);
  assert.ok(withLabor);
  const asset = seeded.findByKey("asset", ["11450", "BEDFORD"])!;
  const open = seeded.related("asset", asset, "openwo");
  assert.ok(open.every((wo) => !["COMP", "CLOSE", "CAN"].includes(String(wo.status))));
  assert.ok(seeded.rows("asset").some((a) => seeded.related("asset", a, "assetmeter").length > 0));
  const po = seeded.rows("po")[0];
  assert.ok(seeded.related("po", po, "poline").length > 0);
  assert.ok(seeded.rows("workorder").some((wo) => seeded.related("workorder", wo, "doclinks").length > 0));
});

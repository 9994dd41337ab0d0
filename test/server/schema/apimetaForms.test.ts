// apimeta and jsonschemas in the shapes real servers send: envelopes, namespaced keys, links.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createSchemaStore, parseApimeta, parseJsonSchema } from "../../../server/src/schema/index";
import { cacheFolder } from "./fixtures";

const bare = {
  name: "MXASSET",
  description: "Asset",
  queryCapability: [
    { ispublic: true, name: "All", href: ".../oslc/os/mxasset" },
    { title: "IT Stock", ispublic: true, name: "ITSTOCK", href: ".../oslc/os/mxasset?savedQuery=ITSTOCK" },
  ],
};
const namespaced = {
  "rdfs:member": [
    {
      "spi:name": "MXASSET",
      "dcterms:description": "Asset",
      "oslc:queryCapability": [
        { "oslc:name": "All", "spi:ispublic": true },
        { "oslc:name": "ITSTOCK", "dcterms:title": "IT Stock", "spi:ispublic": "true" },
      ],
    },
  ],
};

test("apimeta: a bare array, a member envelope, the namespaced form and a single object all parse", () => {
  for (const form of [[bare], { member: [bare] }, namespaced, bare]) {
    const parsed = parseApimeta(JSON.stringify(form));
    assert.ok(parsed.ok, JSON.stringify(form));
    assert.equal(parsed.value[0].name, "mxasset");
    assert.deepEqual(parsed.value[0].savedQueries.map((q) => [q.name, q.title]), [["All", undefined], ["ITSTOCK", "IT Stock"]]);
  }
});

test("apimeta: an entry without a name is named from its schema link; junk is reported", () => {
  const parsed = parseApimeta(JSON.stringify([{ jsonschema: "https://h/maximo/oslc/jsonschemas/mxapisr" }]));
  assert.ok(parsed.ok);
  assert.equal(parsed.value[0].name, "mxapisr");
  assert.equal(parsed.value[0].savedQueries.length, 0);
  assert.equal(parseApimeta('{"Error":{"message":"x"}}').ok, false);
  assert.equal(parseApimeta("<html>login</html>").ok, false);
});

test("the store reads a namespaced apimeta.json from a cache folder", (t) => {
  const cache = cacheFolder({ "apimeta.json": JSON.stringify(namespaced) });
  t.after(cache.remove);
  const store = createSchemaStore({ cacheDirs: [cache.dir], packDir: `${cache.dir}/none` });
  assert.deepEqual(store.objectStructureNames(), ["mxasset"]);
  assert.equal(store.savedQueries("MXASSET")[1].name, "ITSTOCK");
  assert.deepEqual(store.warnings(), []);
});

test("jsonschemas: namespaced keys, numbers as strings and linked children parse", () => {
  const text = JSON.stringify({
    title: "ASSET",
    pk: ["assetnum", "siteid"],
    required: ["assetnum"],
    properties: {
      "spi:assetnum": { type: "string", subType: "UPPER", maxLength: "25", persistent: "true" },
      assetmeter: {
        type: "array",
        objectName: "ASSETMETER",
        relation: "ASSETMETER",
        items: { type: "object", definition: { subSchema: { $ref: "https://h/maximo/oslc/jsonschemas/mxasset/assetmeter" } } },
      },
      location: { type: "object", relation: "LOCATION", properties: { status: { type: "string", hasList: true } } },
    },
  });
  const parsed = parseJsonSchema(text, "MXASSET", "mxasset.json");
  assert.ok(parsed.ok);
  const assetnum = parsed.value.attributes.get("assetnum");
  assert.equal(assetnum?.maxLength, 25);
  assert.equal(assetnum?.persistent, true);
  assert.equal(assetnum?.required, true);
  assert.equal(parsed.value.attributes.get("assetmeter")?.childRef, "https://h/maximo/oslc/jsonschemas/mxasset/assetmeter");
  assert.equal(parsed.value.attributes.get("assetmeter")?.child, undefined);
  assert.equal(parsed.value.attributes.get("location")?.child?.attributes.get("status")?.hasList, true);
  assert.equal(parseJsonSchema("[1,2]", "x", "x.json").ok, false);
});

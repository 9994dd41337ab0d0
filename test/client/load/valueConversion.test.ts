/**
 * Cell text → JSON values by the object structure's schema (JSON API reference §10: type,
 * subType, maxLength, scale), with the pack's MXAPIWODETAIL and MXAPIASSET attributes. Numbers
 * are written non-localized and booleans as 1/0 or true/false (reference §5); dates are ISO 8601
 * and keep their offset, as the guides write them (`2026-02-10T08:00:00-05:00`, practitioners'
 * guide, "Date range queries"; `1999-03-31T16:53:00-05:00`, reference §16).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { AttributeInfo } from "../../../server/src/schema/types";
import { convertValue, EMPTY_MARKER } from "../../../client/src/load/valueConversion";
import { packSchema } from "./loadFixtures";

const wo = packSchema("mxapiwodetail");
const asset = packSchema("mxapiasset");
function attr(path: string, schema = wo): AttributeInfo {
  const [first, second] = path.split(".");
  const top = schema.attributes.get(first);
  const found = second ? top?.child?.attributes.get(second) : top;
  assert.ok(found, `${schema.name} has ${path}`);
  return found;
}
const ok = (text: string, path: string, schema = wo) => {
  const result = convertValue(text, attr(path, schema));
  assert.ok(result.ok, `${text} → ${path}: ${result.ok ? "" : result.message}`);
  return result.value;
};
const refused = (text: string, path: string, schema = wo) => {
  const result = convertValue(text, attr(path, schema));
  assert.ok(!result.ok, `${text} → ${path} should be refused, got ${result.ok ? JSON.stringify(result.value) : ""}`);
  return result.message;
};

test("INTEGER and BIGINT: whole numbers only, sent as JSON numbers", () => {
  assert.equal(ok("3", "wopriority"), 3);
  assert.equal(ok(" -12 ", "wopriority"), -12);
  assert.equal(ok("+7", "wopriority"), 7);
  assert.equal(ok("12.0", "wopriority"), 12);
  assert.equal(ok("9007199254740991", "workorderid"), 9007199254740991);
  assert.match(refused("2.5", "wopriority"), /not a whole number \(INTEGER\)/);
  assert.match(refused("2.05", "wopriority"), /not a whole number/);
  assert.match(refused("1,000", "wopriority"), /not a whole number/);
  assert.match(refused("high", "wopriority"), /not a whole number/);
  assert.match(refused("99999999999999999999", "workorderid"), /too large for BIGINT/);
});

test("AMOUNT, DECIMAL and DURATION: non-localized numbers rounded to the attribute's scale; a duration may be a clock", () => {
  assert.equal(ok("1234.5", "estlabcost"), 1234.5);
  assert.equal(ok("12.345", "estlabcost"), 12.35, "scale 2");
  assert.equal(ok(".5", "estlabcost"), 0.5);
  assert.equal(ok("1e3", "estlabcost"), 1000);
  assert.equal(ok("1.5", "estdur"), 1.5);
  assert.equal(ok("1:30", "estdur"), 1.5, "DURATION as hours:minutes");
  assert.equal(ok("0:20", "estdur"), 0.33);
  assert.match(refused("1:30", "estlabcost"), /not a number \(AMOUNT/, "only a DURATION is a clock");
  assert.match(refused("1.234,50", "estlabcost"), /not a number .*without thousands separators/);
  assert.equal(ok("2.75", "assetmeter.average", asset), 2.75);
});

test("YORN: Y/N, 1/0 and true/false in any case, sent as JSON booleans", () => {
  for (const yes of ["Y", "y", "1", "true", "TRUE"]) assert.equal(ok(yes, "downtime"), true, yes);
  for (const no of ["N", "n", "0", "false", "False"]) assert.equal(ok(no, "downtime"), false, no);
  assert.match(refused("yes", "downtime"), /not a yes\/no value \(YORN: write Y, N, 1, 0, true or false\)/);
});

test("DATETIME: ISO 8601; the offset is kept, a value without one is sent without one (the server's zone)", () => {
  assert.equal(ok("2026-02-10T08:00:00-05:00", "schedstart"), "2026-02-10T08:00:00-05:00");
  assert.equal(ok("2026-02-10T08:00:00Z", "schedstart"), "2026-02-10T08:00:00+00:00");
  assert.equal(ok("2026-02-10T08:00-0500", "schedstart"), "2026-02-10T08:00:00-05:00");
  assert.equal(ok("2026-02-10T08:00:00.250+01:00", "schedstart"), "2026-02-10T08:00:00+01:00");
  assert.equal(ok("2026-02-10 08:30", "schedstart"), "2026-02-10T08:30:00", "a space for the T, as spreadsheets write it");
  assert.equal(ok("2026-02-10", "schedstart"), "2026-02-10T00:00:00");
  assert.match(refused("02/10/2026", "schedstart"), /not a date: write ISO 8601/);
  assert.match(refused("2026-02-30", "schedstart"), /not a date/, "no 30th of February");
  assert.match(refused("2026-02-10T25:00:00", "schedstart"), /not a date/);
  assert.match(refused("2026-02-10-05:00", "schedstart"), /not a date/, "an offset needs a time");
});

test("DATE and TIME: a date is that day's midnight; a time is HH:mm:ss", () => {
  assert.equal(ok("2027-06-30", "warrantyexpdate", asset), "2027-06-30T00:00:00");
  assert.equal(ok("08:30", "labtrans.starttime"), "08:30:00");
  assert.equal(ok("17:45:10", "labtrans.starttime"), "17:45:10");
  assert.match(refused("8.30am", "labtrans.starttime"), /not a time/);
});

test("UPPER is upper-cased and ALN kept as written, both within maxLength", () => {
  assert.equal(ok("bedford", "siteid"), "BEDFORD");
  assert.equal(ok("Pump, North", "description"), "Pump, North");
  assert.match(refused("BEDFORD-SITE", "siteid"), /holds at most 8 characters; this value has 12/);
  assert.equal(ok("x".repeat(100), "description"), "x".repeat(100));
  assert.match(refused("x".repeat(101), "description"), /at most 100 characters/);
});

test(`the cell ${EMPTY_MARKER} sets a value to empty (""), for every type`, () => {
  assert.equal(ok(EMPTY_MARKER, "description"), "");
  assert.equal(ok(EMPTY_MARKER, "wopriority"), "");
  assert.equal(ok(EMPTY_MARKER, "schedstart"), "");
});

import { test } from "node:test";
import assert from "node:assert/strict";
import { queryCollection } from "../../emulator/query/index";
import { MaximoError } from "../../emulator/http/errors";
import type { ApiRequest } from "../../emulator/http/types";
import type { Emulator } from "../../emulator/emulator";
import { bodyOf, queryEmulator, request, woCollection, type Collection } from "./fixtures/queryFixture";

async function run(emu: Emulator, req: ApiRequest): Promise<unknown> {
  return bodyOf(await queryCollection(req, emu, woCollection(emu)));
}

/** The request a nextPage href stands for. */
function follow(href: string): ApiRequest {
  const url = new URL(href);
  return request([...url.searchParams.entries()] as Array<[string, string]>);
}

async function error(emu: Emulator, req: ApiRequest): Promise<MaximoError> {
  try {
    await queryCollection(req, emu, woCollection(emu));
  } catch (e) {
    assert.ok(e instanceof MaximoError, String(e));
    return e;
  }
  assert.fail("accepted");
}

test("JSON API reference §7: oslc.orderBy sorts by signed attributes, nulls last ascending", async () => {
  const emu = queryEmulator();
  const body = (await run(emu, request([["oslc.select", "wonum"], ["oslc.orderBy", "+wopriority,-wonum"]]))) as Collection;
  assert.deepEqual(body.member.map((m) => m.wonum), ["1001", "1003", "1002", "1004"]);
  const desc = (await run(emu, request([["oslc.select", "wonum"], ["oslc.orderBy", "-reportdate"]]))) as Collection;
  assert.deepEqual(desc.member.map((m) => m.wonum), ["1004", "1002", "1001", "1003"]);
});

test("PRODUCT.md real-server facts: an orderBy attribute without a sign is BMXAA8744E; related attributes are refused", async () => {
  const emu = queryEmulator();
  assert.equal((await error(emu, request([["oslc.orderBy", "wonum"]]))).reasonCode, "BMXAA8744E");
  assert.equal((await error(emu, request([["oslc.orderBy", "+location.status"]]))).statusCode, 400);
});

test("JSON API reference §8: oslc.pageSize pages with nextPage/previousPage links, pagenum and pageno", async () => {
  const emu = queryEmulator();
  const first = (await run(emu, request([["oslc.select", "wonum"], ["oslc.orderBy", "+wonum"], ["oslc.pageSize", "3"]]))) as Collection;
  assert.deepEqual(first.member.map((m) => m.wonum), ["1001", "1002", "1003"]);
  assert.equal(first.responseInfo.pagenum, 1);
  assert.ok(!("previousPage" in first.responseInfo));
  assert.ok(!("totalCount" in first.responseInfo));
  const nextHref = first.responseInfo.nextPage?.href ?? assert.fail("no nextPage");
  assert.match(nextHref, /pageno=2/);
  const second = (await run(emu, follow(nextHref))) as Collection;
  assert.deepEqual(second.member.map((m) => m.wonum), ["1004"]);
  assert.equal(second.responseInfo.pagenum, 2);
  assert.ok(!second.responseInfo.nextPage);
  assert.match(second.responseInfo.previousPage?.href ?? "", /pageno=1/);
});

test("JSON API reference §4.1: collectioncount=1 adds totalCount and totalPages; count=1 answers the count only", async () => {
  const emu = queryEmulator();
  const body = (await run(emu, request([["oslc.pageSize", "3"], ["collectioncount", "1"]]))) as Collection;
  assert.equal(body.responseInfo.totalCount, 4);
  assert.equal(body.responseInfo.totalPages, 2);
  assert.deepEqual(await run(emu, request([["count", "1"], ["oslc.where", 'siteid="BEDFORD"']])), { totalCount: 3 });
});

test("JSON API reference §8.2: a page size above mxe.oslc.maxpagesize fails", async () => {
  const emu = queryEmulator();
  emu.options.maxPageSize = 2;
  assert.equal((await error(emu, request([["oslc.pageSize", "3"]]))).statusCode, 400);
});

test("JSON API reference §8.3: stable paging carries stableId forward; a page re-read or a backward page fails", async () => {
  const emu = queryEmulator();
  const first = (await run(emu, request([["oslc.select", "wonum"], ["oslc.pageSize", "2"], ["stablepaging", "true"]]))) as Collection;
  const next = first.responseInfo.nextPage?.href ?? assert.fail("no nextPage");
  assert.match(next, /stableId=/);
  // Changes after the set was taken do not show up: the set is kept, not re-queried.
  emu.store.insert("workorder", { wonum: "1000", siteid: "BEDFORD", status: "APPR", woclass: "WORKORDER" });
  const second = (await run(emu, follow(next))) as Collection;
  assert.deepEqual(second.member.map((m) => m.wonum), ["1003", "1004"]);
  assert.equal((await error(emu, follow(next))).statusCode, 400);
  const back = new URL(next);
  back.searchParams.set("pageno", "1");
  assert.equal((await error(emu, follow(back.href))).statusCode, 400);
});

test("JSON API reference §17: gbcols groups with count and max_/min_/avg_/sum_ keys and a collectionref", async () => {
  const emu = queryEmulator();
  const groups = (await run(emu, request([["gbcols", "siteid,count.*,max.wopriority,sum.estdur"], ["gbsortby", "+siteid"]]))) as Array<Record<string, unknown>>;
  assert.deepEqual(
    groups.map((g) => [g.siteid, g.count, g.max_wopriority, g.sum_estdur]),
    [["BEDFORD", 3, 3, 6], ["NASHUA", 1, 2, 6]],
  );
  assert.equal(decodeURIComponent(String(groups[0].collectionref).split("oslc.where=")[1]), 'siteid="BEDFORD"');
  const desc = (await run(emu, request([["gbcols", "siteid,count.*"], ["gbsortby", "-siteid"]]))) as Array<Record<string, unknown>>;
  assert.deepEqual(desc.map((g) => g.siteid), ["NASHUA", "BEDFORD"]);
});

test("JSON API reference §17.2: gbfilter is a having clause in SQL format", async () => {
  const emu = queryEmulator();
  const groups = (await run(emu, request([["gbcols", "siteid,count.*"], ["gbfilter", "siteid='BEDFORD'"]]))) as Array<Record<string, unknown>>;
  assert.deepEqual(groups.map((g) => [g.siteid, g.count]), [["BEDFORD", 3]]);
});

test("JSON API reference §18: distinct=<attribute> answers the distinct values", async () => {
  const emu = queryEmulator();
  assert.deepEqual(await run(emu, request([["distinct", "siteid"]])), ["BEDFORD", "NASHUA"]);
});

test("JSON API reference §26: _format=csv writes a header row and one line per record", async () => {
  const emu = queryEmulator();
  const reply = await queryCollection(
    request([["_format", "csv"], ["oslc.select", "wonum,description,location.status"], ["oslc.orderBy", "+wonum"], ["oslc.pageSize", "2"]]),
    emu,
    woCollection(emu),
  );
  assert.equal(reply.body?.kind, "stream");
  assert.equal(await bodyOf(reply), "WONUM,DESCRIPTION,LOCATION.STATUS\r\n1001,Pump motor overhaul,OPERATING\r\n1002,Inspect HVAC unit,DECOMMISSIONED\r\n");
});

test("large pages stream one member per chunk and still form the same JSON", async () => {
  const emu = queryEmulator();
  for (let i = 0; i < 300; i++) emu.store.insert("workorder", { wonum: `X${i}`, siteid: "BEDFORD", status: "WAPPR", woclass: "WORKORDER" });
  const reply = await queryCollection(request([["oslc.select", "wonum"]]), emu, woCollection(emu));
  assert.equal(reply.body?.kind, "stream");
  const body = (await bodyOf(reply)) as Collection;
  assert.equal(body.member.length, 304);
  assert.equal(body.responseInfo.pagenum, 1);
});

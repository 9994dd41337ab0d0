/**
 * What the panel and history receive for a response: paging facts read from the bytes (JSON API
 * reference §8 responseInfo), oslc.select order for the table, credentials masked.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { startEmulator, type EmulatorHandle } from "../../../emulator/index";
import { scanPageInfo } from "../../../client/src/http/responseInfo";
import { nextPageHref } from "../../../client/src/http/paging";
import { selectOrder, toResponseModel } from "../../../client/src/extension/run/responseModel";
import { combinePages } from "../../../client/src/extension/run/pageCombiner";
import { nextPageRequest, pages } from "../../../client/src/http/paging";
import { buildOutgoing } from "../../../client/src/http/url";
import { emulatorApikey, request, testExecutor } from "../http/support";

let emu: EmulatorHandle;
before(async () => {
  emu = await startEmulator({ port: 0 });
});
after(async () => {
  await emu.close();
});

const workOrders = (pageSize: number, lean = true) =>
  request("GET", "os/mxapiwodetail", {
    query: [
      ...(lean ? [{ key: "lean", value: "1" }] : []),
      { key: "oslc.select", value: "wonum,description,status" },
      { key: "oslc.where", value: 'siteid="BEDFORD"' },
      { key: "oslc.pageSize", value: String(pageSize) },
      { key: "collectioncount", value: "1" },
    ],
  });

describe("scanPageInfo (reference §8: responseInfo.nextPage, totalCount, totalPages)", () => {
  test("agrees with a full JSON parse on a lean page and on a namespaced page", async () => {
    const { executor } = testExecutor(emu.url);
    try {
      for (const lean of [true, false]) {
        const response = await executor.execute(workOrders(50, lean));
        const info = scanPageInfo(response.bytes);
        assert.ok(info, `no responseInfo found (lean=${lean})`);
        assert.equal(info.nextHref, nextPageHref(response.json()));
        const parsed = response.json() as Record<string, Record<string, unknown>>;
        const responseInfo = parsed.responseInfo ?? parsed["oslc:responseInfo"]!;
        assert.equal(info.totalCount, responseInfo.totalCount ?? responseInfo["oslc:totalCount"]);
        assert.ok(info.nextHref, "a 50-record page of BEDFORD work orders has a next page");
      }
    } finally {
      executor.close();
    }
  });

  test("the last page has no next href", async () => {
    const { executor } = testExecutor(emu.url);
    try {
      const response = await executor.execute(workOrders(100_000));
      assert.equal(scanPageInfo(response.bytes)?.nextHref, undefined);
    } finally {
      executor.close();
    }
  });

  test("a quoted key inside a string value is not mistaken for responseInfo", () => {
    const body = Buffer.from(JSON.stringify({ member: [{ description: 'see "responseInfo": {"nextPage": {"href": "x"}}' }], responseInfo: { totalCount: 1 } }));
    assert.deepEqual(scanPageInfo(body), { totalCount: 1 });
  });

  test("braces inside strings do not end the object early; no responseInfo gives undefined", () => {
    const body = Buffer.from(JSON.stringify({ responseInfo: { nextPage: { href: "http://h/maximo/oslc/os/x?pageno=2&q={}" }, totalPages: 3 } }));
    assert.deepEqual(scanPageInfo(body), { nextHref: "http://h/maximo/oslc/os/x?pageno=2&q={}", totalPages: 3 });
    assert.equal(scanPageInfo(Buffer.from('{"member":[]}')), undefined);
  });
});

describe("Next page / All pages with relativeuri=1 (PRODUCT.md: hrefs relative to the context root)", () => {
  const relative = () => {
    const base = workOrders(200);
    return { ...base, query: [...base.query, { key: "relativeuri", value: "1" }] };
  };

  test("Next page: the relative href read from the bytes leads to page 2 of the same query", async () => {
    const { executor } = testExecutor(emu.url);
    try {
      const resolved = relative();
      const first = await executor.execute(resolved);
      const nextHref = scanPageInfo(first.bytes)?.nextHref;
      assert.match(nextHref ?? "", /^oslc\/os\/mxapiwodetail\?.*pageno=2/);
      const second = await executor.send(nextPageRequest(nextHref!, first, buildOutgoing(executor.connection, resolved), executor.connection));
      assert.equal(second.status, 200);
      assert.equal(scanPageInfo(second.bytes)?.pageNum, 2);
      const firstWonums = new Set((first.json() as { member: Array<{ wonum: string }> }).member.map((m) => m.wonum));
      assert.ok((second.json() as { member: Array<{ wonum: string }> }).member.every((m) => !firstWonums.has(m.wonum)));
    } finally {
      executor.close();
    }
  });

  test("All pages: every page once, every member once", async () => {
    const { executor } = testExecutor(emu.url);
    emu.log.clear();
    try {
      const combined = await combinePages(pages(executor, relative()));
      assert.equal(combined.response.status, 200);
      const members = (combined.response.json() as { member: Array<{ wonum: string }> }).member;
      const total = (await executor.execute(request("GET", "os/mxapiwodetail", { query: [{ key: "oslc.where", value: 'siteid="BEDFORD"' }, { key: "count", value: "1" }] }))).json() as { totalCount?: number; "oslc:totalCount"?: number };
      const count = total.totalCount ?? total["oslc:totalCount"];
      assert.equal(members.length, count);
      assert.equal(new Set(members.map((m) => m.wonum)).size, count);
      assert.equal(combined.pages, Math.ceil(count! / 200));
      const paths = emu.log.list().filter((r) => r.query.includes("relativeuri=1")).map((r) => r.path);
      assert.equal(paths.length, combined.pages);
      assert.ok(paths.every((p) => p === "/maximo/oslc/os/mxapiwodetail"), paths.join("\n"));
    } finally {
      executor.close();
    }
  });
});

describe("selectOrder", () => {
  test("plain names and dot paths keep the oslc.select order", () => {
    assert.deepEqual(selectOrder([{ key: "oslc.select", value: "wonum, status,asset.description" }]), ["wonum", "status", "asset.description"]);
  });
  test("*, nested selects and aggregates leave the order to the records", () => {
    for (const value of ["*", "wonum,wplabor{laborcode}", "count.wonum", "wonum,rel.x{*}"]) {
      const order = selectOrder([{ key: "oslc.select", value }]);
      if (value === "count.wonum") assert.deepEqual(order, ["count.wonum"]);
      else assert.equal(order, undefined, value);
    }
    assert.equal(selectOrder([]), undefined);
  });
});

describe("toResponseModel", () => {
  test("masks the apikey in headers and in the URL, reads paging without parsing, keeps the bytes", async () => {
    const { executor } = testExecutor(emu.url);
    try {
      const resolved = workOrders(20);
      resolved.query.push({ key: "apikey", value: emulatorApikey });
      const response = await executor.execute(resolved);
      const model = toResponseModel(response, resolved, { title: "wos", connection: "emu", secrets: [emulatorApikey, ...executor.secrets()] });
      const text = JSON.stringify({ ...model, body: undefined });
      assert.ok(!text.includes(emulatorApikey), "the apikey leaked into the model");
      assert.equal(model.paging?.hasNext, true);
      assert.ok((model.paging?.totalCount ?? 0) > 20);
      assert.deepEqual(model.selectOrder, ["wonum", "description", "status"]);
      assert.equal(model.body.readAll().toString("utf8"), response.text());
      assert.match(model.contentType, /json/);
    } finally {
      executor.close();
    }
  });
});

describe("combinePages (Send all pages)", () => {
  test("joins every page's members once into one member array", async () => {
    const { executor } = testExecutor(emu.url);
    try {
      const combined = await combinePages(pages(executor, workOrders(300)));
      const body = JSON.parse(combined.response.body.readAll().toString("utf8")) as { member: Array<{ wonum: string }>; responseInfo: { totalCount: number } };
      const single = (await executor.execute(workOrders(100_000))).json() as { member: Array<{ wonum: string }> };
      assert.ok(combined.pages > 1);
      assert.equal(combined.members, single.member.length);
      assert.deepEqual(body.member.map((m) => m.wonum), single.member.map((m) => m.wonum));
      assert.equal(body.responseInfo.totalCount, single.member.length);
    } finally {
      executor.close();
    }
  });

  test("a failing first page comes back as it is (its Maximo error intact)", async () => {
    const { executor } = testExecutor(emu.url);
    try {
      const combined = await combinePages(pages(executor, request("GET", "os/notanobjectstructure")));
      assert.ok(combined.response.status >= 400);
      assert.ok(combined.response.maximoError?.reasonCode);
    } finally {
      executor.close();
    }
  });
});

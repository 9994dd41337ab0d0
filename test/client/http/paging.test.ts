/** All pages: follows responseInfo.nextPage (JSON API reference §8) over the seeded work orders. */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { startEmulator, type EmulatorHandle } from "../../../emulator/index";
import { nextPageHref, nextPageRequest, pages } from "../../../client/src/http/paging";
import { buildOutgoing } from "../../../client/src/http/url";
import { request, testExecutor } from "./support";

let emu: EmulatorHandle;
before(async () => {
  emu = await startEmulator({ port: 0 });
});
after(async () => {
  await emu.close();
});

function query(extra: Array<{ key: string; value?: string }>, lean = true) {
  return request("GET", "os/mxapiwodetail", {
    query: [...(lean ? [{ key: "lean", value: "1" }] : []), { key: "oslc.select", value: "wonum" }, { key: "oslc.where", value: 'siteid="BEDFORD"' }, { key: "collectioncount", value: "1" }, ...extra],
  });
}

describe("pages()", () => {
  test("follows nextPage to the end: every work order once, totalCount honoured", async () => {
    const { executor } = testExecutor(emu.url);
    try {
      const seen = new Set<string>();
      let total = -1;
      let count = 0;
      for await (const page of pages(executor, query([{ key: "oslc.pageSize", value: "700" }]))) {
        count++;
        assert.equal(page.status, 200);
        const body = page.json() as { member: Array<{ wonum: string }>; responseInfo: { totalCount: number } };
        total = body.responseInfo.totalCount;
        for (const member of body.member) seen.add(member.wonum);
      }
      assert.ok(total > 700, `expected several pages, totalCount ${total}`);
      assert.equal(seen.size, total);
      assert.equal(count, Math.ceil(total / 700));
    } finally {
      executor.close();
    }
  });

  test("the namespaced form (no lean) is followed too", async () => {
    const { executor } = testExecutor(emu.url);
    try {
      let count = 0;
      for await (const page of pages(executor, query([{ key: "oslc.pageSize", value: "2000" }], false))) {
        count++;
        assert.equal(page.status, 200);
      }
      assert.ok(count >= 2, `followed ${count} pages`);
    } finally {
      executor.close();
    }
  });

  test("relativeuri=1 (PRODUCT.md): relative nextPage hrefs resolve against the context root, every page fetched exactly once", async () => {
    const { executor } = testExecutor(emu.url);
    emu.log.clear();
    try {
      const seen = new Set<string>();
      let total = -1;
      let count = 0;
      for await (const page of pages(executor, query([{ key: "oslc.pageSize", value: "500" }, { key: "relativeuri", value: "1" }]))) {
        count++;
        assert.equal(page.status, 200);
        const body = page.json() as { member: Array<{ wonum: string; href: string }>; responseInfo: { totalCount: number; nextPage?: { href: string } } };
        total = body.responseInfo.totalCount;
        // The server really wrote relative hrefs, so the test covers the relative case.
        assert.match(body.member[0]!.href, /^oslc\/os\/mxapiwodetail\/_/);
        if (body.responseInfo.nextPage) assert.match(body.responseInfo.nextPage.href, /^oslc\/os\/mxapiwodetail\?/);
        for (const member of body.member) seen.add(member.wonum);
      }
      assert.ok(total > 500, `expected several pages, totalCount ${total}`);
      assert.equal(seen.size, total);
      assert.equal(count, Math.ceil(total / 500));
      const requested = emu.log.list().map((r) => `${r.path}?${r.query}`);
      assert.equal(requested.length, count, requested.join("\n"));
      assert.ok(requested.every((r) => r.startsWith("/maximo/oslc/os/mxapiwodetail?")), requested.join("\n"));
      const pagenos = requested.map((r) => /[?&]pageno=(\d+)/.exec(r)?.[1] ?? "1");
      assert.deepEqual(pagenos, Array.from({ length: count }, (_, i) => String(i + 1)));
    } finally {
      executor.close();
    }
  });

  test("nextPageRequest resolves a relative href against the connection's context root, not the previous page's path", () => {
    const { executor } = testExecutor(emu.url);
    try {
      const resolved = query([{ key: "oslc.pageSize", value: "5" }]);
      const template = buildOutgoing(executor.connection, resolved);
      const next = nextPageRequest("oslc/os/mxapiwodetail?lean=1&pageno=2", { request: template }, template, executor.connection);
      assert.equal(next.url.href, `${emu.url}/oslc/os/mxapiwodetail?lean=1&pageno=2`);
      assert.equal(next.method, "GET");
    } finally {
      executor.close();
    }
  });

  test("the page guard stops with an error that says what to do", async () => {
    const { executor } = testExecutor(emu.url);
    try {
      let count = 0;
      await assert.rejects(
        (async () => {
          for await (const _page of pages(executor, query([{ key: "oslc.pageSize", value: "100" }]), { maxPages: 3 })) count++;
        })(),
        /Stopped after 3 pages/,
      );
      assert.equal(count, 3);
    } finally {
      executor.close();
    }
  });

  test("nextPageHref reads both JSON forms and ends on the last page", () => {
    assert.equal(nextPageHref({ responseInfo: { nextPage: { href: "http://h/x?pageno=2" } } }), "http://h/x?pageno=2");
    assert.equal(nextPageHref({ "oslc:responseInfo": { "oslc:nextPage": { "rdf:resource": "http://h/y" } } }), "http://h/y");
    assert.equal(nextPageHref({ responseInfo: { pagenum: 3 } }), undefined);
  });
});

/**
 * The body's crossing to the response page (bodyTransfer.ts's BodyCrossing): the page gets every
 * byte exactly once, in parts, the first with the metadata; never more than the window waits
 * unacknowledged by the page; a page that stops taking parts holds the crossing, and a newer
 * response (cancel) or an undelivered part ends it without leaving the body's file behind.
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { FileBody, MemoryBody, type ResponseBody } from "../../../client/src/body/responseBody";
import { BodyCrossing, firstPartBytes, partBytes, windowBytes, type CrossingTarget } from "../../../client/src/extension/response/bodyTransfer";
import { isPageMessage } from "../../../client/webview/protocol";

const dir = mkdtempSync(join(tmpdir(), "maximo-crossing-"));
after(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
function fileBody(bytes: Buffer, temporary = false): FileBody {
  const path = join(dir, `body-${files++}`);
  writeFileSync(path, bytes);
  return new FileBody(path, bytes.length, { temporary });
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

/**
 * A page that takes parts and acknowledges them later, in a shuffled order, like messages that
 * cross while the page is busy; it records what it assembled and the most bytes ever unacknowledged.
 */
class FakePage implements CrossingTarget {
  assembled: Buffer | undefined;
  totalBytes = -1;
  firsts = 0;
  offsets: number[] = [];
  maxUnacked = 0;
  private readonly pending = new Map<number, number>();
  crossing: BodyCrossing | undefined;

  constructor(private readonly acking: "shuffled" | "never" = "shuffled", private readonly refuseAt?: number) {}

  first(buffer: ArrayBuffer, totalBytes: number): Promise<boolean> {
    this.firsts++;
    this.totalBytes = totalBytes;
    this.assembled = Buffer.alloc(totalBytes);
    return this.take(0, buffer);
  }

  part(offset: number, buffer: ArrayBuffer): Promise<boolean> {
    return this.take(offset, buffer);
  }

  get unacked(): number {
    return [...this.pending.values()].reduce((sum, bytes) => sum + bytes, 0);
  }

  private take(offset: number, buffer: ArrayBuffer): Promise<boolean> {
    assert.ok(buffer instanceof ArrayBuffer, "every part is an ArrayBuffer");
    if (offset === this.refuseAt) return Promise.resolve(false);
    this.offsets.push(offset);
    Buffer.from(buffer).copy(this.assembled!, offset);
    this.pending.set(offset, buffer.byteLength);
    this.maxUnacked = Math.max(this.maxUnacked, this.unacked);
    if (this.acking === "shuffled") {
      // Acknowledged after a few turns of the loop; a later part may be acknowledged first.
      const turns = 1 + ((offset / 1024) % 4);
      void (async () => {
        for (let i = 0; i < turns; i++) await tick();
        this.pending.delete(offset);
        this.crossing!.ack(offset);
      })();
    }
    return Promise.resolve(true);
  }
}

function cross(body: ResponseBody, page: FakePage, options?: ConstructorParameters<typeof BodyCrossing>[2]): { crossing: BodyCrossing; done: Promise<string> } {
  const crossing = new BodyCrossing(body, page, options);
  page.crossing = crossing;
  return { crossing, done: crossing.run() };
}

describe("the body's crossing to the page", () => {
  test("a 3.3 MB body on disk: the page assembles exactly the bytes, in order, never more than the window unacknowledged", async () => {
    const bytes = randomBytes(3 * 1024 * 1024 + 333_333);
    const page = new FakePage();
    const { done } = cross(fileBody(bytes), page);
    assert.equal(await done, "posted");
    assert.ok(page.assembled!.equals(bytes), "the assembled body equals the bytes sent");
    assert.equal(page.firsts, 1);
    assert.equal(page.totalBytes, bytes.length);
    const expected = [0];
    for (let offset = firstPartBytes; offset < bytes.length; offset += partBytes) expected.push(offset);
    assert.deepEqual(page.offsets, expected, "each part once, in order");
    assert.ok(page.maxUnacked <= windowBytes, `at most ${windowBytes} bytes unacknowledged (saw ${page.maxUnacked})`);
  });

  test("the window holds whatever the part size: at most N parts unacknowledged", async () => {
    const bytes = randomBytes(200_000);
    for (const [size, window] of [[1000, 3000], [7 * 1024 + 3, 7 * 1024 + 3], [4096, 50_000]] as const) {
      const page = new FakePage();
      const { done } = cross(new MemoryBody(bytes), page, { firstPartBytes: size, partBytes: size, windowBytes: window });
      assert.equal(await done, "posted");
      assert.ok(page.assembled!.equals(bytes));
      assert.ok(page.maxUnacked <= Math.max(window, size), `${size}/${window}: ${page.maxUnacked}`);
      assert.ok(page.maxUnacked / size <= Math.max(1, Math.floor(window / size)), "whole parts within the window");
    }
  });

  test("a small body is one part, with the metadata, as its own buffer", async () => {
    const bytes = Buffer.from(new ArrayBuffer(1000)).fill(7);
    let sent: ArrayBuffer | undefined;
    const crossing = new BodyCrossing(new MemoryBody(bytes), {
      first: (buffer, totalBytes) => ((sent = buffer), assert.equal(totalBytes, 1000), Promise.resolve(true)),
      part: () => assert.fail("no second part"),
    });
    assert.equal(await crossing.run(), "posted");
    assert.equal(sent, bytes.buffer, "not copied");
  });

  test("an empty body still shows: one empty first part", async () => {
    const page = new FakePage();
    const { done } = cross(new MemoryBody(Buffer.alloc(0)), page);
    assert.equal(await done, "posted");
    assert.deepEqual(page.offsets, [0]);
    assert.equal(page.totalBytes, 0);
  });

  test("a page that stops acknowledging holds the crossing at the window; a newer response ends it and its temporary file goes", async () => {
    const bytes = randomBytes(4 * windowBytes);
    const body = fileBody(bytes, true);
    const page = new FakePage("never");
    const { crossing, done } = cross(body, page);
    let ended: string | undefined;
    void done.then((end) => (ended = end));
    // Parts go out (the first four fill the window), then nothing more while the page is silent.
    while (page.unacked < windowBytes && ended === undefined) await new Promise((resolve) => setTimeout(resolve, 5));
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    assert.equal(ended, undefined, "still waiting for the page");
    assert.equal(page.unacked, windowBytes, "exactly the window went out, no more");
    assert.ok(existsSync(body.file), "the crossing holds the file while it waits");
    crossing.ack(123_456);
    for (let i = 0; i < 5; i++) await tick();
    assert.equal(page.unacked, windowBytes, "an acknowledgement of a part never sent changes nothing");
    crossing.cancel();
    assert.equal(await done, "cancelled");
    for (let i = 0; i < 20 && existsSync(body.file); i++) await new Promise((resolve) => setTimeout(resolve, 10));
    assert.equal(existsSync(body.file), false, "its last holder let go: the temporary file is removed");
  });

  test("a part the page does not take ends the crossing: nothing more is posted", async () => {
    const bytes = randomBytes(firstPartBytes + 10 * partBytes);
    const refuseAt = firstPartBytes + 2 * partBytes;
    const page = new FakePage("shuffled", refuseAt);
    const { done } = cross(new MemoryBody(bytes), page);
    assert.equal(await done, "undelivered");
    assert.ok(Math.max(...page.offsets) <= refuseAt + windowBytes, `stopped soon after the refused part: ${page.offsets.join(",")}`);
    assert.ok(page.offsets.length < 10);
  });

  test("a body whose file is gone rejects with the reason, for the panel's log", async () => {
    const body = fileBody(randomBytes(1000));
    rmSync(body.file);
    await assert.rejects(new BodyCrossing(body, new FakePage()).run(), /ENOENT/);
  });
});

describe("the page's acknowledgement", () => {
  test("a bodyAck names its response and a whole offset; anything else is refused", () => {
    assert.equal(isPageMessage({ type: "bodyAck", responseId: "r1", offset: 262_144 }), true);
    assert.equal(isPageMessage({ type: "bodyAck", responseId: "r1", offset: 0 }), true);
    assert.equal(isPageMessage({ type: "bodyAck", responseId: "r1" }), false);
    assert.equal(isPageMessage({ type: "bodyAck", responseId: "r1", offset: "0" }), false);
    assert.equal(isPageMessage({ type: "bodyAck", responseId: "r1", offset: 1.5 }), false);
    assert.equal(isPageMessage({ type: "bodyAck", offset: 0 }), false);
    assert.equal(isPageMessage(null), false);
  });
});

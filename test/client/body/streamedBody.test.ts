/**
 * Bodies that arrive over a socket: kept in memory up to the spill threshold, written to a
 * temporary file past it, and in both cases exactly the bytes received (compared by hash), for
 * content-length and chunked responses and for gzip, which the transport decompresses. A body on
 * disk reads like one in memory (text, JSON, slices, a copy), says in words when an operation needs
 * more of it in memory than allowed, and its temporary file goes when the last holder lets go.
 */
import assert from "node:assert/strict";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { after, afterEach, before, beforeEach, describe, test } from "node:test";
import { folderStorage } from "../../../client/src/body/bodyStorage";
import { BodyTooLargeError, FileBody, MemoryBody, type ResponseBody } from "../../../client/src/body/responseBody";
import { TransportError } from "../../../client/src/http/types";
import { request, testExecutor } from "../http/support";

const spill = 64 * 1024;
/** Bodies served by path: /len/<key> with a content-length, /chunked/<key> in uneven writes, /gzip/<key> compressed. */
const bodies = new Map<string, Buffer>();
let server: http.Server;
let base = "";
let dir: string;

function sha(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

async function hashOf(body: ResponseBody): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of body.chunks(10_000)) hash.update(chunk);
  return hash.digest("hex");
}

before(async () => {
  server = http.createServer((req, res) => {
    const [, mode, key] = (req.url ?? "").replace(/^\/maximo\/oslc\//, "/").split("/");
    const body = bodies.get(key ?? "");
    if (!body) return void res.writeHead(404).end();
    if (mode === "len") return void res.writeHead(200, { "content-type": "application/octet-stream", "content-length": body.length }).end(body);
    if (mode === "gzip") return void res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" }).end(gzipSync(body));
    if (mode === "cut") {
      // Declares every byte, sends a little over half, then drops the connection.
      res.writeHead(200, { "content-type": "application/json", "content-length": body.length });
      res.write(body.subarray(0, Math.floor(body.length * 0.6)), () => setTimeout(() => res.socket?.destroy(), 20));
      return;
    }
    res.writeHead(200, { "content-type": "application/json" });
    let at = 0;
    const step = () => {
      // Uneven writes, so parts straddle the threshold in every way.
      while (at < body.length) {
        const size = 1 + ((at * 7919) % 40_000);
        const more = res.write(body.subarray(at, at + size));
        at += size;
        if (!more) return void res.once("drain", step);
      }
      res.end();
    };
    step();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "bodies-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function executor(options: { spillBytes?: number; maxBodyBytes?: number } = {}) {
  return testExecutor(base, { transport: { bodies: folderStorage(dir, options.spillBytes ?? spill), ...(options.maxBodyBytes ? { maxBodyBytes: options.maxBodyBytes } : {}) } }).executor;
}

/** JSON text of about `size` bytes (so text() and json() can be checked), exactly `size` long. */
function jsonBody(size: number): Buffer {
  const head = '{"member":[';
  const tail = "]}";
  const records: string[] = [];
  let length = head.length + tail.length;
  for (let i = 0; length < size - 40; i++) {
    const record = `${i ? "," : ""}{"wonum":"${1000 + i}","d":"${randomBytes(6).toString("hex")}"}`;
    records.push(record);
    length += record.length;
  }
  const text = `${head}${records.join("")}${tail}`;
  // Pad with spaces before the final brace to hit the size exactly.
  return Buffer.from(`${text.slice(0, -1)}${" ".repeat(Math.max(0, size - text.length))}}`);
}

describe("streamed bodies equal the bytes received", () => {
  const sizes = [0, 1, spill - 1, spill, spill + 1, 3 * spill + 12_345];
  for (const mode of ["len", "chunked", "gzip"] as const) {
    for (const size of sizes) {
      test(`${mode}, ${size} bytes: ${size > spill ? "a temporary file" : "in memory"}, same hash`, async () => {
        const key = `${mode}-${size}`;
        const served = mode === "len" || size < 100 ? randomBytes(size) : jsonBody(size);
        assert.equal(served.length, size);
        bodies.set(key, served);
        const exec = executor();
        try {
          const response = await exec.execute(request("GET", `${base}/maximo/oslc/${mode}/${key}`));
          assert.equal(response.status, 200);
          assert.equal(response.size, size);
          assert.equal(response.body.file !== undefined, size > spill, "spilled exactly when over the threshold");
          assert.equal(await hashOf(response.body), sha(served));
          assert.equal(sha(response.bytes), sha(served), "the whole-body Buffer is the same bytes");
          if (response.body.file) assert.equal(sha(readFileSync(response.body.file)), sha(served));
          if (mode !== "len" && size > 100) assert.ok(Array.isArray((response.json() as { member: unknown[] }).member), "JSON parses from the file");
          const middle = Math.floor(size / 2);
          assert.deepEqual(await response.body.read(middle, middle + 1000), served.subarray(middle, middle + 1000));
        } finally {
          exec.close();
        }
      });
    }
  }

  test("the default threshold is 4 MB: a 4 MB body stays in memory, one byte more goes to a file", async () => {
    const limit = 4 * 1024 * 1024;
    bodies.set("at", randomBytes(limit));
    bodies.set("over", randomBytes(limit + 1));
    const exec = testExecutor(base, { transport: { bodies: folderStorage(dir) } }).executor;
    try {
      const at = await exec.execute(request("GET", `${base}/maximo/oslc/chunked/at`));
      const over = await exec.execute(request("GET", `${base}/maximo/oslc/chunked/over`));
      assert.equal(at.body.file, undefined);
      assert.ok(over.body.file?.startsWith(dir));
      assert.equal(await hashOf(over.body), sha(bodies.get("over")!));
    } finally {
      exec.close();
    }
  });

  test("a body cut off after the threshold keeps its start for the user and leaves no file behind", async () => {
    const served = jsonBody(4 * spill);
    bodies.set("cut", served);
    const exec = executor();
    try {
      await assert.rejects(exec.execute(request("GET", `${base}/maximo/oslc/cut/cut`)), (error: unknown) => {
        assert.ok(error instanceof TransportError);
        assert.equal(error.kind, "truncated");
        assert.ok(error.partialBody && error.partialBody.length > 0);
        assert.deepEqual(error.partialBody, served.subarray(0, error.partialBody.length), "the partial bytes are the start of the body");
        return true;
      });
      assert.deepEqual(readdirSync(dir), [], "the temporary file was removed");
    } finally {
      exec.close();
    }
  });

  test("a body over the size cap is refused and its file removed", async () => {
    bodies.set("huge", randomBytes(6 * spill));
    const exec = executor({ maxBodyBytes: 3 * spill });
    try {
      await assert.rejects(exec.execute(request("GET", `${base}/maximo/oslc/chunked/huge`)), /larger than the size limit/);
      assert.deepEqual(readdirSync(dir), []);
    } finally {
      exec.close();
    }
  });
});

describe("a body on disk", () => {
  test("its temporary file goes when the last holder lets go, not before", async () => {
    bodies.set("held", randomBytes(2 * spill));
    const exec = executor();
    try {
      const response = await exec.execute(request("GET", `${base}/maximo/oslc/len/held`));
      const file = response.body.file!;
      const panel = response.body.hold();
      const run = response.body.hold();
      run();
      run();
      assert.ok(existsSync(file), "still held by the panel (a second release of the same hold counts once)");
      panel();
      await waitUntil(() => !existsSync(file));
      assert.throws(() => response.body.readSync(0, 10), /no longer available/);
    } finally {
      exec.close();
    }
  });

  test("a body that is not temporary (history's own file) is never removed by its holders", async () => {
    const path = join(dir, "kept.body");
    writeFileSync(path, "x".repeat(100));
    const body = new FileBody(path, 100, { temporary: false });
    body.hold()();
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.ok(existsSync(path));
  });

  test("a reader reads many slices through one open file: the same bytes as read(), clamped, each in a buffer of its own", async () => {
    const bytes = randomBytes(300_000);
    const path = join(dir, "reader.body");
    writeFileSync(path, bytes);
    for (const body of [new FileBody(path, bytes.length, { temporary: false }), new MemoryBody(bytes)] as ResponseBody[]) {
      const reader = await body.reader();
      try {
        for (const [from, to] of [[0, 1000], [299_000, 400_000], [123_456, 223_456], [-5, 10], [300_000, 300_010]] as const) {
          const slice = await reader.read(from, to);
          assert.ok(slice.equals(await body.read(from, to)), `${from}-${to}`);
          assert.ok(slice.equals(bytes.subarray(Math.max(0, from), Math.min(bytes.length, to))));
        }
        if (body.file) {
          const part = await reader.read(1000, 263_144);
          assert.equal(part.byteOffset, 0);
          assert.equal(part.buffer.byteLength, part.length, "a file slice owns its ArrayBuffer (posted uncopied)");
        }
      } finally {
        await reader.close();
      }
    }
  });

  test("an operation that needs the whole body says so, in words, past the limit", async () => {
    const path = join(dir, "big.body");
    writeFileSync(path, "{}".padEnd(2000, " "));
    const body = new FileBody(path, 2000, { temporary: false, wholeBodyLimit: 1000 });
    assert.throws(() => body.readAll("a JSONPath expectation"), (error: unknown) => {
      assert.ok(error instanceof BodyTooLargeError);
      assert.match(error.message, /kept on disk; a JSONPath expectation needs the whole body in memory/);
      return true;
    });
    assert.equal((await body.read(0, 2)).toString(), "{}", "slices still read");
    const copy = join(dir, "copy.json");
    await body.saveTo(copy);
    assert.equal(readFileSync(copy).length, 2000, "saving copies the file");
  });
});

async function waitUntil(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  assert.ok(check());
}

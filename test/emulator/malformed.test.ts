/**
 * Fuzz: 1,000 malformed requests over raw TCP, each answered with a Maximo-shaped error (or,
 * only for bytes that are not HTTP at all, a clean close), and the server still serving after.
 */
import assert from "node:assert/strict";
import { connect } from "node:net";
import { after, before, describe, it } from "node:test";
import { startEmulator, type EmulatorHandle } from "../../emulator/index";
import { apikeyHeader, send } from "./support/testClient";
import { pick, prng } from "../support/random";

type Category = "json" | "header" | "percent" | "utf8" | "route" | "method" | "garbage";

interface Case {
  category: Category;
  bytes: Buffer;
}

interface Outcome {
  bytes: Buffer;
  error?: NodeJS.ErrnoException;
}

function exchange(port: number, bytes: Buffer): Promise<Outcome> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    const chunks: Buffer[] = [];
    socket.on("connect", () => socket.end(bytes));
    socket.on("data", (chunk) => chunks.push(chunk));
    socket.on("error", (error) => resolve({ bytes: Buffer.concat(chunks), error }));
    socket.on("close", () => resolve({ bytes: Buffer.concat(chunks) }));
  });
}

function httpRequest(method: string, target: string, headers: Record<string, string>, body = ""): Buffer {
  const all = { host: "127.0.0.1", connection: "close", ...headers, "content-length": String(Buffer.byteLength(body)) };
  const head = Object.entries(all).map(([k, v]) => `${k}: ${v}\r\n`).join("");
  return Buffer.concat([Buffer.from(`${method} ${target} HTTP/1.1\r\n${head}\r\n`, "latin1"), Buffer.from(body, "utf8")]);
}

function makeCase(random: () => number): Case {
  const category = pick(random, ["json", "header", "percent", "utf8", "route", "method", "garbage"] as const);
  const junk = (n: number) => Array.from({ length: n }, () => String.fromCharCode(33 + Math.floor(random() * 94))).join("");
  const auth = { ...apikeyHeader };
  switch (category) {
    case "json": {
      const bodies = ['{"assetnum":', "[1,2", "{]", "nul", '{"a":"\\u12"}', junk(1 + Math.floor(random() * 40)), '{"siteid":{"x":[}'];
      const path = pick(random, ["/maximo/oslc/os/mxapiasset", "/maximo/api/os/mxapiwodetail", "/maximo/oslc/os/mxapiasset?lean=1"]);
      const override: Record<string, string> = random() < 0.3 ? { "x-method-override": "BULK" } : {};
      return { category, bytes: httpRequest("POST", path, { ...auth, ...override, "content-type": "application/json" }, pick(random, bodies)) };
    }
    case "header": {
      const size = 17_000 + Math.floor(random() * 30_000);
      return { category, bytes: httpRequest("GET", "/maximo/oslc/whoami", { ...auth, "x-big": "a".repeat(size) }) };
    }
    case "percent": {
      const bad = pick(random, ["%", "%Z1", "%4", "%G0", "%%", "%C3"]);
      const target = random() < 0.5 ? `/maximo/oslc/os/mxapiasset?oslc.where=${bad}${junk(3)}` : `/maximo/oslc/os/mx${bad}asset`;
      return { category, bytes: httpRequest("GET", target, auth) };
    }
    case "utf8": {
      // Percent escapes of invalid UTF-8, or raw bytes >= 0x80 in the request target.
      if (random() < 0.5) {
        const bad = pick(random, ["%C3%28", "%FF", "%E2%82", "%F0%28%8C%BC", "%C0%AF"]);
        return { category, bytes: httpRequest("GET", `/maximo/oslc/os/mxapiasset?oslc.select=${bad}`, auth) };
      }
      const raw = Buffer.from([0xc3, 0x28, 0xff, 0xfe].slice(0, 1 + Math.floor(random() * 4)));
      const head = httpRequest("GET", "/maximo/oslc/os/XX", auth).toString("latin1");
      const [before, afterTarget] = head.split("XX") as [string, string];
      return { category, bytes: Buffer.concat([Buffer.from(before, "latin1"), raw, Buffer.from(afterTarget, "latin1")]) };
    }
    case "route": {
      const target = pick(random, [`/maximo/oslc/${junk(6)}`, `/${junk(8)}`, `/maximo/${junk(4)}`, `/maximo/oslc/os/mxapiasset/${junk(5)}/${junk(5)}/${junk(5)}`]);
      return { category, bytes: httpRequest("GET", target.replace(/[?#%\\]/g, "x"), auth) };
    }
    case "method": {
      const method = pick(random, ["FOO", "BREW", "OPTIONS", "TRACE", "PROPFIND", "CONNECTX", "G3T", "PATCH", "PUT"]);
      return { category, bytes: httpRequest(method, "/maximo/oslc/os/mxapiasset", auth) };
    }
    case "garbage": {
      const bytes = Buffer.from(Array.from({ length: 1 + Math.floor(random() * 200) }, () => Math.floor(random() * 256)));
      return { category, bytes: Buffer.concat([bytes, Buffer.from("\r\n\r\n")]) };
    }
  }
}

/** Parses a single HTTP/1.1 response with a Content-Length. */
function parseResponse(bytes: Buffer): { status: number; headers: Record<string, string>; body: string } | undefined {
  const text = bytes.toString("utf8");
  const end = text.indexOf("\r\n\r\n");
  if (end < 0) return undefined;
  const [statusLine, ...lines] = text.slice(0, end).split("\r\n");
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(statusLine ?? "")?.[1]);
  const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(":")).toLowerCase(), l.slice(l.indexOf(":") + 1).trim()]));
  return { status, headers, body: text.slice(end + 4) };
}

function assertMaximoShaped(c: Case, outcome: Outcome): void {
  const response = parseResponse(outcome.bytes);
  const label = `${c.category}: ${JSON.stringify(c.bytes.subarray(0, 120).toString("latin1"))}`;
  assert.ok(response, `${label}: no HTTP response (${outcome.error?.code ?? "closed"})`);
  assert.ok(response.status >= 400 && response.status < 600, `${label}: status ${response.status}`);
  assert.equal(response.headers["content-type"], "application/json;charset=UTF-8", label);
  assert.equal(Buffer.byteLength(response.body), Number(response.headers["content-length"]), label);
  const error = (JSON.parse(response.body) as { Error: { statusCode: string; reasonCode: string; message: string } }).Error;
  assert.equal(error.statusCode, String(response.status), label);
  assert.match(error.reasonCode, /^BMXAA\d{4}E$/, label);
  assert.ok(error.message.startsWith(error.reasonCode), label);
}

describe("malformed requests (fuzz, seeded)", () => {
  let emu: EmulatorHandle;
  before(async () => {
    emu = await startEmulator({ port: 0 });
  });
  after(() => emu.close());

  it("answers 1,000 malformed requests with Maximo-shaped errors and keeps serving", async (t) => {
    const random = prng(20240603);
    const counts = new Map<string, number>();
    let cleanCloses = 0;
    for (let i = 0; i < 1000; i++) {
      const c = makeCase(random);
      const outcome = await exchange(emu.port, c.bytes);
      counts.set(c.category, (counts.get(c.category) ?? 0) + 1);
      if (c.category === "garbage" && outcome.bytes.length === 0) {
        // Only bytes that are not HTTP may end in a close, and it must be clean (no reset).
        assert.equal(outcome.error, undefined, `garbage ${i}: ${outcome.error?.code}`);
        cleanCloses++;
        continue;
      }
      assertMaximoShaped(c, outcome);
      if (c.category === "header") assert.equal(parseResponse(outcome.bytes)!.status, 431);
      if (c.category === "percent" || c.category === "utf8" || c.category === "json") {
        assert.equal(parseResponse(outcome.bytes)!.status, 400, `${c.category} ${c.bytes.toString("latin1").slice(0, 80)}`);
      }
      if (c.category === "route") assert.equal(parseResponse(outcome.bytes)!.status, 404);
    }
    assert.equal([...counts.values()].reduce((a, b) => a + b, 0), 1000);
    t.diagnostic(`cases ${JSON.stringify(Object.fromEntries(counts))}; clean closes for garbage: ${cleanCloses}`);
    assert.ok(cleanCloses < (counts.get("garbage") ?? 0), "most garbage gets a 400 body");
    const normal = await send(`${emu.url}/oslc/os/mxapiasset?oslc.pageSize=1&lean=1`, { headers: apikeyHeader });
    assert.equal(normal.status, 200, normal.text);
  });
});

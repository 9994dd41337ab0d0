/**
 * TLS (issue 5): verification is on by default, a connection's caFile makes a private CA
 * trusted, and `insecure` turns verification off for that connection only, with a warning.
 * The server is a local https server with a certificate made by openssl for this test.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer as createHttpServer } from "node:http";
import { createServer, type Server } from "node:https";
import { connect as netConnect } from "node:net";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import type { ConnectionConfig } from "../../../client/src/connections/types";
import { createExecutor } from "../../../client/src/http/executor";
import { createTransport } from "../../../client/src/http/transport";
import { TransportError } from "../../../client/src/http/types";
import { apikeyConnection, apikeySecrets, request } from "./support";

let dir: string;
let server: Server;
let url: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "mxwb-tls-"));
  execFileSync("openssl", [
    "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
    "-addext", "subjectAltName=IP:127.0.0.1,DNS:maximo.test", "-keyout", join(dir, "key.pem"), "-out", join(dir, "cert.pem"),
  ], { stdio: "ignore" });
  server = createServer({ key: readFileSync(join(dir, "key.pem")), cert: readFileSync(join(dir, "cert.pem")) }, (req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ userName: "MAXADMIN", path: req.url }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/maximo`;
});

after(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

async function whoami(extra: Partial<ConnectionConfig>): Promise<{ status?: number; error?: unknown; lines: string[] }> {
  const lines: string[] = [];
  const executor = createExecutor({ connection: { name: "tls", url, apiRoot: "oslc", auth: "apikey", ...extra }, secrets: apikeySecrets, log: (l) => lines.push(l) });
  try {
    return { status: (await executor.execute(request("GET", "whoami"))).status, lines };
  } catch (error) {
    return { error, lines };
  } finally {
    executor.close();
  }
}

test("a self-signed server is refused by default with a TLS error that says what to do", async () => {
  const { error } = await whoami({});
  assert.ok(error instanceof TransportError, String(error));
  assert.equal(error.kind, "tls");
  assert.match(error.message, /caFile|insecure/);
});

test("the connection's caFile makes its CA trusted", async () => {
  const { status, lines } = await whoami({ caFile: join(dir, "cert.pem") });
  assert.equal(status, 200);
  assert.ok(!lines.some((l) => /verification is off/.test(l)));
});

test("insecure turns verification off for that connection and warns", async () => {
  const { status, lines } = await whoami({ insecure: true });
  assert.equal(status, 200);
  assert.ok(lines.some((l) => /verification is off/.test(l)), lines.join("\n"));
  const strict = await whoami({});
  assert.ok(strict.error instanceof TransportError, "another connection stays verified");
});

test("HTTPS_PROXY: an https target goes through a CONNECT tunnel, verified against the caFile, with the proxy's credentials", async () => {
  const port = (server.address() as AddressInfo).port;
  const tunnels: Array<{ target?: string; auth?: string }> = [];
  // A CONNECT proxy that sends every tunnel to our https server, whatever host it names.
  const proxy = createHttpServer();
  proxy.on("connect", (req, client, head) => {
    tunnels.push({ target: req.url, auth: req.headers["proxy-authorization"] });
    const upstream = netConnect(port, "127.0.0.1", () => {
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      upstream.write(head);
      upstream.pipe(client).pipe(upstream);
    });
    upstream.on("error", () => client.destroy());
    client.on("error", () => upstream.destroy());
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  const proxyUrl = `http://u:p@127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  const connection = { ...apikeyConnection("https://maximo.test/maximo"), caFile: join(dir, "cert.pem") };
  const transport = createTransport({ connection, env: { HTTPS_PROXY: proxyUrl } });
  try {
    const answer = await transport.send({ method: "GET", url: new URL(`https://maximo.test:${port}/maximo/oslc/whoami`), headers: new Map() });
    assert.equal(answer.status, 200);
    assert.equal(JSON.parse(answer.body.readAll().toString()).path, "/maximo/oslc/whoami");
    assert.deepEqual(tunnels, [{ target: `maximo.test:${port}`, auth: `Basic ${Buffer.from("u:p").toString("base64")}` }]);
  } finally {
    transport.close();
    proxy.closeAllConnections();
    await new Promise((resolve) => proxy.close(resolve));
  }
});

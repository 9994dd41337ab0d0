/** HTTP_PROXY for http:// targets (absolute-form request line), NO_PROXY bypass; the proxy is a local server. */
import assert from "node:assert/strict";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, test } from "node:test";
import { bypassesProxy, proxyFor } from "../../../client/src/http/proxy";
import { createTransport } from "../../../client/src/http/transport";
import { apikeyConnection } from "./support";

let proxy: http.Server;
let proxyUrl = "";
const seen: Array<{ line: string; host?: string; auth?: string }> = [];

before(async () => {
  proxy = http.createServer((req, res) => {
    seen.push({ line: `${req.method} ${req.url}`, host: req.headers.host, auth: req.headers["proxy-authorization"] });
    res.writeHead(200, { "content-type": "application/json" }).end('{"via":"proxy"}');
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", () => resolve()));
  proxyUrl = `http://u:p@127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});
after(async () => {
  await new Promise<void>((resolve) => {
    proxy.close(() => resolve());
    proxy.closeAllConnections();
  });
});

describe("proxy", () => {
  test("an http:// target goes through HTTP_PROXY in absolute form, with the proxy's credentials", async () => {
    // maximo.test is never resolved: the socket goes to the proxy on 127.0.0.1.
    const transport = createTransport({ connection: apikeyConnection("http://maximo.test/maximo"), env: { HTTP_PROXY: proxyUrl } });
    try {
      const answer = await transport.send({ method: "GET", url: new URL("http://maximo.test:9080/maximo/oslc/whoami?lean=1"), headers: new Map() });
      assert.equal(answer.body.readAll().toString(), '{"via":"proxy"}');
      assert.deepEqual(seen.at(-1), { line: "GET http://maximo.test:9080/maximo/oslc/whoami?lean=1", host: "maximo.test:9080", auth: `Basic ${Buffer.from("u:p").toString("base64")}` });
    } finally {
      transport.close();
    }
  });

  test("NO_PROXY entries and loopback bypass the proxy, without a warning", () => {
    const env = { HTTP_PROXY: "http://proxy:3128", HTTPS_PROXY: "http://proxy:3128", NO_PROXY: ".internal.example, other.example:8443" };
    assert.equal(proxyFor(new URL("http://a.internal.example/x"), env), undefined);
    assert.equal(proxyFor(new URL("https://other.example:8443/x"), env), undefined);
    assert.equal(proxyFor(new URL("http://other.example/x"), env)?.host, "proxy:3128");
    assert.equal(proxyFor(new URL("http://127.0.0.5:9/x"), env), undefined);
    assert.ok(bypassesProxy(new URL("http://anything/"), "*"));
    const lines: string[] = [];
    const transport = createTransport({ connection: apikeyConnection("https://maximo.test/maximo"), env, log: (l) => lines.push(l) });
    transport.send({ method: "GET", url: new URL("https://127.0.0.1:1/x"), headers: new Map() }).catch(() => {});
    transport.close();
    assert.equal(lines.length, 0, "loopback: no proxy, no warning");
  });
});

/**
 * The host's pure parts of the response panel: the HTML shell's Content-Security-Policy (strict,
 * with a fresh unguessable nonce; resources only from the webview source) and the body's hand-over
 * as one exact ArrayBuffer, and the page-message guard.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { bodyArrayBuffer, firstPartBytes, partBytes, partRanges } from "../../../client/src/extension/response/bodyTransfer";
import { contentSecurityPolicy, makeNonce, panelHtml } from "../../../client/src/extension/response/panelHtml";
import { isPageMessage } from "../../../client/webview/protocol";

const cspSource = "https://*.vscode-cdn.net";

describe("panel HTML", () => {
  const html = panelHtml({ cspSource, scriptUri: "https://x.vscode-cdn.net/dist/webview.js", styleUri: "https://x.vscode-cdn.net/dist/webview.css", nonce: "abc123+/=" });

  test("the CSP allows nothing by default, scripts only by nonce, styles, images and fonts only from the webview source", () => {
    const csp = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1];
    assert.equal(
      csp,
      `default-src 'none'; script-src 'nonce-abc123+/='; style-src ${cspSource} 'nonce-abc123+/='; img-src ${cspSource} data:; font-src ${cspSource}`,
    );
    assert.equal(contentSecurityPolicy(cspSource, "n").includes("unsafe"), false);
  });

  test("one script and one stylesheet, both from dist/ with the nonce; no inline script", () => {
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    assert.equal(scripts.length, 1);
    assert.match(scripts[0]![1]!, /nonce="abc123\+\/=" src="https:\/\/x\.vscode-cdn\.net\/dist\/webview\.js"/);
    assert.equal(scripts[0]![2], "", "no inline code");
    assert.match(html, /<link rel="stylesheet" nonce="abc123\+\/=" href="https:\/\/x\.vscode-cdn\.net\/dist\/webview\.css">/);
    assert.doesNotMatch(html, /https?:\/\/(?!x\.vscode-cdn\.net|\*\.vscode-cdn\.net)/, "no other origin is referenced");
  });

  test("nonces are 128 random bits, different on every load", () => {
    const nonces = new Set(Array.from({ length: 100 }, makeNonce));
    assert.equal(nonces.size, 100);
    for (const nonce of nonces) assert.equal(Buffer.from(nonce, "base64").length, 16);
    const first = /nonce-([^']+)'/.exec(panelHtml({ cspSource, scriptUri: "s", styleUri: "c" }))?.[1];
    const second = /nonce-([^']+)'/.exec(panelHtml({ cspSource, scriptUri: "s", styleUri: "c" }))?.[1];
    assert.notEqual(first, second);
  });
});

describe("the body's hand-over", () => {
  test("a body that owns its buffer goes as that buffer, not a copy", () => {
    const body = new Uint8Array(new ArrayBuffer(1000));
    assert.equal(bodyArrayBuffer(body), body.buffer);
    const big = Buffer.alloc(64 * 1024);
    assert.equal(bodyArrayBuffer(big), big.buffer, "a large Buffer has its own ArrayBuffer");
  });

  test("a view on part of a larger buffer (a small pooled Buffer) goes as exactly its bytes", () => {
    const pooled = Buffer.from('{"member":[]}');
    assert.ok(pooled.buffer.byteLength > pooled.byteLength, "node pools small Buffers");
    const sent = bodyArrayBuffer(pooled);
    assert.ok(sent instanceof ArrayBuffer);
    assert.equal(Buffer.from(sent).toString(), '{"member":[]}');
  });
});

describe("the body in parts", () => {
  // The parts as BodyCrossing cuts them: its ranges, each an exact ArrayBuffer.
  const bodyParts = (body: Uint8Array) => [...partRanges(body.byteLength)].map(({ from, to }) => ({ offset: from, buffer: bodyArrayBuffer(body, from, to) }));

  test("a small body is one part: its own buffer", () => {
    const body = new Uint8Array(new ArrayBuffer(1000)).fill(7);
    const parts = bodyParts(body);
    assert.equal(parts.length, 1);
    assert.equal(parts[0]!.buffer, body.buffer);
  });

  test("a large body: a first part for the first screen, then fixed parts that rejoin to the body", () => {
    const body = Buffer.alloc(firstPartBytes + 2 * partBytes + 12345);
    for (let i = 0; i < body.length; i++) body[i] = (i * 31) & 0xff;
    const parts = bodyParts(body);
    assert.deepEqual(parts.map((part) => [part.offset, part.buffer.byteLength]), [
      [0, firstPartBytes],
      [firstPartBytes, partBytes],
      [firstPartBytes + partBytes, partBytes],
      [firstPartBytes + 2 * partBytes, 12345],
    ]);
    const joined = Buffer.concat(parts.map((part) => Buffer.from(part.buffer)));
    assert.ok(joined.equals(body));
  });
});

describe("page messages", () => {
  test("only well-formed messages pass", () => {
    assert.equal(isPageMessage({ type: "ready" }), true);
    assert.equal(isPageMessage({ type: "save", responseId: "r1" }), true);
    assert.equal(isPageMessage({ type: "copy", text: "x", what: "cell" }), true);
    assert.equal(isPageMessage({ type: "save" }), false);
    assert.equal(isPageMessage({ type: "copy", text: 1, what: "cell" }), false);
    assert.equal(isPageMessage({ type: "runCommand", responseId: "r1" }), false);
    assert.equal(isPageMessage(null), false);
    assert.equal(isPageMessage("ready"), false);
  });
});

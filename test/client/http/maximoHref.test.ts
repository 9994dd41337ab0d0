/**
 * Resolving hrefs a Maximo server wrote (PRODUCT.md "Real-server facts": with `relativeuri=1`
 * every href is relative to the context root, `oslc/os/mxapidomain/_SU5...--/synonymdomain`).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { contextRootFor, contextRootOfRequest, contextRootUrl, isContextRootRelative, resolveMaximoHref } from "../../../client/src/http/maximoHref";

const connection = { url: "https://host.example/maximo" };

test("contextRootUrl: the connection URL's origin and path with one trailing slash", () => {
  assert.equal(contextRootUrl(connection).href, "https://host.example/maximo/");
  assert.equal(contextRootUrl({ url: "https://host.example/maximo///" }).href, "https://host.example/maximo/");
  assert.equal(contextRootUrl({ url: "http://127.0.0.1:7001/" }).href, "http://127.0.0.1:7001/");
});

test("a relative href resolves against the context root, never against the request's own path", () => {
  const root = contextRootUrl(connection);
  assert.equal(resolveMaximoHref("oslc/os/mxapidomain/_SU5WT0lDRVNUQVRVUw--/synonymdomain", root).href, "https://host.example/maximo/oslc/os/mxapidomain/_SU5WT0lDRVNUQVRVUw--/synonymdomain");
  assert.equal(resolveMaximoHref("oslc/os/mxapiasset?lean=1&pageno=2", root).href, "https://host.example/maximo/oslc/os/mxapiasset?lean=1&pageno=2");
  assert.equal(resolveMaximoHref("api/os/mxapiasset/_QQ--", root).href, "https://host.example/maximo/api/os/mxapiasset/_QQ--");
});

test("an absolute href is kept on the connection's origin; a path from the origin stays on it", () => {
  const root = contextRootUrl(connection);
  assert.equal(resolveMaximoHref("https://host.example/maximo/oslc/os/x?pageno=2", root).href, "https://host.example/maximo/oslc/os/x?pageno=2");
  // A server behind a proxy may name its inside host: the request still goes where the user chose.
  assert.equal(resolveMaximoHref("http://inside:9080/maximo/oslc/os/x?pageno=2", root).href, "https://host.example/maximo/oslc/os/x?pageno=2");
  assert.equal(resolveMaximoHref("/maximo/oslc/os/x", root).href, "https://host.example/maximo/oslc/os/x");
  assert.equal(resolveMaximoHref("//elsewhere.example/maximo/oslc/os/x", root).href, "https://host.example/maximo/oslc/os/x");
});

test("the context root of a request: the connection's on its server, else the path before /oslc/ or /api/", () => {
  assert.equal(contextRootOfRequest(new URL("https://other.example/mx/oslc/os/x?a=1")).href, "https://other.example/mx/");
  assert.equal(contextRootOfRequest(new URL("https://other.example/maximo/api/os/x")).href, "https://other.example/maximo/");
  assert.equal(contextRootOfRequest(new URL("https://other.example/plain")).href, "https://other.example/");
  assert.equal(contextRootFor(new URL("https://host.example/maximo/oslc/os/x"), connection).href, "https://host.example/maximo/");
  assert.equal(contextRootFor(new URL("https://other.example/mx/oslc/os/x"), connection).href, "https://other.example/mx/");
});

test("isContextRootRelative: oslc/ and api/ paths, not the api-root-relative os/... a file writes", () => {
  for (const href of ["oslc/os/x", "api/os/x", "oslc", "OSLC/os/x", "oslc?x=1"]) assert.equal(isContextRootRelative(href), true, href);
  for (const href of ["os/mxapiasset", "whoami", "/maximo/oslc/os/x", "https://h/maximo/oslc", "oslcx/os"]) assert.equal(isContextRootRelative(href), false, href);
});

/**
 * The cookie jar (RFC 6265 §5.2-5.4) with the cookies a WebSphere/Liberty Maximo sets
 * (JSON API reference §2.2.2: JSESSIONID and LtpaToken2 replayed on later calls).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { CookieJar, splitSetCookie } from "../../../client/src/auth/cookieJar";

const at = (url: string) => new URL(url);

test("Path: JSESSIONID=/maximo reaches the API but not another app; LtpaToken2=/ reaches every path", () => {
  const jar = new CookieJar();
  jar.store(at("https://mx.example/maximo/j_security_check"), ["JSESSIONID=s1; Path=/maximo; HttpOnly", "LtpaToken2=l1; Path=/; HttpOnly; Secure"]);
  assert.equal(jar.header(at("https://mx.example/maximo/oslc/whoami")), "JSESSIONID=s1; LtpaToken2=l1");
  assert.equal(jar.header(at("https://mx.example/maximoX/oslc")), "LtpaToken2=l1");
  assert.equal(jar.header(at("https://mx.example/other")), "LtpaToken2=l1");
});

test("default path is the request's directory", () => {
  const jar = new CookieJar();
  jar.store(at("http://h/maximo/oslc/login"), ["A=1"]);
  assert.equal(jar.header(at("http://h/maximo/oslc/whoami")), "A=1");
  assert.equal(jar.header(at("http://h/maximo/api/whoami")), undefined);
});

test("host-only without Domain; a Domain cookie reaches subdomains; a foreign Domain is refused", () => {
  const jar = new CookieJar();
  jar.store(at("https://manage.mas.example/maximo/"), ["HOST=1; Path=/", "DOM=2; Path=/; Domain=.mas.example", "EVIL=3; Path=/; Domain=attacker.example"]);
  assert.equal(jar.header(at("https://manage.mas.example/")), "HOST=1; DOM=2");
  assert.equal(jar.header(at("https://auth.mas.example/")), "DOM=2");
  assert.equal(jar.header(at("https://attacker.example/")), undefined);
  jar.store(at("http://127.0.0.1/"), ["IP=1; Domain=0.0.1"]);
  assert.equal(jar.header(at("http://127.0.0.1/")), undefined);
});

test("Secure cookies only over https, and only set by https", () => {
  const jar = new CookieJar();
  jar.store(at("https://h/"), ["S=1; Secure; Path=/"]);
  assert.equal(jar.header(at("http://h/")), undefined);
  assert.equal(jar.header(at("https://h/")), "S=1");
  jar.store(at("http://h/"), ["T=1; Secure; Path=/"]);
  assert.equal(jar.header(at("https://h/")), "S=1");
});

test("Max-Age and Expires: expiry drops a cookie; Max-Age=0 clears it (the logout answer); Max-Age wins", () => {
  let now = Date.parse("2024-01-01T00:00:00Z");
  const jar = new CookieJar(() => now);
  jar.store(at("http://h/"), ["A=1; Path=/; Max-Age=60", "B=2; Path=/; Expires=Mon, 01 Jan 2024 00:00:30 GMT", "C=3; Path=/; Max-Age=120; Expires=Mon, 01 Jan 2024 00:00:01 GMT"]);
  assert.equal(jar.header(at("http://h/")), "A=1; B=2; C=3");
  now += 31_000;
  assert.equal(jar.header(at("http://h/")), "A=1; C=3");
  jar.store(at("http://h/"), ['A=""; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT']);
  assert.equal(jar.header(at("http://h/")), "C=3");
});

test("a cookie set again replaces the old value", () => {
  const jar = new CookieJar();
  jar.store(at("http://h/maximo/x"), ["JSESSIONID=old; Path=/maximo"]);
  jar.store(at("http://h/maximo/x"), ["JSESSIONID=new; Path=/maximo"]);
  assert.equal(jar.header(at("http://h/maximo/oslc")), "JSESSIONID=new");
});

test("a Set-Cookie header joined with commas is split without cutting an Expires date", () => {
  assert.deepEqual(splitSetCookie("A=1; Expires=Thu, 01 Jan 2099 00:00:00 GMT; Path=/, B=2; Path=/"), ["A=1; Expires=Thu, 01 Jan 2099 00:00:00 GMT; Path=/", "B=2; Path=/"]);
});

test("domain matching: a parent domain reaches its subdomains but not a look-alike; a public suffix is refused", () => {
  const jar = new CookieJar();
  jar.store(at("https://manage.mas.example.com/maximo/"), ["PARENT=1; Path=/; Domain=example.com", "TLD=2; Path=/; Domain=com", "SIBLING=3; Path=/; Domain=other.example.com"]);
  assert.equal(jar.header(at("https://auth.example.com/")), "PARENT=1");
  assert.equal(jar.header(at("https://badexample.com/")), undefined, "a suffix match must fall on a dot");
  assert.equal(jar.header(at("https://other.com/")), undefined, "Domain=com is a public suffix");
  assert.equal(jar.header(at("https://other.example.com/")), "PARENT=1", "a sibling host cannot set cookies for another sibling");
  assert.ok(!jar.has("TLD") && !jar.has("SIBLING"));
});

test("a host-only cookie does not reach subdomains, and host names match without case", () => {
  const jar = new CookieJar();
  jar.store(at("https://MX.Example.com/maximo/x"), ["ONLY=1; Path=/"]);
  assert.equal(jar.header(at("https://mx.example.com/")), "ONLY=1");
  assert.equal(jar.header(at("https://sub.mx.example.com/")), undefined);
});

test("path matching: /maximo reaches /maximo and /maximo/..., not /maximox; Path=/maximo/ needs the slash", () => {
  const jar = new CookieJar();
  jar.store(at("http://h/"), ["A=1; Path=/maximo", "B=2; Path=/maximo/oslc/"]);
  assert.equal(jar.header(at("http://h/maximo")), "A=1");
  assert.equal(jar.header(at("http://h/maximo/oslc/os")), "B=2; A=1", "longer paths first");
  assert.equal(jar.header(at("http://h/maximo/oslc")), "A=1");
  assert.equal(jar.header(at("http://h/maximox")), undefined);
  // A Path that does not start with "/" falls back to the default path, the request's directory (§5.2.4).
  jar.store(at("http://h/app/login"), ["C=3; Path=relative"]);
  assert.equal(jar.header(at("http://h/app/x")), "C=3");
  assert.equal(jar.header(at("http://h/elsewhere")), undefined);
});

test("Secure on plain-http loopback: 127.0.0.1 and localhost count as secure origins, as in browsers", () => {
  const jar = new CookieJar();
  jar.store(at("http://127.0.0.1:9080/maximo/j_security_check"), ["LtpaToken2=loop-token; Path=/; Secure; HttpOnly"]);
  assert.equal(jar.header(at("http://127.0.0.1:9080/maximo/oslc/whoami")), "LtpaToken2=loop-token");
  jar.store(at("http://localhost/"), ["L=1; Path=/; Secure"]);
  assert.equal(jar.header(at("http://localhost/")), "L=1");
  jar.store(at("http://10.0.0.5/"), ["LAN=1; Path=/; Secure"]);
  assert.ok(!jar.has("LAN"), "a non-loopback http origin may not set a Secure cookie");
});

test("HttpOnly cookies are sent: the executor is an HTTP client, not a page script", () => {
  const jar = new CookieJar();
  jar.store(at("https://h/maximo/"), ["JSESSIONID=abc123456; Path=/maximo; HttpOnly"]);
  assert.equal(jar.header(at("https://h/maximo/oslc/os/mxapiasset")), "JSESSIONID=abc123456");
});

test("several Set-Cookie values in one response, in separate headers or joined by commas", () => {
  const jar = new CookieJar();
  jar.store(at("https://h/maximo/login"), [
    "JSESSIONID=s1; Path=/maximo; HttpOnly, LtpaToken2=l1; Path=/; Expires=Thu, 01 Jan 2099 00:00:00 GMT; Secure",
    "lang=EN; Path=/",
  ]);
  assert.equal(jar.header(at("https://h/maximo/oslc")), "JSESSIONID=s1; LtpaToken2=l1; lang=EN");
  assert.deepEqual(jar.values().sort(), ["EN", "l1", "s1"]);
});

test("expiry: Max-Age counts from when it was set, however often the cookie is used; an Expires in the past deletes", () => {
  let now = Date.parse("2024-06-01T12:00:00Z");
  const jar = new CookieJar(() => now);
  jar.store(at("http://h/"), ["SESSION=s; Path=/; Max-Age=60", "KEEP=k; Path=/; Expires=Sat, 01 Jun 2024 13:00:00 GMT"]);
  for (let i = 0; i < 5; i++) {
    now += 11_000;
    assert.match(jar.header(at("http://h/")) ?? "", /SESSION=s/, "still valid within 60 s");
  }
  now += 10_000;
  assert.equal(jar.header(at("http://h/")), "KEEP=k", "expired 60 s after it was set, though used every 11 s");
  assert.ok(!jar.has("SESSION"));
  jar.store(at("http://h/"), ["KEEP=gone; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT"]);
  assert.equal(jar.header(at("http://h/")), undefined);
  assert.deepEqual(jar.values(), []);
});

test("clear() forgets every cookie; a malformed Set-Cookie is ignored", () => {
  const jar = new CookieJar();
  jar.store(at("http://h/"), ["=novalue; Path=/", "GOOD=1; Path=/"]);
  assert.equal(jar.header(at("http://h/")), "GOOD=1");
  jar.clear();
  assert.equal(jar.header(at("http://h/")), undefined);
  assert.ok(!jar.has("GOOD"));
});

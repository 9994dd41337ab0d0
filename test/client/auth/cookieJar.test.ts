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

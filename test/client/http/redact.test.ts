/** Secrets never leave in logs, errors or curl export (PRODUCT.md "Rules of the house"). */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { startEmulator, type EmulatorHandle } from "../../../emulator/index";
import { toCurl } from "../../../client/src/http/curl";
import { redact } from "../../../client/src/http/redact";
import { TransportError, type OutgoingRequest } from "../../../client/src/http/types";
import { buildOutgoing } from "../../../client/src/http/url";
import { createExecutor } from "../../../client/src/http/executor";
import { apikeyConnection, assertNoSecret, emulatorApikey, request, testExecutor } from "./support";

describe("redact()", () => {
  test("masks the given secrets (raw and URL-encoded) and secret-shaped fields", () => {
    const text = [
      "GET http://h/maximo/api/os/x?apikey=k3y&lean=1",
      "Authorization: Bearer tok.en",
      "maxauth: bWF4YWRtaW46bWF4YWRtaW4=",
      "Cookie: JSESSIONID=abc; LtpaToken2=xyz",
      '{"user":"maxadmin","password":"s3cret pass","access_token":"at"}',
      "the password was p@ss/word and p%40ss%2Fword",
    ].join("\n");
    const out = redact(text, ["p@ss/word"]);
    for (const secret of ["k3y", "tok.en", "bWF4YWRtaW46bWF4YWRtaW4=", "JSESSIONID=abc", "xyz", "s3cret pass", '"at"', "p@ss/word", "p%40ss%2Fword"]) {
      assert.ok(!out.includes(secret), `${secret} in ${out}`);
    }
    assert.match(out, /"user":"maxadmin"/);
  });

  test("masks by name what no secret list knows: x- headers, query and JSON fields named like secrets, URL passwords", () => {
    // Maximo's MAXUSER password fields (reference §24.1): passwordinput, passwordcheck, passwordold.
    const text = [
      "    > x-api-key: HDRKEY1",
      "x-maximo-password: HDRPW2",
      "GET http://h/x?pw_ok=1&j_password=QPW3&api_key=QPW4&token=QPW5&_lpwd=QPW6",
      '{"passwordinput":"BODY7","passwordcheck":"BODY8","_lpwd":"BODY9","siteid":"BEDFORD"}',
      "failed: http://wilson:URLPW10@127.0.0.1:9/maximo is an url with embedded credentials",
      'got "JSESSIONID=COOKIE11; Path=/maximo; HttpOnly"',
    ].join("\n");
    const out = redact(text);
    for (const secret of ["HDRKEY1", "HDRPW2", "QPW3", "QPW4", "QPW5", "QPW6", "BODY7", "BODY8", "BODY9", "URLPW10", "COOKIE11"]) assert.ok(!out.includes(secret), `${secret} in ${out}`);
    // What is no secret stays readable.
    for (const kept of ["pw_ok=1", '"siteid":"BEDFORD"', "http://wilson:*****@127.0.0.1:9/maximo", "Path=/maximo"]) assert.ok(out.includes(kept), `${kept} gone from ${out}`);
  });
});

describe("redact(), second audit", () => {
  test("a known secret however it was percent-encoded; a value with commas whole; XML and numeric JSON fields; sentence punctuation kept", () => {
    const text = [
      "GET http://h/x?q=Q%27uote%7CPWX1&p=%2Fmaximo/Sp%20ace%2BPlus!PWX2",
      "GET http://h/x?_lpwd=Ab,PWY1: could not connect",
      "<MXUSER><PASSWORD>XMLPW3</PASSWORD><USERID>wilson</USERID></MXUSER>",
      '{"passwordinput":12345678,"siteid":"BEDFORD"}',
    ].join("\n");
    const out = redact(text, ["Q'uote|PWX1", "Sp ace+Plus!PWX2"]);
    for (const secret of ["PWX1", "PWX2", "PWY1", "XMLPW3", "12345678"]) assert.ok(!out.includes(secret), `${secret} in ${out}`);
    for (const kept of ["_lpwd=*****: could not connect", "<USERID>wilson</USERID>", '"siteid":"BEDFORD"']) assert.ok(out.includes(kept), `${kept} gone from ${out}`);
  });

  test("names that only look like a secret word inside another are left alone", () => {
    assert.equal(redact("x-session-idle: 30"), "x-session-idle: 30");
    assert.equal(redact("passenger=1&site=n"), "passenger=1&site=n");
  });
});

describe("toCurl()", () => {
  const outgoing: OutgoingRequest = {
    method: "POST",
    url: new URL("https://host/maximo/oslc/os/mxapiasset?lean=1&oslc.where=status=%22OPERATING%22&apikey=qk"),
    headers: new Map([
      ["apikey", "sekret-key"],
      ["maxauth", "bWF4"],
      ["authorization", "Bearer tkn"],
      ["cookie", "JSESSIONID=1"],
      ["content-type", "application/json"],
      ["x-note", "it's"],
    ]),
    body: Buffer.from('{"description":"a \'quoted\' $HOME","password":"pw1"}'),
  };
  const curl = toCurl(outgoing);

  test("puts environment-variable placeholders where secrets were", () => {
    for (const secret of ["sekret-key", "bWF4", "tkn", "JSESSIONID=1", "pw1", "=qk"]) assert.ok(!curl.includes(secret), `${secret} in ${curl}`);
    assert.match(curl, /-H "apikey: \$MAXIMO_APIKEY"/);
    assert.match(curl, /-H "maxauth: \$MAXIMO_MAXAUTH"/);
    assert.match(curl, /-H "Authorization: Bearer \$MAXIMO_TOKEN"/);
    assert.match(curl, /-H "Cookie: \$MAXIMO_COOKIE"/);
    assert.match(curl, /&apikey='"\$MAXIMO_APIKEY" /);
  });

  test("secret-named headers and query values, a URL password and known secret values leave as placeholders or masks", () => {
    const copied = toCurl(
      {
        method: "GET",
        url: new URL("http://wilson:UPW1@host/maximo/api/os/x?lean=1&password=QPW2&x=KNOWN3"),
        headers: new Map([
          ["x-auth-token", "HTK4"],
          ["x-site", "KNOWN3"],
        ]),
      },
      { secrets: ["KNOWN3"] },
    );
    for (const secret of ["UPW1", "QPW2", "KNOWN3", "HTK4"]) assert.ok(!copied.includes(secret), `${secret} in ${copied}`);
    assert.match(copied, /'http:\/\/wilson:'"\$MAXIMO_PASSWORD"'@host\/maximo\/api\/os\/x\?lean=1&password='"\$MAXIMO_PASSWORD"'&x=\*\*\*\*\*'/);
    assert.match(copied, /-H "x-auth-token: \$MAXIMO_TOKEN"/);
    assert.match(copied, /-H 'x-site: \*\*\*\*\*'/);
  });

  test("Maximo's user name parameter and a where clause reach the pasted command as written", () => {
    const copied = toCurl({ method: "GET", url: new URL('http://h/maximo/oslc/os/x?_lid=wilson&_lpwd=pw1&oslc.where=description="token=5"'), headers: new Map() });
    assert.match(copied, /_lid=wilson&_lpwd='"\$MAXIMO_PASSWORD"'&oslc.where=description=%22token=5%22/);
  });

  test("shell-quotes everything else and sends the body with --data-binary", () => {
    assert.match(curl, /^curl \\\n {2}-X 'POST' \\\n/);
    assert.match(curl, /-H 'x-note: it'\\''s'/);
    assert.match(curl, /--data-binary '\{"description":"a '\\''quoted'\\'' \$HOME"/);
    assert.match(curl, /'https:\/\/host\/maximo\/oslc\/os\/mxapiasset\?lean=1&oslc.where=status=%22OPERATING%22&apikey='/);
  });
});

describe("no secret in what the executor shows", () => {
  let emu: EmulatorHandle;
  before(async () => {
    emu = await startEmulator({ port: 0 });
  });
  after(async () => {
    await emu.close();
  });

  test("logs, errors, responses and curl of an apikey run hold no apikey", async () => {
    const { executor, lines } = testExecutor(emu.url);
    const outputs: string[] = [];
    try {
      emu.addFault({ path: "mxapiwodetail", method: "GET", kind: "503", count: 1 });
      emu.addFault({ path: "mxapiasset", method: "GET", kind: "reset" });
      const ok = await executor.execute(request("GET", "os/mxapiwodetail", { query: [{ key: "lean", value: "1" }, { key: "oslc.pageSize", value: "1" }] }));
      outputs.push(toCurl(ok.request), JSON.stringify([...ok.request.headers]), ok.text());
      try {
        await executor.execute(request("GET", "os/mxapiasset"));
      } catch (error) {
        assert.ok(error instanceof TransportError);
        outputs.push(error.message, String(error.stack));
      }
      assert.ok(executor.secrets().includes(emulatorApikey));
      assert.ok(lines.length >= 2);
      assertNoSecret(emulatorApikey, [...lines, ...outputs]);
      // The credential really was sent: the emulator saw it.
      assert.equal(emu.log.list()[0]!.headers.apikey, emulatorApikey);
    } finally {
      executor.close();
    }
  });

  test("a basic-auth connection: neither the password nor its base64 leaks", async () => {
    const lines: string[] = [];
    const executor = createExecutor({
      connection: { ...apikeyConnection(emu.url), auth: "basic", user: "maxadmin" },
      secrets: { get: async (_c, kind) => (kind === "password" ? "maxadmin" : undefined) },
      log: (line) => lines.push(line),
      retry: { baseDelayMs: 10 },
    });
    try {
      emu.addFault({ path: "whoami", kind: "503", count: 1 });
      const response = await executor.execute(request("GET", "whoami"));
      assert.equal(response.status, 200, response.text());
      const basic = Buffer.from("maxadmin:maxadmin").toString("base64");
      assert.ok(executor.secrets().some((s) => s.includes(basic) || s === "maxadmin"));
      assertNoSecret(basic, [...lines, toCurl(response.request), JSON.stringify([...response.request.headers])]);
      assert.match(toCurl(response.request), /Authorization: Basic \$MAXIMO_BASIC/);
    } finally {
      executor.close();
    }
  });

  test("buildOutgoing + toCurl for a request written with an apikey header", () => {
    const out = buildOutgoing(apikeyConnection("http://127.0.0.1:1/maximo"), request("GET", "whoami", { headers: [["apikey", "typed-in-key"]] }));
    assert.ok(!toCurl(out).includes("typed-in-key"));
  });
});

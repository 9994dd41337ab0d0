// curl command lines as users paste them (from the guides, browsers' "Copy as cURL", terminals)
// turned into .maximo requests: read back through the parser and resolver, what would be sent
// matches what curl sends, and no secret from the command reaches the text.
import assert from "node:assert/strict";
import { test } from "node:test";
import { importRequests, looksLikeCurl } from "../../../client/src/import";
import { splitShell } from "../../../client/src/import/shellWords";
import { assertNoSecret, header, readBack } from "./support";

test("sh quoting: single, double with escapes, backslashes, $'...', line continuations, several commands", () => {
  const parsed = splitShell(
    [
      `curl 'a b' "c \\"d\\" \\$HOME \\\\" e\\ f \\`,
      `  $'g\\nh\\'i' "x"'y'z '' # a comment`,
      `curl -H 'It'\\''s: here' u; curl v`,
    ].join("\n"),
  );
  assert.equal(parsed.problem, undefined);
  assert.deepEqual(parsed.commands, [
    ["curl", "a b", 'c "d" $HOME \\', "e f", "g\nh'i", "xyz", ""],
    ["curl", "-H", "It's: here", "u"],
    ["curl", "v"],
  ]);
  assert.match(splitShell("curl 'open").problem ?? "", /single quote/);
  assert.match(splitShell('curl "open').problem ?? "", /double quote/);
});

test("reference §3-style GET with an apikey header: relative to the connection, query readable, key gone", async () => {
  const command = `curl -s -H 'apikey: hx3k9w2qp7' 'https://maximo.example.com/maximo/api/os/mxapiwodetail?lean=1&oslc.select=wonum,status&oslc.where=status%3D%22APPR%22+and+siteid%3D%22BEDFORD%22&oslc.orderBy=%2Bwonum'`;
  const { text, format, requests } = importRequests(command);
  assert.equal(format, "curl");
  assert.equal(requests, 1);
  assertNoSecret(text, ["hx3k9w2qp7"]);
  assert.match(text, /^# Sent through a connection to https:\/\/maximo\.example\.com\/maximo \(auth apikey, API root api\)/m);
  const [request] = await readBack(text);
  assert.equal(request!.method, "GET");
  assert.equal(request!.target, "os/mxapiwodetail");
  assert.deepEqual(request!.query, [
    { key: "lean", value: "1" },
    { key: "oslc.select", value: "wonum,status" },
    { key: "oslc.where", value: 'status="APPR" and siteid="BEDFORD"' },
    { key: "oslc.orderBy", value: "+wonum" },
  ]);
  assert.equal(header(request!, "apikey"), undefined, "the connection signs in, not a header");
  assert.match(text, /&oslc\.where=status="APPR" and siteid="BEDFORD"/, "the query is written readable");
});

test("--absolute keeps the server and leaves the key to $MAXIMO_APIKEY", async () => {
  const { text } = importRequests(`curl -H 'apikey: hx3k9w2qp7' https://maximo.example.com/maximo/api/whoami`, { connectionRelative: false });
  assertNoSecret(text, ["hx3k9w2qp7"]);
  const [request] = await readBack(text, { MAXIMO_APIKEY: "from-env" });
  assert.equal(request!.target, "https://maximo.example.com/maximo/api/whoami");
  assert.equal(header(request!, "apikey"), "from-env");
  assert.match(text, /# Credentials are read from MAXIMO_APIKEY/);
});

test("-X POST with -H and --data-raw JSON (a quote inside): the body is sent as JSON, pretty-printed", async () => {
  const command = [
    `curl -X POST 'http://127.0.0.1:9080/maximo/oslc/os/mxapiwodetail?lean=1' \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -H "properties: wonum,status" \\`,
    `  --data-raw '{"siteid":"BEDFORD","description":"Pump'\\''s seal leaks"}'`,
  ].join("\n");
  const { text } = importRequests(command);
  const [request] = await readBack(text);
  assert.equal(request!.method, "POST");
  assert.equal(request!.target, "http://127.0.0.1:9080/maximo/oslc/os/mxapiwodetail");
  assert.equal(header(request!, "properties"), "wonum,status");
  assert.deepEqual(JSON.parse(String(request!.body)), { siteid: "BEDFORD", description: "Pump's seal leaks" });
});

test("-d implies POST and a form body; several -d join with &; -d @file becomes a body file", async () => {
  const [form] = await readBack(importRequests(`curl http://127.0.0.1:9/x -d a=1 -d 'b=two words'`).text);
  assert.equal(form!.method, "POST");
  assert.equal(form!.body, "a=1&b=two words");
  assert.equal(header(form!, "content-type"), "application/x-www-form-urlencoded");

  const file = importRequests(`curl -X POST -H 'Content-Type: application/json' --data-binary @payloads/wo.json http://127.0.0.1:9/maximo/oslc/os/mxapiwodetail`).text;
  assert.match(file, /^< \.\/payloads\/wo\.json$/m);
  const plain = importRequests(`curl -d @body.txt http://127.0.0.1:9/x`).text;
  assert.match(plain, /^< \.\/body\.txt$/m);
  assert.match(plain, /without its line breaks/, "the -d newline stripping difference is said");
});

test("--data-urlencode in its forms, with -G into the query", async () => {
  const [post] = await readBack(importRequests(`curl http://127.0.0.1:9/x --data-urlencode 'comment=a b&c=d' --data-urlencode '=x/y' --data-urlencode plain`).text);
  assert.equal(post!.body, "comment=a%20b%26c%3Dd&x%2Fy&plain");

  const [get] = await readBack(importRequests(`curl -G 'http://127.0.0.1:9/maximo/oslc/os/mxapiasset' --data-urlencode 'oslc.where=assetnum="11450"' -d lean=1`).text);
  assert.equal(get!.method, "GET");
  assert.equal(get!.body, undefined);
  assert.deepEqual(get!.query, [
    { key: "oslc.where", value: 'assetnum="11450"' },
    { key: "lean", value: "1" },
  ]);
});

test("-u user:password never writes the password: MAXIMO_BASIC, or the connection for a Maximo URL", async () => {
  const other = importRequests(`curl -u 'wilson:pa$$w0rd!' https://api.example.test/v1/things`).text;
  assertNoSecret(other, ["pa$$w0rd!"]);
  const [request] = await readBack(other, { MAXIMO_BASIC: "d2lsc29uOnB3" });
  assert.equal(header(request!, "authorization"), "Basic d2lsc29uOnB3");
  assert.match(other, /Signed in as "wilson"/);

  const maximo = importRequests(`curl --user maxadmin:maxadmin1 --url 'https://mx.example.test/maximo/oslc/os/mxapiasset?lean=1'`).text;
  assertNoSecret(maximo, ["maxadmin1"]);
  assert.match(maximo, /auth basic, user "maxadmin", API root oslc/);
  const [relative] = await readBack(maximo);
  assert.equal(relative!.target, "os/mxapiasset");
  assert.equal(header(relative!, "authorization"), undefined);
});

test("a browser's Copy as cURL: $'...' body, cookies and a bearer token left to variables, clustered flags", async () => {
  const command = [
    `curl 'https://mas.example.test/maximo/oslc/os/mxapisr?lean=1' \\`,
    `  -H 'accept: application/json' \\`,
    `  -H 'authorization: Bearer eyJhbGciOi.secret.sig' \\`,
    `  -b 'JSESSIONID=0000abcSESSION; LtpaToken2=ltpaSECRET' \\`,
    `  -H 'csrftoken: csrfSECRET' \\`,
    `  -H 'x-api-key: xapiSECRET' \\`,
    `  --data-raw $'{"description":"Leak\\\\nin bay 4","password":"formSECRET"}' \\`,
    `  -sSL --compressed -o /dev/null -w '%{http_code}'`,
  ].join("\n");
  const { text } = importRequests(command);
  assertNoSecret(text, ["eyJhbGciOi.secret.sig", "0000abcSESSION", "ltpaSECRET", "csrfSECRET", "formSECRET", "xapiSECRET"]);
  const env = { MAXIMO_TOKEN: "T", MAXIMO_COOKIE: "C", MAXIMO_CSRFTOKEN: "X", MAXIMO_PASSWORD: "P", MAXIMO_APIKEY: "K" };
  const [request] = await readBack(text, env);
  // A bearer token is not a connection's sign-in: the URL stays absolute.
  assert.equal(request!.target, "https://mas.example.test/maximo/oslc/os/mxapisr");
  assert.equal(request!.method, "POST");
  assert.equal(header(request!, "authorization"), "Bearer T");
  assert.equal(header(request!, "cookie"), "C");
  assert.equal(header(request!, "csrftoken"), "X");
  assert.equal(header(request!, "x-api-key"), "K");
  assert.deepEqual(JSON.parse(String(request!.body)), { description: "Leak\nin bay 4", password: "P" });
  assert.match(text, /# Credentials are read from MAXIMO_APIKEY, MAXIMO_COOKIE, MAXIMO_CSRFTOKEN, MAXIMO_PASSWORD, MAXIMO_TOKEN/);
});

test("-I, --json, unknown options named, a $ prompt, and non-curl lines skipped", async () => {
  const text = importRequests(["$ curl -I http://127.0.0.1:9/maximo/oslc/whoami", "echo done", "curl --json '{\"a\":1}' --frobnicate http://127.0.0.1:9/y"].join("\n")).text;
  const [head, json] = await readBack(text);
  assert.equal(head!.method, "HEAD");
  assert.equal(json!.method, "POST");
  assert.equal(header(json!, "content-type"), "application/json");
  assert.equal(header(json!, "accept"), "application/json");
  assert.match(text, /# curl option --frobnicate was not converted \(nor the value after it, if it takes one\)\./);
  assert.match(text, /# Skipped a command that is not curl: echo done/);
});

test("control characters from the command are written visibly, never raw", () => {
  const { text } = importRequests(`curl -H $'X-Evil: \\e[31mred\\a' http://127.0.0.1:9/x`);
  assert.ok(!/[\x00-\x08\x0b-\x1f\x7f]/.test(text), JSON.stringify(text));
  assert.match(text, /X-Evil: \\x1b\[31mred\\x07/);
});

test("not curl, no URL, an unclosed quote: sentences", () => {
  assert.throws(() => importRequests("wget http://x"), /No curl command found/);
  assert.throws(() => importRequests("curl -s"), /has no URL/);
  assert.throws(() => importRequests("curl 'http://x"), /single quote/);
  assert.throws(() => importRequests('{"not":"postman"}'), /not a Postman collection/);
  assert.equal(looksLikeCurl("  curl http://x"), true);
  assert.equal(looksLikeCurl("$ curl http://x"), true);
  assert.equal(looksLikeCurl("GET http://x"), false);
});

test("body fields named like secrets beyond the fixed list (MAXUSER passwordinput, passwordcheck, passwordold; any looksSecret name) go to $processEnv", async () => {
  const json = `curl -X POST -H 'Content-Type: application/json' http://127.0.0.1:9/maximo/oslc/os/mxapiuser -d '{"userid":"BOB","passwordinput":"pwIN-1","passwordcheck":"pwIN-1","passwordold":"pwOLD-2","x-api-key":"xk-3","nested":{"client_secret":"cs-4"},"pinpassword":9911,"status":"ACTIVE","empty_password":""}'`;
  const { text } = importRequests(json);
  assertNoSecret(text, ["pwIN-1", "pwOLD-2", "xk-3", "cs-4", "9911"]);
  const [request] = await readBack(text, { MAXIMO_PASSWORD: "P", MAXIMO_APIKEY: "K", MAXIMO_CLIENT_SECRET: "S" });
  assert.deepEqual(JSON.parse(String(request!.body)), { userid: "BOB", passwordinput: "P", passwordcheck: "P", passwordold: "P", "x-api-key": "K", nested: { client_secret: "S" }, pinpassword: "P", status: "ACTIVE", empty_password: "" });

  const form = importRequests(`curl http://127.0.0.1:9/login -d 'user=bob&passwordinput=pwF-5&auth_token=atF-6'`).text;
  assertNoSecret(form, ["pwF-5", "atF-6"]);
  const [posted] = await readBack(form, { MAXIMO_PASSWORD: "P", MAXIMO_TOKEN: "T" });
  assert.equal(posted!.body, "user=bob&passwordinput=P&auth_token=T");
});

test("query parameters named like secrets (password=, j_password=, api_key=, token=, -G -d 'password=...') go to $processEnv", async () => {
  const { text } = importRequests(`curl 'http://127.0.0.1:9/x?user=bob&password=qpw-1&j_password=qpw-2&api_key=qk-3&token=qt-4&lean=1'`);
  assertNoSecret(text, ["qpw-1", "qpw-2", "qk-3", "qt-4"]);
  const [request] = await readBack(text, { MAXIMO_PASSWORD: "P", MAXIMO_APIKEY: "K", MAXIMO_TOKEN: "T" });
  assert.deepEqual(request!.query, [
    { key: "user", value: "bob" },
    { key: "password", value: "P" },
    { key: "j_password", value: "P" },
    { key: "api_key", value: "K" },
    { key: "token", value: "T" },
    { key: "lean", value: "1" },
  ]);
  const get = importRequests(`curl -G http://127.0.0.1:9/x -d 'password=gpw-5'`).text;
  assertNoSecret(get, ["gpw-5"]);
  assert.deepEqual((await readBack(get, { MAXIMO_PASSWORD: "P" }))[0]!.query, [{ key: "password", value: "P" }]);
});

// curl(1), URL: "user:password@" in the URL is the user and password to sign in with (basic for HTTP); -u wins over it.
test("URL credentials http://user:pass@host: the password is never written, the sign-in goes to MAXIMO_BASIC with a note", async () => {
  const { text } = importRequests(`curl 'http://bob:urlPW-1@127.0.0.1:9/api/things?lean=1'`);
  assertNoSecret(text, ["urlPW-1"]);
  assert.match(text, /# Signed in as "bob" from the URL/);
  const [request] = await readBack(text, { MAXIMO_BASIC: "B64" });
  assert.equal(request!.target, "http://127.0.0.1:9/api/things");
  assert.equal(header(request!, "authorization"), "Basic B64");

  const maximo = importRequests(`curl https://maxadmin:urlPW-2@mx.example.test/maximo/oslc/os/mxapiasset`).text;
  assertNoSecret(maximo, ["urlPW-2"]);
  assert.match(maximo, /auth basic, user "maxadmin", API root oslc/);

  const both = importRequests(`curl -u carol:uPW-3 http://dave:urlPW-4@127.0.0.1:9/x`).text;
  assertNoSecret(both, ["uPW-3", "urlPW-4"]);
  assert.match(both, /Signed in as "carol" with curl -u/);
  assert.match(both, /The user and password in the URL \(user "dave"\) were dropped/);
});

// curl(1): --oauth2-bearer <token> "Specify the Bearer Token for OAUTH 2.0 server authentication";
// -U, --proxy-user <user:password> "Specify the user name and password to use for proxy authentication".
test("--oauth2-bearer, --proxy-user/-U and unknown options never make their value the URL nor write it", async () => {
  const bearer = importRequests(`curl --oauth2-bearer tokBEARER-1 http://127.0.0.1:9/maximo/oslc/whoami`).text;
  assertNoSecret(bearer, ["tokBEARER-1"]);
  const [whoami] = await readBack(bearer, { MAXIMO_TOKEN: "T" });
  assert.equal(whoami!.target, "http://127.0.0.1:9/maximo/oslc/whoami");
  assert.equal(header(whoami!, "authorization"), "Bearer T");

  for (const option of ["--proxy-user", "-U"]) {
    const proxied = importRequests(`curl ${option} bob:proxyPW-2 -x http://127.0.0.1:3128 http://127.0.0.1:9/x`).text;
    assertNoSecret(proxied, ["proxyPW-2", "bob:"]);
    assert.match(proxied, new RegExp(`# curl ${option} \\(the proxy's user and password\\) was not converted`));
    assert.equal((await readBack(proxied))[0]!.target, "http://127.0.0.1:9/x");
  }
  assert.equal((await readBack(importRequests(`curl -Ubob:proxyPW-3 http://127.0.0.1:9/x`).text))[0]!.target, "http://127.0.0.1:9/x");

  const unknown = importRequests(`curl --aws-sigv4 secretSIG-4 --frob 127.0.0.1:9/maximo/oslc/whoami`).text;
  assertNoSecret(unknown, ["secretSIG-4"]);
  assert.match(unknown, /# curl option --aws-sigv4 was not converted/);
  assert.equal((await readBack(unknown))[0]!.target, "http://127.0.0.1:9/maximo/oslc/whoami", "the last bare word is the URL");
  const before = importRequests(`curl --frob-token secretTOK-5 http://127.0.0.1:9/y`).text;
  assertNoSecret(before, ["secretTOK-5"]);
  assert.equal((await readBack(before))[0]!.target, "http://127.0.0.1:9/y", "the word with :// is the URL");
});

// POSIX sh (Shell Command Language §2.6.2): $NAME and ${NAME} expand outside single quotes, in
// double quotes too; '$NAME' and \$NAME stay as written; $(...) is a command, not a variable.
test("shell variables in a curl word become {{$processEnv NAME}}; single quotes, \\$ and $(...) stay as written", () => {
  const variable = (name: string) => `<${name}>`;
  const parsed = splitShell(`curl "$MAXIMO_URL/x?a=\${SITE}" '$NOT' \\$NOT2 -H "maxauth: $(echo -n \${U}:\${P} | base64)" $A$B pa$ $1`, { variable });
  assert.deepEqual(parsed.commands, [["curl", "<MAXIMO_URL>/x?a=<SITE>", "$NOT", "$NOT2", "-H", "maxauth: $(echo -n ${U}:${P} | base64)", "<A><B>", "pa$", "$1"]]);
  assert.deepEqual(splitShell(`curl "$X"`).commands, [["curl", "$X"]], "without the option nothing is expanded");
});

test("a URL starting with a shell variable gets no http:// and, as a Maximo API base with a sign-in, becomes connection-relative", async () => {
  const relative = importRequests(`curl -H "maxauth: d2lsc29uOndpbHNvbg==" "$MAXIMO_URL/oslc/os/mxasset?oslc.select=assetnum"`).text;
  assertNoSecret(relative, ["d2lsc29uOndpbHNvbg=="]);
  assert.match(relative, /^# Sent through a connection to \$MAXIMO_URL \(auth maxauth, API root oslc\)/m);
  const [asset] = await readBack(relative);
  assert.equal(asset!.target, "os/mxasset");

  const braced = importRequests(`curl -u maxadmin:pw-1 "\${MAXIMO_HOST}/maximo/api/os/mxapiwo?lean=1"`).text;
  assertNoSecret(braced, ["pw-1"]);
  assert.match(braced, /Sent through a connection to \$MAXIMO_HOST\/maximo \(auth basic, user "maxadmin", API root api\)/);

  // No sign-in a connection repeats: the variable stays the base, read from the environment.
  const cookie = importRequests(`curl -X POST "$MAXIMO_URL/oslc/apitoken/create" -H "Cookie: $SESSION" -d '{"expiration": -1}'`).text;
  assert.doesNotMatch(cookie, /http:\/\//);
  const [token] = await readBack(cookie, { MAXIMO_URL: "http://127.0.0.1:9/maximo", SESSION: "JSESSIONID=1" });
  assert.equal(token!.target, "http://127.0.0.1:9/maximo/oslc/apitoken/create");
  assert.equal(header(token!, "cookie"), "JSESSIONID=1");
  assert.deepEqual(JSON.parse(String(token!.body)), { expiration: -1 });
});

test("a body that is only a shell variable (-d \"$payload\") is read from the environment, with a note", async () => {
  const { text } = importRequests(`curl -X POST -H "Content-Type: application/json" "$BASE/things?lean=1" -d "$payload"`);
  assert.match(text, /# The body is the shell variable \$payload: it is read from the environment variable payload/);
  const [request] = await readBack(text, { BASE: "http://127.0.0.1:9", payload: '{"a":1}' });
  assert.equal(request!.target, "http://127.0.0.1:9/things");
  assert.equal(request!.body, '{"a":1}');
});

// curl(1) -o, --output <file>: "Write output to <file> instead of stdout".
test("-o FILE: a note says the response is not saved there and how to save it; -o /dev/null says nothing", async () => {
  const { text } = importRequests(`curl -H "apikey: k-1" http://127.0.0.1:9/maximo/api/oas/api.json -o maximo_openapi.json`);
  assert.match(text, /# curl -o maximo_openapi\.json saved the response to that file; this request does not: run it with `maximo run FILE --out DIR`/);
  assert.equal((await readBack(text))[0]!.method, "GET");
  assert.doesNotMatch(importRequests(`curl -s -o /dev/null http://127.0.0.1:9/x`).text, /saved the response/);
});

test("notes never quote a secret an option held; -d glued to its JSON value is the body (second audit)", async () => {
  // curl(1): a short option's value may follow it without a space, `-d{...}` as `-d {...}`.
  const glued = importRequests(`curl -X POST -d'{"assetnum":"A","maxauth":"IMP24"}' http://127.0.0.1:9/maximo/api/os/mxapiasset`).text;
  assertNoSecret(glued, ["IMP24"]);
  assert.doesNotMatch(glued, /was not converted/);
  const [sent] = await readBack(glued, { MAXIMO_MAXAUTH: "M" });
  assert.match(String(sent!.body), /"assetnum": "A"/);
  const form = importRequests(`curl -F 'password=IMP03' -F apikey=IMP31 -F file=@a.txt http://127.0.0.1:9/x`).text;
  assertNoSecret(form, ["IMP03", "IMP31"]);
  assert.match(form, /# curl -F password=\*\*\*\*\* \(a multipart form field\) was not converted/);
});

test("an XML body's secret elements (a MIF message's PASSWORD) are left to $processEnv (second audit)", () => {
  const text = importRequests(`curl -X POST -H 'Content-Type: application/xml' -d '<SyncMXPERUSER><MXPERUSERSet><MAXUSER><USERID>WILSON</USERID><PASSWORD>IMP11</PASSWORD><max:PASSWORDCHECK xmlns:max="m">IMP12</max:PASSWORDCHECK></MAXUSER></MXPERUSERSet></SyncMXPERUSER>' http://127.0.0.1:9/meaweb/es/EXTSYS1/MXPERUSERInterface`).text;
  assertNoSecret(text, ["IMP11", "IMP12"]);
  assert.match(text, /<USERID>WILSON<\/USERID><PASSWORD>\{\{\$processEnv MAXIMO_PASSWORD\}\}<\/PASSWORD>/);
});

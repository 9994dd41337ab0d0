import { test } from "node:test";
import assert from "node:assert/strict";
import { parseDocument, toParseSummary, updateDocument, type ParseSummary } from "../../server/src/language/maximo/api";
import { embeddedSource, isLean } from "../../server/src/language/maximo/embeddedQueries";
import { fixture, withLineEnds } from "./maximoTestkit";

const only = (text: string) => {
  const requests = parseDocument(text).requests;
  assert.equal(requests.length, 1, "one request");
  return requests[0]!.request;
};

// ---------------------------------------------------------------------------------------------
// Fixtures written from the REST Client and httpyac documentation, and Maximo's own requests:
// they parse to the recorded summary, without an error or a warning (what httpyac would run
// and Maximo Workbench does not is said as information).
// ---------------------------------------------------------------------------------------------
const notInformation = (summary: ParseSummary) => summary.diagnostics.filter((d) => d.severity !== "information");

for (const name of ["restclient", "httpyac", "maximo"]) {
  test(`fixture ${name}.maximo parses to its recorded summary, without errors or warnings`, () => {
    const summary = toParseSummary(parseDocument(fixture(`${name}.maximo`)));
    const expected = JSON.parse(fixture(`${name}.summary.json`)) as ParseSummary;
    assert.deepEqual(notInformation(summary), []);
    if (name !== "httpyac") assert.deepEqual(summary.diagnostics, []);
    assert.deepEqual(summary, expected);
  });

  for (const [variant, transform] of [
    ["CRLF", (t: string) => withLineEnds(t, "\r\n")],
    ["CR", (t: string) => withLineEnds(t, "\r")],
    ["a byte-order mark", (t: string) => "\uFEFF" + t],
  ] as const) {
    test(`fixture ${name}.maximo with ${variant} gives the same requests`, () => {
      const lf = toParseSummary(parseDocument(fixture(`${name}.maximo`)));
      const other = toParseSummary(parseDocument(transform(fixture(`${name}.maximo`))));
      const normalized = other.requests.map((r) => ({ ...r, body: r.body === null ? null : withLineEnds(r.body, "\n") }));
      // Line ends are not characters: ranges agree exactly (the BOM sits on line 0 before any request).
      assert.deepEqual(normalized, lf.requests);
      assert.deepEqual(notInformation(other), []);
      assert.deepEqual(other.diagnostics.length, lf.diagnostics.length);
    });
  }
}

test("tabs indent continuation lines and separate nothing else", () => {
  const request = only("GET\tos/mxapiasset?lean=1\n\t&oslc.select=assetnum\nAccept:\tapplication/json\n");
  assert.equal(request.url.text, "os/mxapiasset?lean=1&oslc.select=assetnum");
  assert.equal(request.headers[0]!.value.text, "application/json");
});

// ---------------------------------------------------------------------------------------------
// The request line.
// ---------------------------------------------------------------------------------------------
test("request line: a bare URL is a GET, relative Maximo URLs are normal", () => {
  for (const url of ["whoami", "apimeta", "os/mxapiasset", "script/MYSCRIPT", "/maximo/oslc/os/mxwo", "{{base}}/os/x"]) {
    const request = only(`${url}\n`);
    assert.equal(request.method, undefined);
    assert.equal(request.methodName, "GET");
    assert.equal(request.url.path.text, url);
  }
});

test("request line: method, URL and version; the version only at the end", () => {
  const request = only("POST  os/mxapiasset HTTP/1.1  \n");
  assert.equal(request.method?.text, "POST");
  assert.equal(request.url.text, "os/mxapiasset");
  assert.equal(request.httpVersion?.text, "HTTP/1.1");
  const inside = only("GET os/x?q=HTTP/1.1 stays&b=1\n");
  assert.equal(inside.httpVersion, undefined);
  assert.equal(inside.url.query[0]!.value?.text, "HTTP/1.1 stays");
});

test("request line: a no-break or other Unicode space between method and URL parts them, as JavaScript's \\s does for REST Client and httpyac", () => {
  for (const space of ["\u00a0", "\u2009", "\u202f", "\u3000", "\ufeff", " \u00a0 "]) {
    const request = only(`GET${space}os/mxapiasset?lean=1\n`);
    assert.equal(request.method?.text, "GET", JSON.stringify(space));
    assert.equal(request.url.path.text, "os/mxapiasset", JSON.stringify(space));
    assert.equal(request.url.query[0]?.key.text, "lean");
  }
  // After a request, such a line starts the next one, as with a plain space.
  const requests = parseDocument("GET os/a\n\nGET\u00a0os/b\n").requests.map((r) => [r.request.method?.text, r.request.url.path.text]);
  assert.deepEqual(requests, [["GET", "os/a"], ["GET", "os/b"]]);
  // Inside the URL it stays a character of the URL.
  assert.equal(only("GET os/a\u00a0b\n").url.path.text, "os/a\u00a0b");
  assert.equal(only("GETos/x\n").method, undefined);
});

test("request line: a method alone is missing its URL, other words alone are URLs", () => {
  assert.equal(only("DELETE\n").method?.text, "DELETE");
  assert.equal(only("DELETE\n").url.path.text, "");
  assert.equal(only("delete\n").methodName, "DELETE");
  assert.equal(only("systeminfo\n").method, undefined);
});

test("request line: an indented request line", () => {
  const request = only("   GET os/x\n");
  assert.equal(request.method?.text, "GET");
  assert.deepEqual(request.line, { start: 0, end: 11 });
});

test("URL: readable query values keep spaces, quotes and ampersands inside quotes or {{ }}", () => {
  const request = only('GET os/mxapiwodetail?oslc.where=status="APPR" and description="A&B" and siteid="{{ s&t }}"&lean=1\n');
  assert.deepEqual(
    request.url.query.map((q) => [q.key.text, q.value?.text]),
    [
      ["oslc.where", 'status="APPR" and description="A&B" and siteid="{{ s&t }}"'],
      ["lean", "1"],
    ],
  );
});

test("URL: a value may hold = and ?; a key without = has no value; empty parameters are skipped", () => {
  const request = only("GET os/x?a=b=c?d&flag&&e=\n");
  assert.deepEqual(
    request.url.query.map((q) => [q.key.text, q.value?.text]),
    [
      ["a", "b=c?d"],
      ["flag", undefined],
      ["e", ""],
    ],
  );
});

test("URL: percent-encoded keys and values are decoded for analysis", () => {
  const request = only("GET os/mx%41sset?oslc.where=status%3D%22APPR%22%20and%20x%3D%22%C3%A9%22&oslc%2EorderBy=%2Bassetnum\n");
  assert.equal(request.url.path.decoded, "os/mxAsset");
  assert.equal(request.url.segments[1]!.decoded, "mxAsset");
  assert.equal(request.url.query[0]!.value?.decoded, 'status="APPR" and x="é"');
  assert.equal(request.url.query[1]!.key.decoded, "oslc.orderBy");
  assert.equal(request.url.query[1]!.value?.decoded, "+assetnum");
  assert.equal(request.url.text, 'os/mxAsset?oslc.where=status="APPR" and x="é"&oslc.orderBy=+assetnum');
});

test("URL: continuation lines start with ? or & after any indentation, even after comments", () => {
  const request = only("GET os/x\n  ?a=1\n# note\n\t&b=2&c=3\n&d\nAccept: json\n");
  assert.deepEqual(
    request.url.query.map((q) => `${q.key.text}=${q.value?.text ?? "-"}:${q.continuation}`),
    ["a=1:true", "b=2:true", "c=3:true", "d=-:true"],
  );
  assert.equal(request.headers.length, 1);
});

test("lines of every kind interleaved in one request keep their order, meaning and ranges", () => {
  // The parser's actions read each line as it comes: what a line means must not depend on
  // the lines of other kinds around it (REST Client/httpyac read them the same way).
  const text = [
    "### mixed",
    "@site = BEDFORD",
    "# before",
    "GET os/x?a=1",
    "  &b={{site}}",
    "# between",
    "no colon here",
    "&c=3",
    "Accept: json",
    "&d=4",
    "// @expect status 200",
    "?? status == 200",
    "",
    '{ "a": 1,',
    "# not sent",
    '  "b": "{{site}}" }',
    "",
    "# @name after",
  ].join("\n");
  const doc = parseDocument(text);
  assert.equal(doc.blocks.length, 1);
  const block = doc.blocks[0]!.tree; // offsets relative to the block, which starts at 0
  const request = block.request!;
  assert.deepEqual(block.comments.map((c) => c.text), ["before", "between", "not sent"]);
  assert.deepEqual(block.directives.map((d) => d.name.text), ["expect", "name"]);
  // `&` lines among the headers are more of the query, as httpyac reads them (src/utils/parseRequestClientFactory.ts).
  assert.deepEqual(request.url.query.map((q) => `${q.key.text}=${q.value?.text}`), ["a=1", "b={{site}}", "c=3", "d=4"]);
  assert.deepEqual(request.headers.map((h) => h.name.text), ["Accept"]);
  assert.deepEqual(request.malformedLines.map((l) => l.text), ["no colon here"]);
  assert.equal(request.body?.text, '{ "a": 1,\n  "b": "{{site}}" }');
  // The request runs to its last directive; the expressions are in source order.
  assert.equal(request.end, text.length);
  assert.deepEqual(block.expressions.map((e) => text.slice(e.start, e.end)), ["{{site}}", "{{site}}"]);
  assert.ok(block.expressions[0]!.start < block.expressions[1]!.start);
  assert.equal(block.name, "after");
  // The line without a colon is the one error; the `&` lines get httpyac's note, to move up for the other tools.
  const said = doc.diagnostics().filter((d) => d.code === "maximo.header-malformed" || d.code === "maximo.url-line-late");
  assert.deepEqual(
    said.map((d) => [d.code, text.slice(doc.offsetAt(d.range.start), doc.offsetAt(d.range.end)), /move it up/.test(d.message)]),
    [
      ["maximo.header-malformed", "no colon here", false],
      ["maximo.url-line-late", "&c=3", true],
      ["maximo.url-line-late", "&d=4", true],
    ],
  );
});

test("URL: absolute URLs split into scheme, authority and segments", () => {
  const request = only("GET https://host.example.com:9443/maximo/oslc/os/mxapiasset?lean=1\n");
  assert.equal(request.url.scheme?.text, "https");
  assert.equal(request.url.authority?.text, "host.example.com:9443");
  assert.deepEqual(
    request.url.segments.map((s) => s.text),
    ["maximo", "oslc", "os", "mxapiasset"],
  );
});

test("URL: embedded query sources map decoded offsets back to the source; lean=1 is seen", () => {
  const text = "GET os/x?lean=1&oslc.where=a%3D%22b%22\n";
  const request = only(text);
  const param = request.url.query[1]!;
  const source = embeddedSource(param)!;
  assert.equal(source.text, 'a="b"');
  assert.equal(text.slice(source.map!(1), source.map!(1) + 3), "%3D");
  assert.equal(source.map!(source.text.length), param.value!.end);
  assert.equal(isLean(request.url.query), true);
  assert.equal(isLean(only("GET os/x?lean=0\n").url.query), false);
});

// ---------------------------------------------------------------------------------------------
// Headers and bodies.
// ---------------------------------------------------------------------------------------------
test("headers: split at the first colon, value trimmed, empty values allowed", () => {
  const request = only("GET os/x\nDate: Wed, 21 Oct 2015 18:27:50 GMT\nx-method-override:PATCH\nX-Empty:\n");
  assert.deepEqual(
    request.headers.map((h) => [h.name.text, h.value.text]),
    [
      ["Date", "Wed, 21 Oct 2015 18:27:50 GMT"],
      ["x-method-override", "PATCH"],
      ["X-Empty", ""],
    ],
  );
});

test("body: starts after the blank line, leaves out comment lines, drops trailing blank lines", () => {
  const request = only('POST os/x\nContent-Type: application/json\n\n\n{\n  # not sent\n  "a": 1\n}\n\n\n');
  assert.equal(request.body?.text, '{\n  "a": 1\n}');
  assert.equal(request.body?.parts.length, 1);
});

test("body: without comment lines the body text is the source text, line ends included", () => {
  const request = only("POST os/x\r\n\r\n{\r\n  \"a\": 1\r\n}\r\n");
  assert.equal(request.body?.text, '{\r\n  "a": 1\r\n}');
});

test("body: < file, <@ file and <@encoding file parts", () => {
  const body = only("POST os/x\n\n< ./a.json\ntext\n<@ ./b.json\n<@latin1 ./c.xml\n").body!;
  assert.deepEqual(
    body.parts.map((p) => (p.kind === "file" ? `file:${p.path?.text}:${p.processVariables}:${p.encoding?.text ?? ""}` : "text")),
    ["file:./a.json:false:", "text", "file:./b.json:true:", "file:./c.xml:true:latin1"],
  );
  assert.equal(only("POST os/x\n\n<xml>\n</xml>\n").body?.parts[0]?.kind, "text");
});

test("body: lines that look like headers are body text after the blank line", () => {
  const request = only("POST os/x\n\nAccept: json\nget os/y\nGET\n");
  assert.equal(request.headers.length, 0);
  // A lower-case method or a method alone is not a request line (httpyac's rule).
  assert.equal(request.body?.text, "Accept: json\nget os/y\nGET");
});

// ---------------------------------------------------------------------------------------------
// Variables, directives, comments, expressions, blocks.
// ---------------------------------------------------------------------------------------------
test("variables: split on the first =, file level and inside blocks, lazy :=", () => {
  const doc = parseDocument("@a=1\n@b = x = y\n@c := {{$guid}}\n\n### r\n@d = 2\nGET os/{{d}}\n");
  const [head, block] = doc.blocks.map((b) => b.node());
  assert.deepEqual(
    head!.variables.map((v) => [v.name.text, v.value.text, v.lazy]),
    [
      ["a", "1", false],
      ["b", "x = y", false],
      ["c", "{{$guid}}", true],
    ],
  );
  assert.deepEqual(
    block!.variables.map((v) => v.name.text),
    ["d"],
  );
});

test("directives: # and // markers, names and arguments, wherever they stand in the block", () => {
  const node = parseDocument("### x\n# @name wo1\n// @connection prod server\nGET os/x\n# @expect status 200\nAccept: json\n\n{}\n## @note\n").blocks[0]!.node();
  assert.deepEqual(
    node.directives.map((d) => [d.marker, d.name.text, d.args?.text]),
    [
      ["#", "name", "wo1"],
      ["//", "connection", "prod server"],
      ["#", "expect", "status 200"],
      ["#", "note", undefined],
    ],
  );
  assert.deepEqual(node.directives[2]!.expect, {
    subject: "status",
    operator: "==",
    value: { start: 71, end: 74, text: "200" },
  });
});

test("names: @name wins over the ### title, which names the request otherwise", () => {
  const doc = parseDocument("### Approved orders\nGET a\n\n### Title\n# @name wo1\nGET b\n\n###\nGET c\n");
  assert.deepEqual(
    doc.requests.map((r) => r.name),
    ["Approved orders", "wo1", undefined],
  );
});

test("comments: # and // lines anywhere; ### only separates at the start of a line", () => {
  const doc = parseDocument("# a\n// b\nGET os/x\n  # c\nAccept: a ### b\n");
  const node = doc.blocks[0]!.node();
  assert.deepEqual(
    node.comments.map((c) => [c.marker, c.text]),
    [
      ["#", "a"],
      ["//", "b"],
      ["#", "c"],
    ],
  );
  assert.equal(doc.blocks.length, 1);
});

test("expressions: kinds, names, arguments and chained references", () => {
  const node = parseDocument(
    "GET {{base}}/os/x?a={{$randomInt 1 10}}&b={{wo1.response.body.member[0].wonum}}&c={{ a + b }}\nLocation: {{wo1.response.headers.location}}\nX: {{$datetime \"DD-MM-YYYY\" -1 d}}\n",
  ).blocks[0]!.node();
  assert.deepEqual(
    node.expressions.map((e) => [e.kind, e.name, e.args.map((a) => a.text), e.chain]),
    [
      ["variable", "base", [], undefined],
      ["system", "$randomInt", ["1", "10"], undefined],
      ["chained", "wo1", [], { source: "response", part: "body", path: "member[0].wonum" }],
      ["script", "", [], undefined],
      ["chained", "wo1", [], { source: "response", part: "headers", path: "location" }],
      ["system", "$datetime", ['"DD-MM-YYYY"', "-1", "d"], undefined],
    ],
  );
});

test("blocks: ### splits, text after it names; the head block holds file-level lines", () => {
  const doc = parseDocument("@a = 1\n#### four hashes\nGET a\n   ### indented\nGET b\n###no space\nGET c");
  assert.deepEqual(
    doc.blocks.map((b) => [b.tree.separator?.title?.text, b.tree.request?.url.text]),
    [
      [undefined, undefined],
      ["four hashes", "a"],
      ["indented", "b"],
      ["no space", "c"],
    ],
  );
  assert.equal(doc.requests.length, 3);
});

test("scripts and tool lines are kept apart from headers and bodies", () => {
  const node = parseDocument("{{\n  exports.a = 1;\n}}\nGET os/x\n?? status == 200\n>> out.json\n\n{}\n\n> {%\n client.log(1)\n%}\n").blocks[0]!.node();
  assert.deepEqual(
    node.scripts.map((s) => [s.kind, s.terminated]),
    [
      ["httpyac", true],
      ["handler", true],
    ],
  );
  assert.deepEqual(
    node.toolLines.map((t) => t.text),
    ["?? status == 200", ">> out.json"],
  );
  assert.equal(node.request?.body?.text, "{}");
  assert.equal(node.request?.headers.length, 0);
});

test("summary: the shape `maximo parse` prints", () => {
  const summary = toParseSummary(parseDocument("### one\nPOST os/x?lean=1\nA: b\n\n{}\n"));
  assert.deepEqual(summary, {
    requests: [
      {
        name: "one",
        method: "POST",
        url: "os/x?lean=1",
        query: [{ key: "lean", value: "1" }],
        headers: [{ name: "A", value: "b" }],
        body: "{}",
        range: { start: { line: 0, character: 0 }, end: { line: 4, character: 2 } },
      },
    ],
    fileCommands: [],
    diagnostics: [],
  });
  const bad = toParseSummary(parseDocument("FETCH x\n"));
  assert.deepEqual(bad.diagnostics[0], {
    line: 0,
    character: 0,
    endLine: 0,
    endCharacter: 5,
    severity: "error",
    code: "maximo.unknown-method",
    message: bad.diagnostics[0]!.message,
  });
});

test("summary: JetBrains import and run lines are listed in line order, with their variables", () => {
  // jetbrains.com/help "Import and run requests".
  const text = ["import ./auth.http", "", "### Login", "POST os/login", "", "###", "run #Login (@user=alice, @site={{site}})", "import ./more.http", "run ./auth.http", "run ./auth.http#Logout", ""].join("\n");
  const line = (n: number, end: number) => ({ start: { line: n, character: 0 }, end: { line: n, character: end } });
  assert.deepEqual(toParseSummary(parseDocument(text)).fileCommands, [
    { kind: "import", path: "./auth.http", request: null, variables: [], range: line(0, 18) },
    {
      kind: "run",
      path: null,
      request: "Login",
      variables: [
        { name: "user", value: "alice" },
        { name: "site", value: "{{site}}" },
      ],
      range: line(6, 40),
    },
    { kind: "import", path: "./more.http", request: null, variables: [], range: line(7, 18) },
    { kind: "run", path: "./auth.http", request: null, variables: [], range: line(8, 15) },
    { kind: "run", path: "./auth.http", request: "Logout", variables: [], range: line(9, 22) },
  ]);
});

test("edge inputs: empty text, blank lines only, a lone ###, no final line break", () => {
  for (const text of ["", "\n\n\n", "###", "###\n", "  \t ", "GET x", "\r", "\r\n\r\n"]) {
    const doc = parseDocument(text);
    assert.equal(doc.blocks[0]!.offset, 0);
    assert.equal(doc.blocks[doc.blocks.length - 1]!.end, text.length);
    assert.equal(doc.positionAt(text.length).line, doc.lineCount - 1);
  }
  assert.equal(parseDocument("GET x").requests[0]!.request.url.text, "x");
});

// ---------------------------------------------------------------------------------------------
// The embedded query languages, through the router of server/src/language/embedded.
// ---------------------------------------------------------------------------------------------
test("embedded: where/orderBy diagnostics come through at their source ranges, encoded or not", () => {
  const text = 'GET os/x?lean=1\n  &oslc.where=status="APPR" or siteid="X"\n  &oslc.orderBy=wonum\n\n###\nGET os/y?oslc.where=status%3D%22A%22%20or%20x%3D1\n';
  const doc = parseDocument(text);
  const found = doc.diagnostics().filter((d) => !d.code.startsWith("maximo."));
  const at = (prefix: string, source: string, from = 0) =>
    found.some((d) => d.code.startsWith(prefix) && d.span.start >= from && text.slice(d.span.start, d.span.end) === source);
  assert.ok(at("where.", "or"), "or in a readable where");
  assert.ok(at("orderby.", "wonum"), "orderBy without a sign");
  assert.ok(at("where.", "or", text.indexOf("###")), "or in an encoded where, mapped through the escapes");
  assert.deepEqual(
    doc.embeddedQueries(doc.blocks[0]!).map((q) => [q.param.key.text, q.parse.language]),
    [
      ["oslc.where", "where"],
      ["oslc.orderBy", "orderby"],
    ],
  );
});

test("embedded: parses are kept per block tree, so an edit elsewhere does not parse them again", () => {
  const text = 'GET os/x?oslc.where=status="APPR"\n\n###\nGET os/y?oslc.select=a,b\n';
  const doc = parseDocument(text);
  const before = doc.embeddedQueries(doc.blocks[0]!);
  const next = updateDocument(doc, text.replace("os/y", "os/z"));
  assert.equal(next.embeddedQueries(next.blocks[0]!), before);
  assert.notEqual(next.embeddedQueries(next.blocks[1]!), doc.embeddedQueries(doc.blocks[1]!));
});

test("requestAt: the request around an offset, with absolute spans", () => {
  const text = "@a = 1\n\n### one\nGET os/a\n\n### two\nPOST os/b\nA: b\n";
  const doc = parseDocument(text);
  assert.equal(doc.requestAt(0), undefined);
  const two = doc.requestAt(text.indexOf("A: b"))!;
  assert.equal(two.name, "two");
  assert.equal(text.slice(two.request.headers[0]!.start, two.request.headers[0]!.end), "A: b");
  assert.equal(doc.requestAt(text.indexOf("os/a"))!.request.url.text, "os/a");
});

test("expressions: an unclosed {{ in a body ends with its line; the next line is read on its own", () => {
  const text = 'POST os/x\n\n{"a": "{{x",\n "b": "{{y}}"}\n';
  const node = parseDocument(text).blocks[0]!.node();
  assert.deepEqual(
    node.expressions.map((e) => [text.slice(e.start, e.end), e.terminated]),
    [
      ['{{x",', false],
      ["{{y}}", true],
    ],
  );
});

test("JetBrains' `# @name = login` and `# @name=login` name the request as `# @name login` does", () => {
  // jetbrains.com/help "Exploring the HTTP request syntax": a name next to ###, `# @name`, or `# @name =`.
  const text = "# @name = login\nGET http://h/a\n\n###\n// @name=other\nGET http://h/b\n\n###\nGET http://h/{{login.response.body.x}}/{{other.response.body.y}}\n";
  const doc = parseDocument(text);
  assert.deepEqual(doc.requests.map((r) => r.name ?? null), ["login", "other", null]);
  assert.deepEqual(doc.diagnostics(), []);
  const directive = doc.blocks[0]!.tree.directives[0]!;
  assert.deepEqual([directive.name.text, directive.args?.text, text.slice(directive.args!.start, directive.args!.end)], ["name", "login", "login"]);
  // `@name=` alone still names nothing.
  assert.deepEqual(parseDocument("# @name =\nGET http://h/a\n").diagnostics().map((d) => d.code), ["maximo.name-invalid"]);
});

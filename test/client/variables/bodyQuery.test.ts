// JSONPath (filters included) and XPath in chained references and expectations, written the way
// REST Client users write them: `{{req.response.body.$.member[?(@.status=='APPR')].wonum}}`,
// `{{req.response.body.//wonum}}`. Bodies are shaped like the JSON API's collection answers
// (reference §4: `member` array, `lean=1` keys) and like OSLC RDF/XML (`rdf:`, `spi:` prefixes).
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseDocument, type ExpectNode } from "../../../server/src/language/maximo/api";
import { evaluateExpectations } from "../../../client/src/variables";
import { fakeResponse, resolverFor } from "./support";

const WORK_ORDERS = fakeResponse(
  JSON.stringify({
    member: [
      { wonum: "1001", status: "WAPPR", wopriority: 1, wplabor: [{ laborcode: "WILSON", laborhrs: 2 }] },
      { wonum: "1002", status: "APPR", wopriority: 3, wplabor: [] },
      { wonum: "1003", status: "APPR", wopriority: 2, "spi:siteid": "BEDFORD" },
    ],
    responseInfo: { totalCount: 3 },
  }),
  [["content-type", "application/json"]],
);

const RDF = `<?xml version="1.0" encoding="UTF-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:spi="http://jazz.net/ns/ism/work/smarter_physical_infrastructure#">
  <spi:workorder rdf:about="http://h/maximo/oslc/os/mxwo/_MTAwMQ--">
    <spi:wonum>1001</spi:wonum><spi:status>WAPPR</spi:status>
  </spi:workorder>
  <spi:workorder rdf:about="http://h/maximo/oslc/os/mxwo/_MTAwMg--">
    <spi:wonum>1002</spi:wonum><spi:status>APPR</spi:status>
  </spi:workorder>
</rdf:RDF>`;
const PLAIN_XML = `<QueryMXWOResponse rsCount="2"><MXWOSet><WORKORDER><WONUM>1001</WONUM><STATUS>WAPPR</STATUS></WORKORDER><WORKORDER><WONUM>1002</WONUM><STATUS>APPR</STATUS></WORKORDER></MXWOSet></QueryMXWOResponse>`;
const XML_RESPONSE = fakeResponse(RDF, [["content-type", "application/rdf+xml"]]);

async function chained(expression: string, response = WORK_ORDERS): Promise<string> {
  const { resolver } = resolverFor(`# @name req\nGET a\n###\nGET x\nx-v: {{${expression}}}\n`, { responses: { req: response } });
  return (await resolver.resolve(1)).headers[0]![1];
}

async function chainedError(expression: string, response = WORK_ORDERS): Promise<string> {
  const { resolver } = resolverFor(`# @name req\nGET a\n###\nGET x\nx-v: {{${expression}}}\n`, { responses: { req: response } });
  try {
    await resolver.resolve(1);
  } catch (error) {
    return (error as Error).message;
  }
  assert.fail(`${expression} should not resolve`);
}

function expect(line: string, response = WORK_ORDERS) {
  const node = parseDocument(`# @expect ${line}\nGET os/x\n`).blocks[0]!.node();
  const parsed = node.directives[0]!.expect;
  assert.ok(parsed, `"${line}" parses as an expectation`);
  return evaluateExpectations([parsed as ExpectNode], response)[0]!;
}

test("chained JSONPath filters pick the first match, as REST Client does", async () => {
  assert.equal(await chained("req.response.body.$.member[?(@.status=='APPR')].wonum"), "1002");
  assert.equal(await chained("req.response.body.$.member[?(@.status == 'APPR' && @.wopriority < 3)].wonum"), "1003");
  assert.equal(await chained("req.response.body.member[?(@.wopriority > 1)].wonum"), "1002", "without the leading $");
  assert.equal(await chained("req.response.body.$..laborcode"), "WILSON");
  assert.equal(await chained("req.response.body.$.member[*].wonum"), "1001");
  assert.equal(await chained("req.response.body.$.member[1:].status"), "APPR");
  assert.equal(await chained("req.response.body.$.member[?(@.status=='APPR')]"), JSON.stringify({ wonum: "1002", status: "APPR", wopriority: 3, wplabor: [] }));
  assert.equal(await chained("req.response.body.$.member[?(@['spi:siteid'])].wonum"), "1003");
  assert.equal(await chained("req.response.body.$.member[?(@.status=='APPR')].length"), "2", "after a filter, .length counts the matches");
});

test("definite paths keep their meaning: indexes, [-1], quoted keys, .length of an array or a string", async () => {
  assert.equal(await chained("req.response.body.member[-1].wonum"), "1003");
  assert.equal(await chained("req.response.body.member[-2].wonum"), "1002");
  assert.equal(await chained('req.response.body.member[2]["spi:siteid"]'), "BEDFORD");
  assert.equal(await chained("req.response.body.$.member.length"), "3");
  assert.equal(await chained("req.response.body.member[0].status.length"), "5");
  assert.equal(await chained("req.response.body.responseInfo"), '{"totalCount":3}');
});

test("a JSONPath that finds nothing says where; a filter that cannot run says why, and never evaluates code", async () => {
  assert.match(await chainedError("req.response.body.member[1].wplabor[0].laborcode"), /the response body of "req" has nothing at member\[1\]\.wplabor\[0\] \(line 5\)/);
  assert.match(await chainedError("req.response.body.$.member[?(@.status=='CLOSE')].wonum"), /has nothing at \$\.member\[\?\(@\.status=='CLOSE'\)\]\.wonum/);
  assert.match(await chainedError("req.response.body.$.member[?(@.constructor.constructor('return process')())].wonum"), /cannot be read/);
});

test("chained XPath on an XML response: elements, attributes, predicates, functions; the document's prefixes", async () => {
  assert.equal(await chained("req.response.body.//spi:wonum", XML_RESPONSE), "1001");
  assert.equal(await chained("req.response.body.//spi:workorder[spi:status='APPR']/spi:wonum", XML_RESPONSE), "1002");
  assert.equal(await chained("req.response.body.//spi:workorder[2]/@rdf:about", XML_RESPONSE), "http://h/maximo/oslc/os/mxwo/_MTAwMg--");
  assert.equal(await chained("req.response.body.count(//spi:workorder)", XML_RESPONSE), "2");
  assert.equal(await chained("req.response.body.//*[local-name()='status']", XML_RESPONSE), "WAPPR");
  assert.match(await chained("req.response.body.//spi:workorder", XML_RESPONSE), /^<spi:wonum[^>]*>1001<\/spi:wonum><spi:status[^>]*>WAPPR<\/spi:status>$/, "an element holding elements gives its inner XML");
  const plain = fakeResponse(PLAIN_XML, [["content-type", "text/xml; charset=utf-8"]]);
  assert.equal(await chained("req.response.body.//WORKORDER[STATUS='APPR']/WONUM", plain), "1002");
  assert.equal(await chained("req.response.body./QueryMXWOResponse/@rsCount", plain), "2");
  // Without a content type, a body that starts with `<` is read as XML.
  assert.equal(await chained("req.response.body.//WONUM", fakeResponse(PLAIN_XML)), "1001");
});

test("XPath failures say why: nothing found, a malformed path, an unknown prefix, a body that is not XML", async () => {
  assert.match(await chainedError("req.response.body.//spi:nothing", XML_RESPONSE), /has nothing at \/\/spi:nothing/);
  assert.match(await chainedError("req.response.body.//[", XML_RESPONSE), /the XPath \/\/\[ cannot be read/);
  assert.match(await chainedError("req.response.body.//oslc:x", XML_RESPONSE), /cannot be read: .*oslc/);
  const broken = fakeResponse("<a><b></a>", [["content-type", "application/xml"]]);
  assert.match(await chainedError("req.response.body.//b", broken), /is not well-formed XML/);
});

test("expectations: a filter or wildcard is checked against all its matches", () => {
  const passing = [
    "body.member[?(@.status=='APPR')].wonum contains \"1003\"",
    "body.member[?(@.status == 'APPR')].wonum !contains \"1001\"",
    "body.member[?(@.status=='APPR')].length == 2",
    "body.member[?(@.status=='CLOSE')].length == 0",
    "body.member[?(@.status=='CLOSE')] !exists",
    "body.member[?(@.wopriority >= 3)] exists",
    "body.$..laborcode contains \"WILSON\"",
    "body.member[*].status contains \"WAPPR\"",
    'body.member[?(@.wonum=="1002")].status contains "APPR"',
    "body.member[-1].wonum == \"1003\"",
    "body.$.responseInfo.totalCount == 3",
  ];
  for (const line of passing) {
    const result = expect(line);
    assert.equal(result.passed, true, `${line}: ${result.detail}`);
  }
  const failing: Array<[string, RegExp]> = [
    ["body.member[?(@.status=='CLOSE')].wonum exists", /has nothing at member\[\?\(@\.status=='CLOSE'\)\]\.wonum/],
    ["body.member[?(@.status=='APPR')].length > 2", /got 2/],
    ["body.member[?(@.status=='APPR')].wonum contains \"1001\"", /got \["1002","1003"\]/],
  ];
  for (const [line, detail] of failing) {
    const result = expect(line);
    assert.equal(result.passed, false, `${line} should fail`);
    assert.match(result.detail, detail, line);
  }
});

test("expectations with XPath on an XML body: `body//path` and `body.//path`", () => {
  for (const line of [
    'body//spi:workorder[spi:status="APPR"]/spi:wonum == "1002"',
    "body.//spi:wonum contains \"1001\"",
    "body.count(//spi:workorder) == 2",
    "body//spi:nothing !exists",
    'body contains "rdf:RDF"',
  ]) {
    const result = expect(line, XML_RESPONSE);
    assert.equal(result.passed, true, `${line}: ${result.detail}`);
  }
  const result = expect('body//spi:wonum == "1001"', XML_RESPONSE);
  assert.equal(result.passed, false, "two matches compare as a list");
  assert.match(result.detail, /got \["1001","1002"\]/);
});

test("an expectation path with blanks inside a filter or predicate is one path, and the language reports nothing", () => {
  const text = [
    "# @expect body.member[?(@.status == 'APPR' && @.wopriority > 1)].wonum contains \"1002\"",
    '# @expect body//WORKORDER[STATUS = "APPR"]/WONUM exists',
    "GET os/mxapiwodetail?lean=1",
    "",
    "###",
    "GET os/x/{{first.response.body.$.member[?(@.status == 'APPR')].wonum}}",
  ].join("\n");
  const document = parseDocument(text);
  const directives = document.blocks[0]!.node().directives;
  assert.equal(directives[0]!.expect?.target?.text, "body.member[?(@.status == 'APPR' && @.wopriority > 1)].wonum");
  assert.equal(directives[0]!.expect?.operator, "contains");
  assert.equal(directives[1]!.expect?.target?.text, 'body//WORKORDER[STATUS = "APPR"]/WONUM');
  assert.deepEqual(document.diagnostics().map((d) => `${d.code}: ${d.message}`), []);
});

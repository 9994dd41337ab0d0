// Where the guides are stricter than real servers, or where requests recorded against real
// servers use syntax the guides mention only in passing: the checker follows the servers.
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseWhere } from "../../server/src/language/where/api";
import type { WhereComparison } from "../../server/src/language/where/ast";
import { parseOrderBy } from "../../server/src/language/orderby/api";
import { parseDocument } from "../../server/src/language/maximo/api";
import { getDiagnostics } from "../../server/src/features/diagnostics";
import { at, spanOf, summary } from "./querySpans";

test("namespaced requests: OSLC resource values in <...> are valid oslc.where values (reference §9, the OSLC query syntax)", () => {
  const text = "spi:asset=<http://host/maximo/oslc/os/oslcasset/_QkVERk9SRC8xMTQ1MA--> and spi:status=\"APPR\"";
  const result = parseWhere({ text });
  assert.deepEqual(summary(result.diagnostics), []);
  const term = result.ast.terms[0] as WhereComparison;
  assert.equal(term.name?.segments[0]?.prefix, "spi");
  assert.deepEqual(term.operator, { span: spanOf(text, "="), text: "=", operator: "=" });
  assert.deepEqual(term.value, {
    kind: "uri",
    span: spanOf(text, "<http://host/maximo/oslc/os/oslcasset/_QkVERk9SRC8xMTQ1MA-->"),
    raw: "<http://host/maximo/oslc/os/oslcasset/_QkVERk9SRC8xMTQ1MA-->",
    value: "http://host/maximo/oslc/os/oslcasset/_QkVERk9SRC8xMTQ1MA--",
  });
  // In a list, with != and with a {{host}} variable.
  assert.deepEqual(summary(parseWhere({ text: "spi:asset in [<http://h/a/_QQ-->,<https://h/a/_Qg-->] and spi:location!=<{{host}}/oslc/os/oslclocation/_QQ-->" }).diagnostics), []);
});

test("prefixed names in namespaced requests: spi:, dcterms:, oslc: and a custom prefix (reference §9)", () => {
  assert.deepEqual(summary(parseWhere({ text: 'spi:status="APPR" and dcterms:title="%pump%" and oslc:shortTitle="1001" and cx:riskscore>3' }).diagnostics), []);
});

test("with lean=1 a prefixed name is still reported as today (lean names are bare)", () => {
  const text = "spi:asset=<http://host/maximo/oslc/os/oslcasset/_QQ-->";
  assert.deepEqual(summary(parseWhere({ text }, { lean: true }).diagnostics), [at(text, "spi:asset", "where.prefixed-name-with-lean")]);
});

test("< and > stay operators: only an absolute URI (or {{host}}...) in angle brackets is a resource value", () => {
  const ast = parseWhere({ text: "wopriority<5 and estdur>2" });
  assert.deepEqual(summary(ast.diagnostics), []);
  assert.deepEqual((ast.ast.terms as WhereComparison[]).map((t) => t.operator.operator), ["<", ">"]);
  // `=<` is still the foreign spelling of <= when no URI follows.
  assert.deepEqual(summary(parseWhere({ text: "wopriority=<5" }).diagnostics), ["where.unknown-operator@10-12"]);
  // A bracketed word that is no URI is not taken for one.
  assert.ok(parseWhere({ text: "status=<APPR>" }).diagnostics.length > 0);
});

test("sorting by a related attribute: a warning that the guide calls it unsupported (reference §7), not an error", () => {
  const [d] = parseOrderBy({ text: "-location.description" }).diagnostics;
  assert.equal(d?.code, "orderby.related-attribute");
  assert.equal(d?.severity, "warning");
  assert.match(d!.message, /reference calls unsupported \(§7 Sorting/);
  assert.match(d!.message, /recent servers sort by it/);
});

test("a percent-encoded query reads + as a space, as the servlet container does (PRODUCT.md); a plain one keeps + a plus", () => {
  const errorsOf = (text: string) => getDiagnostics(parseDocument(text)).filter((d) => d.severity === 1).map((d) => String(d.code));
  assert.deepEqual(errorsOf("GET os/mxapiwodetail?lean=1&oslc.where=status%3D%22APPR%22+and+siteid%3D%22BEDFORD%22"), []);
  assert.deepEqual(errorsOf("GET os/mxapiwodetail?lean=1&oslc.where=description%3D%22%25pump+motor%25%22"), []);
  // Written plainly, the runner encodes + as %2B: here it is a plus the server would see.
  assert.deepEqual(errorsOf('GET os/mxapiwodetail?lean=1&oslc.where=status="APPR"+and+siteid="BEDFORD"'), ["where.plus-for-space", "where.plus-for-space"]);
  // In an encoded orderBy, + is a space too: the sign must be %2B (reference §7).
  assert.deepEqual(errorsOf("GET os/mxapiwodetail?lean=1&oslc.orderBy=%2Bwonum%2C-reportdate"), []);
  assert.deepEqual(errorsOf("GET os/mxapiwodetail?lean=1&oslc.orderBy=-reportdate%2C+wonum"), ["orderby.missing-sign"]);
});

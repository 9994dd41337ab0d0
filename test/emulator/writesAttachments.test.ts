/** writes/: attachments (JSON API reference §16, practitioner guide "Attachments") and scripts (§14). */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { MaximoError } from "../../emulator/http/errors";
import { doclinks, runScript } from "../../emulator/writes/index";
import { apiRequest, woRow, writesFixture } from "./fixtures/writesFixture";

describe("doclinks", () => {
  test("JSON API reference §16.2: upload with slug and x-document-meta → 201, Location and Link; GET returns the bytes", () => {
    const fx = writesFixture();
    const target = fx.member("mxapiwodetail", woRow(fx.emulator, "1001"));
    const created = doclinks(apiRequest({ headers: { "x-document-meta": "FILE/Attachments", slug: "test.txt", "x-document-description": "test file", "content-type": "text/plain" }, rawBody: "Hello this is my first test file" }), fx.emulator, target, []);
    assert.equal(created.status, 201);
    const location = String(created.headers?.location);
    const id = location.split("/").pop() ?? "";
    assert.equal(location, `${target.href}/doclinks/${id}`);
    assert.equal(created.headers?.link, `${target.href}/doclinks/meta/${id}`);
    const file = doclinks(apiRequest({ method: "GET" }), fx.emulator, target, [id]);
    assert.ok(file.body?.kind === "bytes");
    assert.equal(file.body.bytes.toString(), "Hello this is my first test file");
    assert.equal(file.body.contentType, "text/plain");
    assert.equal(file.headers?.link, `${target.href}/doclinks/meta/${id}`);
  });

  test("JSON API reference §16.1: the list has href and describedBy; meta/{id} is the metadata", () => {
    const fx = writesFixture();
    const target = fx.member("mxapiwodetail", woRow(fx.emulator, "1001"));
    doclinks(apiRequest({ headers: { slug: "UmVwb3J0", encslug: Buffer.from("Bericht-ä.pdf").toString("base64"), "x-document-encdescription": Buffer.from("Prüfbericht").toString("base64"), "custom-encoding": "base64" }, rawBody: Buffer.from("%PDF").toString("base64") }), fx.emulator, target, []);
    const list = doclinks(apiRequest({ method: "GET" }), fx.emulator, target, []);
    const value = list.body?.kind === "json" ? (list.body.value as { href: string; member: Array<{ href: string; describedBy: Record<string, unknown> }> }) : undefined;
    assert.ok(value);
    assert.equal(value.href, `${target.href}/doclinks`);
    const [member] = value.member;
    assert.equal(member.describedBy.fileName, "Bericht-ä.pdf");
    assert.equal(member.describedBy.description, "Prüfbericht");
    assert.equal(member.describedBy.docType, "Attachments");
    assert.equal(member.describedBy.urlType, "FILE");
    assert.equal(member.describedBy.attachmentSize, 4);
    assert.deepEqual(member.describedBy.format, { label: "application/pdf", href: "http://purl.org/NET/mediatypes/application/pdf" });
    const id = String(member.describedBy.identifier);
    assert.equal(member.href, `${target.href}/doclinks/${id}`);
    const meta = doclinks(apiRequest({ method: "GET" }), fx.emulator, target, ["meta", id]);
    assert.deepEqual(meta.body?.kind === "json" ? meta.body.value : undefined, member.describedBy);
  });

  test("JSON API reference §16.2/§16.4: a URL attachment via content-location; POST + x-method-override DELETE → 204", () => {
    const fx = writesFixture();
    const target = fx.member("mxapiwodetail", woRow(fx.emulator, "1001"));
    const created = doclinks(apiRequest({ headers: { "x-document-meta": "URL/Attachments", slug: "CNN", "content-location": "www.cnn.com", "x-document-description": "cnn web site" } }), fx.emulator, target, []);
    const id = String(created.headers?.location).split("/").pop() ?? "";
    const link = fx.emulator.store.rows("doclinks").find((r) => String(r.doclinksid) === id);
    assert.equal(link?.urltype, "WWW");
    assert.equal(link?.urlname, "www.cnn.com");
    assert.equal(doclinks(apiRequest({ override: "DELETE" }), fx.emulator, target, [id]).status, 204);
    assert.throws(() => doclinks(apiRequest({ method: "GET" }), fx.emulator, target, ["meta", id]), (e: unknown) => e instanceof MaximoError && e.statusCode === 404);
  });

  test("JSON API reference §16.2: a file upload without a name is refused with BMXAA4195E", () => {
    const fx = writesFixture();
    const target = fx.member("mxapiwodetail", woRow(fx.emulator, "1001"));
    assert.throws(() => doclinks(apiRequest({ headers: { "x-document-meta": "FILE/Attachments" }, rawBody: "x" }), fx.emulator, target, []), /BMXAA4195E - A value is required for the URL\/File Name field/);
  });
});

describe("scripts", () => {
  test("JSON API reference §14: countofwoandsr counts the site's work orders and service requests (name case-insensitive)", () => {
    const fx = writesFixture();
    const reply = runScript(apiRequest({ method: "GET", query: { site: "BEDFORD" } }), fx.emulator, "countofwoandsr");
    assert.deepEqual(reply.body?.kind === "json" ? reply.body.value : undefined, { wocount: 2, srcount: 1, total: 3 });
    const other = runScript(apiRequest({ method: "POST", query: { site: "NASHUA" } }), fx.emulator, "COUNTOFWOANDSR");
    assert.deepEqual(other.body?.kind === "json" ? other.body.value : undefined, { wocount: 0, srcount: 0, total: 0 });
  });

  test("JSON API reference §14: an unknown script is an error; a script without an emulator handler answers an empty 200", () => {
    const fx = writesFixture();
    assert.throws(() => runScript(apiRequest({ method: "GET" }), fx.emulator, "nosuchscript"), (e: unknown) => e instanceof MaximoError && e.reasonCode === "BMXAA9260E");
    const reply = runScript(apiRequest({ method: "GET" }), fx.emulator, "nohandler");
    assert.equal(reply.status, 200);
    assert.equal(reply.headers?.["x-emulator-script"], "no-handler");
  });
});

/** Edits of the `maximo.connections` setting as data: add, change one field, remove; never a secret. */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { ENTRY_FIELDS } from "../../../client/src/extension/connections/connectionSettings";
import { addEntry, editableFields, entriesOf, removeEntry, setField, settingTarget } from "../../../client/src/extension/connections/settingEdits";

const dev = { name: "dev", url: "https://dev.example.com/maximo", auth: "apikey" };
const prod = { name: "prod", url: "https://prod.example.com/maximo", auth: "maxauth", user: "wilson" };

describe("connection setting edits", () => {
  test("add appends a tidy entry in package.json's field order, without empty fields", () => {
    const entries = addEntry([dev], { auth: "maxauth", url: "https://t.example.com/maximo", user: "wilson", name: "test", caFile: "" });
    assert.equal(entries.length, 2);
    assert.deepEqual(Object.keys(entries[1]!), ["name", "url", "auth", "user"]);
  });

  test("add refuses a duplicate name, an invalid entry and a secret", () => {
    assert.throws(() => addEntry([dev], { ...dev }), /A connection named "dev" already exists/);
    assert.throws(() => addEntry([], { name: "x", url: "not a url", auth: "apikey" }), /The connection \("x"\): "not a url" is not a URL/);
    assert.throws(() => addEntry([], { name: "x", url: "https://x.example.com/maximo", auth: "apikey", apikey: "k" }), /secret/);
  });

  test("setField changes one field and checks the result", () => {
    const entries = setField([dev, prod], "prod", "readOnly", true);
    assert.equal(entries[1]!.readOnly, true);
    assert.deepEqual(entries[0], dev);
    assert.throws(() => setField([dev], "dev", "url", "https://user:pw@dev.example.com/maximo"), /carries credentials in the URL/);
    assert.throws(() => setField([dev], "dev", "apiRoot", "soap"), /"apiRoot" must be one of auto, oslc, api/);
  });

  test("an empty or undefined value removes an optional field", () => {
    const withCa = setField([dev], "dev", "caFile", "/etc/ca.pem");
    assert.equal(withCa[0]!.caFile, "/etc/ca.pem");
    assert.equal("caFile" in setField(withCa, "dev", "caFile", "")[0]!, false);
    assert.equal("caFile" in setField(withCa, "dev", "caFile", undefined)[0]!, false);
  });

  test("a rename must be unique and non-empty", () => {
    assert.equal(setField([dev, prod], "dev", "name", "dev2")[0]!.name, "dev2");
    assert.throws(() => setField([dev, prod], "dev", "name", "prod"), /already exists/);
    assert.throws(() => setField([dev], "dev", "name", " "), /needs a name/);
  });

  test("remove deletes only the named entry; an unknown name is a sentence", () => {
    assert.deepEqual(removeEntry([dev, prod], "dev"), [prod]);
    assert.throws(() => removeEntry([dev], "qa"), /There is no connection "qa"/);
  });

  test("entriesOf copies, so an edit never changes the value VS Code handed out", () => {
    const original = [{ ...dev }];
    const copy = entriesOf(original);
    copy[0]!.name = "changed";
    assert.equal(original[0]!.name, "dev");
    assert.deepEqual(entriesOf("nonsense"), []);
  });

  test("edits go where the value comes from: the workspace when it sets one (it hides the user's), else the user settings", () => {
    assert.equal(settingTarget({ workspaceValue: [] }), "workspace");
    assert.equal(settingTarget({ workspaceValue: undefined }), "global");
    assert.equal(settingTarget(undefined), "global");
  });

  test("Edit offers the user only for sign-ins that have one, and OAuth fields only for OAuth", () => {
    const fields = (auth: string) => editableFields({ name: "x", url: "https://x/maximo", apiRoot: "auto", auth: auth as never }).map((f) => f.field);
    assert.ok(fields("maxauth").includes("user"));
    assert.ok(!fields("apikey").includes("user"));
    assert.ok(!fields("apikey").includes("clientId"));
    assert.ok(fields("oauth").includes("clientId") && fields("oauth").includes("tokenUrl"));
  });

  test("the entry fields are exactly those package.json declares for maximo.connections", () => {
    const manifest = JSON.parse(readFileSync(join(process.env.MAXIMO_WORKBENCH_ROOT ?? process.cwd(), "package.json"), "utf8"));
    const declared = Object.keys(manifest.contributes.configuration.properties["maximo.connections"].items.properties);
    assert.deepEqual([...ENTRY_FIELDS].sort(), declared.sort());
  });
});

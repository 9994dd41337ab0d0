/** The object structures a `.maximo` file uses: the `os/NAME` of each request line (PRODUCT.md, the .maximo language). */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { objectStructuresIn } from "../../../client/src/extension/schemaCache/objectStructureNames";

const root = process.env.MAXIMO_WORKBENCH_ROOT ?? process.cwd();

describe("object structures of a request file", () => {
  test("relative and absolute request lines, any method, with or without HTTP/1.1; lower case, each once", () => {
    const text = [
      "@site = BEDFORD",
      "### list",
      "# @connection dev",
      "GET os/MXAPIWODETAIL?lean=1",
      "    &oslc.where=status=\"APPR\"",
      "",
      "###",
      "// a comment first",
      "POST https://host.example.com/maximo/oslc/os/mxapiasset HTTP/1.1",
      "Content-Type: application/json",
      "",
      "{\"note\": \"GET os/notarequest\"}",
      "###",
      "{{base}}/api/os/mxapisr/_QkVERk9SRC8xMDA-?lean=1",
      "###",
      "delete os/mxapiwodetail/_MTAwMA--",
    ].join("\r\n");
    assert.deepEqual(objectStructuresIn(text).sort(), ["mxapiasset", "mxapisr", "mxapiwodetail"]);
  });

  test("names that are variables, other routes and unsafe names are left out", () => {
    const text = [
      "GET os/{{structure}}?lean=1",
      "###",
      "GET whoami",
      "###",
      "GET jsonschemas/mxapiwodetail",
      "###",
      "GET os/..%2F..%2Fetc",
      "###",
      "GET cos/mxapiasset",
    ].join("\n");
    assert.deepEqual(objectStructuresIn(text), []);
  });

  test("the examples folder", () => {
    const text = readFileSync(join(root, "examples", "workorders.maximo"), "utf8") + "\n###\n" + readFileSync(join(root, "examples", "assets.maximo"), "utf8");
    const names = objectStructuresIn(text);
    for (const expected of ["mxapiwodetail", "mxapiasset", "mxasset"]) assert.ok(names.includes(expected), `${expected} missing from ${JSON.stringify(names)}`);
  });
});

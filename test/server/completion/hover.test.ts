// Hover against the offline pack: attributes in queries and body keys, parameter docs, encoding.
import { test } from "node:test";
import assert from "node:assert/strict";
import { getHover } from "../../../server/src/features/hover";
import { pack, withCursor } from "./setup";

function hover(...lines: string[]): string | undefined {
  const { doc, offset } = withCursor(lines);
  const result = getHover(doc, offset, pack);
  return result && typeof result.contents === "object" && "value" in result.contents ? result.contents.value : undefined;
}

test("an attribute in oslc.where shows title, type, maxLength, remarks and the encoded value", () => {
  const text = hover('GET os/mxapiwodetail?oslc.where=sta|tus="APPR" and wopriority>2')!;
  assert.match(text, /\*\*status\*\* — Status/);
  assert.match(text, /subType `UPPER` · maxLength 20/);
  assert.match(text, /Status of the work order\./);
  assert.match(text, /oslc\.where=status%3D%22APPR%22%20and%20wopriority%3E2/);
});

test("a child attribute after rel. and inside rel{ in oslc.select", () => {
  assert.match(hover("GET os/mxapiwodetail?oslc.select=wplabor{labor|code}")!, /\*\*laborcode\*\*/);
  assert.match(hover("GET os/mxapiwodetail?oslc.select=wplabor.labor|code")!, /\*\*laborcode\*\*/);
});

test("a query value without an attribute under the cursor shows how it is sent", () => {
  assert.equal(hover('GET os/mxapiwodetail?oslc.where=status="A P|PR+1"'), "Sent as `oslc.where=status%3D%22A%20PPR%2B1%22`");
  // Written percent-encoded (as browsers and curl write it): sent as written, + stays a space.
  assert.equal(hover("GET os/mxapiwodetail?oslc.where=status%3D%22A|PPR%22+and+x%3D1"), "Sent as `oslc.where=status%3D%22APPR%22+and+x%3D1`");
});

test("query parameter and header names show their docs", () => {
  assert.match(hover("GET os/mxapiwodetail?oslc.page|Size=10")!, /Records per page/);
  assert.match(hover("POST os/mxapiwodetail/x", "patch|type: MERGE")!, /merged/);
});

test("a JSON body key shows the attribute, required included", () => {
  const text = hover("POST os/mxapiwodetail", "", "{", '  "sit|eid": "BEDFORD"', "}")!;
  assert.match(text, /\*\*siteid\*\*/);
  assert.match(text, /required/);
});

test("a JetBrains run line: over `run` what it sends, over `#name` the request of this file it names", () => {
  // jetbrains.com/help "Import and run requests".
  const login = ["### Login", "POST os/login", "", "###"];
  assert.match(hover(...login, "r|un #Login (@user=alice)")!, /sends the request `Login` \(of this file, else of a file it imports\), with `user` set for this run/);
  assert.match(hover(...login, "ru|n ./auth.http")!, /sends every request of `\.\/auth\.http`/);
  assert.equal(hover(...login, "run #Lo|gin"), "**Login** (line 2)\n\n```http\nPOST os/login\n```");
  assert.equal(hover(...login, "run #No|pe"), undefined);
});

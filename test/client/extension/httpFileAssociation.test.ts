/** When `.http`/`.rest` files are offered to Maximo Workbench, and the settings edit that makes it so. */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { associatedWithMaximo, isHttpFile, mentionsMaximo, shouldOffer, withHttpAssociations, type OfferContext } from "../../../client/src/extension/httpFiles/associations";
import { USE_FOR_HTTP_FILES_COMMAND } from "../../../client/src/extension/httpFiles/commandIds";

const plain: OfferContext = { path: "/ws/api/requests.http", text: "GET https://example.test/users\n", siblings: ["requests.http", "README.md"], alreadyOffered: false };

test("offered for a .http or .rest file next to .maximo files", () => {
  assert.equal(shouldOffer({ ...plain, siblings: ["requests.http", "workorders.maximo"] }), true);
  assert.equal(shouldOffer({ ...plain, path: "/ws/a.REST", siblings: ["Assets.MAXIMO"] }), true);
});

test("offered for a .http file holding Maximo URLs, and not for one without", () => {
  for (const text of [
    "GET https://host/maximo/oslc/os/mxapiwodetail?lean=1\n",
    "GET {{server}}/maximo/api/whoami\n",
    "@base = https://host/maximo/oslc/\nGET {{base}}os/mxapiasset\n",
    "GET os/mxapisr?lean=1\n",
  ]) {
    assert.equal(mentionsMaximo(text), true, text);
    assert.equal(shouldOffer({ ...plain, text }), true, text);
  }
  assert.equal(shouldOffer(plain), false);
  assert.equal(mentionsMaximo("GET https://example.test/hos/mxapiasset-free\n# maximo is a word here\n"), false);
});

test("not offered twice in a workspace, nor when the association is already there, nor for other files", () => {
  const maximoish = { ...plain, siblings: ["workorders.maximo"] };
  assert.equal(shouldOffer({ ...maximoish, alreadyOffered: true }), false);
  assert.equal(shouldOffer({ ...maximoish, associations: { "*.http": "maximo", "*.rest": "maximo" } }), false);
  // Only one of the two mapped: still offered (the command adds the other).
  assert.equal(shouldOffer({ ...maximoish, associations: { "*.http": "maximo" } }), true);
  assert.equal(shouldOffer({ ...maximoish, path: "/ws/notes.txt" }), false);
  assert.equal(isHttpFile("/ws/a.http"), true);
  assert.equal(isHttpFile("/ws/a.https"), false);
});

test("the settings edit maps *.http and *.rest to maximo and keeps every other entry", () => {
  assert.deepEqual(withHttpAssociations(undefined), { "*.http": "maximo", "*.rest": "maximo" });
  const current = { "*.http": "http", "*.mxs": "python", "Dockerfile.*": "dockerfile" };
  const next = withHttpAssociations(current);
  assert.deepEqual(next, { "*.http": "maximo", "*.rest": "maximo", "*.mxs": "python", "Dockerfile.*": "dockerfile" });
  assert.deepEqual(current, { "*.http": "http", "*.mxs": "python", "Dockerfile.*": "dockerfile" }, "the current value is not changed in place");
  assert.equal(associatedWithMaximo(next), true);
  assert.equal(associatedWithMaximo(current), false);
});

test("the command is contributed in category Maximo, and .http files activate the extension", () => {
  const manifest = JSON.parse(readFileSync(join(process.env.MAXIMO_WORKBENCH_ROOT ?? process.cwd(), "package.json"), "utf8"));
  const command = (manifest.contributes.commands as Array<{ command: string; category: string }>).find((c) => c.command === USE_FOR_HTTP_FILES_COMMAND);
  assert.equal(command?.category, "Maximo");
  assert.ok((manifest.activationEvents as string[]).includes("onLanguage:http"));
});

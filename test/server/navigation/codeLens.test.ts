import { test } from "node:test";
import assert from "node:assert/strict";
import { parseDocument } from "../../../server/src/language/maximo/api";
import { getCodeLenses } from "../../../server/src/features/codeLens";
import { uri } from "./fixture";

test("lenses on each request line: Send, Send all pages (GET only), Copy as curl", () => {
  const text = [
    "@site = BEDFORD",
    "",
    "### list",
    "os/mxapiwodetail?oslc.where=siteid=\"{{site}}\"",
    "",
    "### create",
    "POST os/mxapiwodetail",
    "Content-Type: application/json",
    "",
    "{}",
    "",
    "### only a comment",
    "# nothing to send",
    "",
  ].join("\n");
  const lenses = getCodeLenses(parseDocument(text), uri);
  assert.deepEqual(
    lenses.map((l) => [l.range.start.line, l.command?.title, l.command?.command]),
    [
      [3, "Send", "maximo.send"],
      [3, "Send all pages", "maximo.sendAllPages"],
      [3, "Copy as curl", "maximo.copyAsCurl"],
      [6, "Send", "maximo.send"],
      [6, "Copy as curl", "maximo.copyAsCurl"],
    ],
  );
  assert.deepEqual(lenses[3]!.command?.arguments, [{ uri, line: 6 }]);
  assert.deepEqual(lenses[0]!.range, { start: { line: 3, character: 0 }, end: { line: 3, character: 45 } });
});

test("a JetBrains run line gets a Send lens of its own, before the request of its block", () => {
  // jetbrains.com/help "Import and run requests": `run #name`, `run ./file.http#name`, `run ./file.http`.
  const text = ["import ./auth.http", "", "###", "run #Login (@user=alice)", "run ./auth.http", "GET os/mxapiasset", ""].join("\n");
  const lenses = getCodeLenses(parseDocument(text), uri);
  assert.deepEqual(
    lenses.map((l) => [l.range.start.line, l.command?.title, l.command?.command]),
    [
      [3, "Send", "maximo.send"],
      [4, "Send", "maximo.send"],
      [5, "Send", "maximo.send"],
      [5, "Send all pages", "maximo.sendAllPages"],
      [5, "Copy as curl", "maximo.copyAsCurl"],
    ],
  );
  assert.deepEqual(lenses[0]!.command?.arguments, [{ uri, line: 3 }]);
  assert.deepEqual(lenses[0]!.range, { start: { line: 3, character: 0 }, end: { line: 3, character: 24 } });
});

/** The Server log tab's model: thread-log lines (reference §23) read, filtered, counted and highlighted. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { filterLines, parseLogLine, problemCount, reasonCodes, sqlSegments } from "../../../client/webview/model/serverLog";
import { codeHints } from "../../../client/src/serverLog/logLines";

const sql = "06 Dec 2026 20:41:02:123 [DEBUG] [MXServer] [CID-OSLC-1] [maximo.sql] select * from workorder where (status = 'APPR' and description like '%select%') order by reportdate desc";
const refused = "06 Dec 2026 20:41:02:200 [ERROR] [MXServer] [CID-OSLC-1] [maximo.integration] MXAPIWODETAIL create: rolled back, BMXAA4195E - A required field is missing";
const plain = "[6/12/26 20:41:02:300 UTC] 000000a1 SystemOut O 06 Dec 2026 [WARNING] something odd";

test("a Maximo log4j line gives its level, logger, prefix and message; SQL lines are marked", () => {
  const line = parseLogLine(sql);
  assert.equal(line.level, "DEBUG");
  assert.equal(line.logger, "maximo.sql");
  assert.equal(line.isSql, true);
  assert.equal(line.prefix, "06 Dec 2026 20:41:02:123 [DEBUG] [MXServer] [CID-OSLC-1] [maximo.sql] ");
  assert.ok(line.message.startsWith("select * from workorder"));
  assert.equal(parseLogLine(refused).isSql, false);
  assert.equal(parseLogLine(plain).level, "WARN", "WARNING (WebSphere's word) counts as WARN");
  assert.deepEqual(parseLogLine("no brackets at all").level, undefined);
});

test("problems are WARN and ERROR lines; the filter matches text without case and can keep problems only", () => {
  const lines = [sql, refused, plain].map(parseLogLine);
  assert.equal(problemCount(lines), 2);
  assert.deepEqual(filterLines(lines, "WORKORDER").map((l) => l.text), [sql]);
  assert.deepEqual(filterLines(lines, "", true).map((l) => l.text), [refused, plain]);
  assert.deepEqual(filterLines(lines, "mxapiwodetail", true).map((l) => l.text), [refused]);
});

test("SQL keywords are highlighted, never inside a quoted literal; the text is kept whole", () => {
  const message = parseLogLine(sql).message;
  const segments = sqlSegments(message);
  assert.equal(segments.map((s) => s.text).join(""), message);
  const keywords = segments.filter((s) => s.keyword).map((s) => s.text.toLowerCase());
  assert.deepEqual(keywords, ["select", "from", "where", "and", "like", "order", "by", "desc"]);
  assert.ok(segments.some((s) => !s.keyword && s.text.includes("'%select%'")));
});

test("BMXAA codes are found and explained with the error banner's hints", () => {
  assert.deepEqual(reasonCodes(refused), ["BMXAA4195E"]);
  const hints = codeHints([refused, sql]);
  assert.deepEqual(Object.keys(hints), ["BMXAA4195E"]);
  assert.match(hints.BMXAA4195E!, /required field/);
});

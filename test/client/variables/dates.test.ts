// Dates as REST Client formats `$datetime`, `$localDatetime` and `$timestamp` (dayjs): offsets in
// its documented units, dayjs patterns, and the runner's own time zone for the local forms.
import { test } from "node:test";
import assert from "node:assert/strict";
import { addOffset, formatDate } from "../../../client/src/variables/dateFormat";
import { resolverFor } from "./support";

const NOW = new Date("2026-03-05T14:07:09.042Z");

async function value(expression: string): Promise<string> {
  const { resolver } = resolverFor(`GET x\nx-v: ${expression}\n`, { now: () => NOW });
  return (await resolver.resolve(0)).headers[0]![1];
}

test("offsets as REST Client documents them: y, Q, M, w, d, h, m, s, ms; a month past its end clamps to the last day", async () => {
  assert.equal(addOffset(NOW, 1, "Q").toISOString(), "2026-06-05T14:07:09.042Z");
  assert.equal(addOffset(new Date("2026-01-31T08:00:00Z"), 1, "M").toISOString(), "2026-02-28T08:00:00.000Z");
  assert.equal(addOffset(new Date("2024-02-29T08:00:00Z"), 1, "y").toISOString(), "2025-02-28T08:00:00.000Z");
  assert.equal(addOffset(NOW, -90, "m").toISOString(), "2026-03-05T12:37:09.042Z");
  assert.throws(() => addOffset(NOW, 1, "fortnight"), /`fortnight` is not a unit/);
  assert.equal(await value("{{$datetime iso8601 1 Q}}"), "2026-06-05T14:07:09.042Z");
  assert.equal(await value("{{$timestamp 1 h}}"), String(Math.floor(NOW.getTime() / 1000) + 3600));
});

test("patterns are dayjs patterns: [escaped] text, ordinals, quarters, ISO weeks, epoch seconds and milliseconds", () => {
  assert.equal(formatDate(NOW, "[Week] W [of] GGGG, [Q]Q, Do MMMM", false), "Week 10 of 2026, Q1, 5th March");
  assert.equal(formatDate(NOW, "X x", false), "1772719629 1772719629042");
  assert.equal(formatDate(NOW, "[YYYY] YYYY", false), "YYYY 2026");
  assert.throws(() => formatDate(NOW, "HH:mm z", false), /time-zone names/);
});

test("$localDatetime uses the runner's time zone: its offset is the one the platform reports for that instant", async () => {
  const offset = -NOW.getTimezoneOffset();
  const sign = offset < 0 ? "-" : "+";
  const hhmm = `${String(Math.floor(Math.abs(offset) / 60)).padStart(2, "0")}${String(Math.abs(offset) % 60).padStart(2, "0")}`;
  assert.match(await value("{{$localDatetime rfc1123}}"), new RegExp(`^Thu, 05 Mar 2026 \\d\\d:\\d\\d:09 \\${sign}${hhmm}$`));
  const local = new Date(NOW.getTime() + offset * 60_000);
  assert.equal(await value('{{$localDatetime "HH:mm"}}'), `${String(local.getUTCHours()).padStart(2, "0")}:${String(local.getUTCMinutes()).padStart(2, "0")}`);
});

// Every system variable the parser accepts, by shape (and by value where the clock is fixed).
import { test } from "node:test";
import assert from "node:assert/strict";
import { SYSTEM_VARIABLES } from "../../../server/src/language/maximo/api";
import { addOffset, formatDate } from "../../../client/src/variables/dateFormat";
import { resolverFor } from "./support";

const NOW = new Date("2026-03-05T14:07:09.042Z");

async function value(expression: string, processEnv: Record<string, string> = { HOME_SITE: "BEDFORD" }): Promise<string> {
  const { resolver } = resolverFor(`GET x\nx-v: ${expression}\n`, { now: () => NOW, processEnv, files: { "/ws/.env": "KEY=dot\n" } });
  return (await resolver.resolve(0)).headers[0]![1];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const cases: Record<string, Array<[string, RegExp | string]>> = {
  $guid: [["{{$guid}}", UUID]],
  $uuid: [["{{$uuid}}", UUID]],
  $timestamp: [
    ["{{$timestamp}}", String(Math.floor(NOW.getTime() / 1000))],
    ["{{$timestamp -1 d}}", String(Math.floor(NOW.getTime() / 1000) - 86_400)],
  ],
  $isoTimestamp: [["{{$isoTimestamp}}", "2026-03-05T14:07:09.042Z"]],
  $datetime: [
    ["{{$datetime iso8601}}", "2026-03-05T14:07:09.042Z"],
    ["{{$datetime rfc1123}}", "Thu, 05 Mar 2026 14:07:09 GMT"],
    ['{{$datetime "YYYY-MM-DD[T]HH:mm"}}', "2026-03-05T14:07"],
    ["{{$datetime 'DD MMM YYYY' 1 M}}", "05 Apr 2026"],
    ["{{$datetime iso8601 -2 h}}", "2026-03-05T12:07:09.042Z"],
  ],
  $localDatetime: [
    ["{{$localDatetime iso8601}}", /^2026-03-0[456]T\d\d:\d\d:09\.042[+-]\d\d:\d\d$/],
    ["{{$localDatetime rfc1123}}", /^\w{3}, 0[456] Mar 2026 \d\d:\d\d:09 [+-]\d{4}$/],
    ['{{$localDatetime "YYYY"}}', "2026"],
  ],
  $randomInt: [["{{$randomInt 1 3}}", /^[12]$/]],
  $processEnv: [["{{$processEnv HOME_SITE}}", "BEDFORD"]],
  $dotenv: [["{{$dotenv KEY}}", "dot"]],
};

test("every system variable the parser accepts has a value of its shape", async () => {
  assert.deepEqual(Object.keys(cases).sort(), [...SYSTEM_VARIABLES.keys()].sort(), "a case per accepted system variable");
  for (const [name, list] of Object.entries(cases)) {
    for (const [expression, expected] of list) {
      const actual = await value(expression);
      if (typeof expected === "string") assert.equal(actual, expected, `${name}: ${expression}`);
      else assert.match(actual, expected, `${name}: ${expression}`);
    }
  }
});

test("$guid is new at each use; a file variable holding one keeps one value within a request", async () => {
  const { resolver } = resolverFor("@id = {{$guid}}\nGET x?a={{id}}&b={{id}}&c={{$guid}}\n");
  const [a, b, c] = (await resolver.resolve(0)).query.map((q) => q.value);
  assert.equal(a, b);
  assert.notEqual(a, c);
});

test("$randomInt stays within [min, max)", async () => {
  const { resolver } = resolverFor("GET x?a={{$randomInt -2 2}}\n");
  for (let i = 0; i < 50; i++) {
    const n = Number((await resolver.resolve(0)).query[0]!.value);
    assert.ok(Number.isInteger(n) && n >= -2 && n < 2, String(n));
  }
});

test("date offsets follow the calendar for years and months; patterns know every token", () => {
  assert.equal(addOffset(NOW, 1, "y").toISOString(), "2027-03-05T14:07:09.042Z");
  assert.equal(addOffset(NOW, -3, "M").toISOString(), "2025-12-05T14:07:09.042Z");
  assert.equal(addOffset(NOW, 1, "w").toISOString(), "2026-03-12T14:07:09.042Z");
  assert.equal(addOffset(NOW, 500, "ms").toISOString(), "2026-03-05T14:07:09.542Z");
  assert.equal(formatDate(NOW, "YY M D d dd ddd dddd MMMM H h hh A a s ss SSS Z ZZ X", false), "26 3 5 4 Th Thu Thursday March 14 2 02 PM pm 9 09 042 +00:00 +0000 1772719629");
});

// Every system variable the parser accepts, by shape (and by value where the clock is fixed).
import { test } from "node:test";
import assert from "node:assert/strict";
import { SYSTEM_VARIABLES } from "../../../server/src/language/maximo/api";
import { addOffset, formatDate } from "../../../client/src/variables/dateFormat";
import type { PromptProvider } from "../../../client/src/variables";
import { resolverFor } from "./support";

const NOW = new Date("2026-03-05T14:07:09.042Z");

/** A prompt provider that answers from a script and records what it was asked. */
function scriptedPrompts(answers: Array<string | undefined> = []) {
  const asked: Array<{ kind: "input" | "pick"; question: string; password?: boolean; value?: string; items?: readonly string[] }> = [];
  const prompt: PromptProvider = {
    input: async (question, options) => {
      asked.push({ kind: "input", question, ...options });
      return answers.length > 0 ? answers.shift() : options.value ?? `answer to ${question}`;
    },
    pick: async (question, items) => {
      asked.push({ kind: "pick", question, items });
      return answers.length > 0 ? answers.shift() : items[items.length - 1];
    },
  };
  return { prompt, asked };
}

async function value(expression: string, processEnv: Record<string, string> = { HOME_SITE: "BEDFORD" }): Promise<string> {
  const { resolver } = resolverFor(`GET x\nx-v: ${expression}\n`, { now: () => NOW, processEnv, files: { "/ws/.env": "KEY=dot\n" }, prompt: scriptedPrompts().prompt });
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
  $randomInt: [
    ["{{$randomInt 1 3}}", /^[12]$/],
    // Reversed, swapped as httpyac does (restClientVariableReplacer.ts); an empty range gives its minimum.
    ["{{$randomInt 3 1}}", /^[12]$/],
    ["{{$randomInt 7 7}}", /^7$/],
    // httpyac's form without a range: 0 to 1000.
    ["{{$randomInt}}", /^(\d{1,3})$/],
  ],
  $processEnv: [["{{$processEnv HOME_SITE}}", "BEDFORD"]],
  $dotenv: [["{{$dotenv KEY}}", "dot"]],
  // httpyac's random values.
  "$random.uuid": [["{{$random.uuid}}", UUID]],
  "$random.integer": [
    ["{{$random.integer(5, 6)}}", "5"],
    ["{{$random.integer(-3,-2)}}", "-3"],
  ],
  "$random.float": [["{{$random.float(2, 3)}}", /^2(\.\d+)?$/]],
  "$random.alphabetic": [["{{$random.alphabetic(12)}}", /^[A-Za-z]{12}$/]],
  "$random.alphanumeric": [["{{$random.alphanumeric(6)}}", /^\w{6}$/]],
  "$random.hexadecimal": [["{{$random.hexadecimal(8)}}", /^[0-9a-f]{8}$/]],
  "$random.email": [["{{$random.email}}", /^[a-z]+@example\.com$/]],
  // httpyac's questions, answered by the scripted prompt (the default, else the question).
  $input: [
    ["{{$input Work order number}}", "answer to Work order number"],
    ["{{$input Work order number $value: 1001}}", "1001"],
  ],
  "$input-askonce": [["{{$input-askonce Site}}", "answer to Site"]],
  $prompt: [["{{$prompt Site}}", "answer to Site"]],
  "$prompt-askonce": [["{{$prompt-askonce Site $value: NASHUA}}", "NASHUA"]],
  $password: [["{{$password Secret}}", "answer to Secret"]],
  "$password-askonce": [["{{$password-askonce Secret}}", "answer to Secret"]],
  $pick: [["{{$pick Site $value: BEDFORD, NASHUA}}", "NASHUA"]],
  "$pick-askonce": [["{{$pick-askonce Site $value: BEDFORD,TEXAS}}", "TEXAS"]],
};

/** Variables the parser knows and the runner cannot fill in: REST Client's sign-ins. */
const notRun = ["$aadToken", "$aadV2Token", "$oidcAccessToken"];

test("every system variable the parser accepts has a value of its shape", async () => {
  assert.deepEqual([...Object.keys(cases), ...notRun].sort(), [...SYSTEM_VARIABLES.keys()].sort(), "a case per accepted system variable");
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

test("REST Client's sign-in variables fail with a sentence that says what to do instead", async () => {
  for (const name of notRun) {
    const { resolver } = resolverFor(`GET x\nAuthorization: Bearer {{${name} new}}\n`);
    await assert.rejects(resolver.resolve(0), (error: Error) => {
      assert.equal(error.name, "VariableError");
      assert.match(error.message, new RegExp(`\\${name}.*not sent.*connection.*\\$processEnv TOKEN.*\\(line 2\\)`));
      return true;
    });
  }
});

// JetBrains' dynamic variables whose name carries the argument (jetbrains.com/help "HTTP Client variables").
test("JetBrains' $env.NAME reads the environment as $processEnv NAME does; an unset one fails naming it", async () => {
  assert.equal(await value("{{$env.HOME_SITE}}"), "BEDFORD");
  assert.equal(await value("{{$env.HOME_SITE}}"), await value("{{$processEnv HOME_SITE}}"));
  const { resolver } = resolverFor("GET x\nx-v: {{$env.NOT_SET_HERE}}\n", { processEnv: {} });
  await assert.rejects(resolver.resolve(0), /Environment variable "NOT_SET_HERE" is not set.*\(line 2\)/);
});

test("JetBrains' Faker values and $auth tokens fail with the sentence their diagnostic gives", async () => {
  for (const [expression, says] of [
    ["{{$random.name.firstName}}", /\$random\.name\.firstName.*Java Faker.*not sent/],
    ['{{$auth.token("my-auth")}}', /Auth configuration.*not sent.*\$processEnv TOKEN/],
  ] as const) {
    const { resolver } = resolverFor(`GET x\nx-v: ${expression}\n`);
    await assert.rejects(resolver.resolve(0), (error: Error) => {
      assert.equal(error.name, "VariableError");
      assert.match(error.message, says);
      assert.match(error.message, /\(line 2\)/);
      return true;
    });
  }
});

test("$input, $password and $pick ask through the prompt provider: question, default, masking, items", async () => {
  const { prompt, asked } = scriptedPrompts(["1001", "s3cret", "NASHUA"]);
  const { resolver } = resolverFor("GET os/x?wo={{$input Work order $value: 1000}}\nX-Key: {{$password API key}}\nX-Site: {{$pick Site $value: BEDFORD, NASHUA}}\n", { prompt });
  const resolved = await resolver.resolve(0);
  assert.equal(resolved.query[0]!.value, "1001");
  assert.deepEqual(resolved.headers, [
    ["X-Key", "s3cret"],
    ["X-Site", "NASHUA"],
  ]);
  assert.deepEqual(asked, [
    { kind: "input", question: "Work order", password: false, value: "1000" },
    { kind: "input", question: "API key", password: true },
    { kind: "pick", question: "Site", items: ["BEDFORD", "NASHUA"] },
  ]);
});

test("an $input whose question names a secret is asked masked and its answer masked like a $password's (second secrets audit)", async () => {
  const { prompt, asked } = scriptedPrompts(["typed-pw-1", "1001"]);
  const { resolver } = resolverFor("GET os/x?p={{$input Your password}}&wo={{$input Work order}}\n", { prompt });
  const resolved = await resolver.resolve(0);
  assert.deepEqual(asked.map((a) => [a.question, a.password]), [["Your password", true], ["Work order", false]]);
  assert.deepEqual(resolved.secrets, ["typed-pw-1"]);
});

test("-askonce asks once per answers map; the plain forms ask every time", async () => {
  const { prompt, asked } = scriptedPrompts(["A", "B", "C"]);
  const answers = new Map<string, string>();
  const text = "GET os/x?a={{$input-askonce Site}}&b={{$input Site}}\n\n###\nGET os/y?a={{$input-askonce Site}}\n";
  const first = resolverFor(text, { prompt, answers }).resolver;
  assert.deepEqual((await first.resolve(0)).query.map((q) => q.value), ["A", "B"]);
  // Another run (a new resolver) with the same answers map: asked once only.
  const second = resolverFor(text, { prompt, answers }).resolver;
  assert.deepEqual((await second.resolve(1)).query.map((q) => q.value), ["A"]);
  assert.equal(asked.length, 2);
});

test("a cancelled question stops the request with a sentence", async () => {
  const { prompt } = scriptedPrompts([undefined]);
  const { resolver } = resolverFor("GET os/x?wo={{$input Work order}}\n", { prompt });
  await assert.rejects(resolver.resolve(0), /No answer was given to "Work order", so the request was not sent \(line 1\)/);
});

test("without a prompt provider (the CLI) a question says the command line cannot ask, and what to write instead", async () => {
  const { resolver } = resolverFor("GET os/x\nX-Site: {{$pick Site $value: A,B}}\n");
  await assert.rejects(resolver.resolve(0), (error: Error) => {
    assert.match(error.message, /\{\{\$pick\}\} asks "Site" when the request is sent, and the command line cannot ask: write the value in the file \(`@name = value`\) or in maximo\.env\.json/);
    assert.match(error.message, /\(line 2\)$/);
    return true;
  });
});

/**
 * bench/fuzz: the long run of the parser fuzz test (the suite runs 20,000 inputs). Random and
 * mutated inputs seeded from test/fixtures/maximo, each checked for the invariants every parse
 * keeps (test/language/maximoFuzzing.ts); every 10th also through an incremental update. Then
 * 10 MB inputs of the shapes that make the most tree nodes.
 *   node bench/run.mjs fuzz -- --inputs 500000 --seed 7
 */
import { checkIncremental, checkInvariants, randomInput } from "../test/language/maximoFuzzing";
import { allFixtures, prng } from "../test/language/maximoTestkit";

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
}

const inputs = option("inputs", 200_000);
const seed = option("seed", 1);
const seeds = [...allFixtures().values()];
const random = prng(seed);
let previous = checkInvariants(seeds[0]!);
let slowest = { ms: 0, length: 0 };
const start = performance.now();
for (let i = 0; i < inputs; i++) {
  const text = randomInput(random, seeds);
  const began = performance.now();
  try {
    const doc = checkInvariants(text);
    if (i % 10 === 0) checkIncremental(previous, text, doc);
    previous = doc;
  } catch (error) {
    console.error(`FAIL at input ${i} (seed ${seed}): ${JSON.stringify(text)}\n${(error as Error).stack}`);
    process.exit(1);
  }
  const took = performance.now() - began;
  if (took > slowest.ms) slowest = { ms: took, length: text.length };
  if ((i + 1) % 50_000 === 0) console.log(`  ${i + 1} inputs...`);
}
const seconds = (performance.now() - start) / 1000;
console.log(`${inputs} inputs (seed ${seed}) in ${seconds.toFixed(1)} s: no throw, invariants kept; slowest ${slowest.ms.toFixed(1)} ms (${slowest.length} chars)`);

// 10 MB of the shapes with the most nodes per character: the time grows with the size only.
// (Timed with the invariant checks, which copy every block to absolute offsets.)
const MB = 1024 * 1024;
const big: [string, string][] = [
  ["query parameters", "GET os/x?" + "a=1&".repeat((10 * MB) / 4)],
  ["JSON placeholders", "POST os/x\n\n[" + "{{a}},".repeat((10 * MB) / 6) + "1]"],
  ["percent escapes", "GET os/x?a=" + "%22".repeat((10 * MB) / 3)],
  ["continuation lines", "GET os/x\n" + "&a=1\n".repeat((10 * MB) / 5)],
  ["### lines", "###\n".repeat((10 * MB) / 4)],
];
for (const [name, text] of big) {
  const began = performance.now();
  checkInvariants(text);
  console.log(`10 MB of ${name}: ${(performance.now() - began).toFixed(0)} ms`);
}

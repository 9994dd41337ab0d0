import { test } from "node:test";
import assert from "node:assert/strict";
import { checkIncremental, checkInvariants, randomInput } from "./maximoFuzzing";
import { allFixtures, prng } from "./maximoTestkit";

const INPUTS = 20_000;

test(`fuzz: ${INPUTS} random and mutated inputs never throw and keep the invariants`, { timeout: 300_000 }, () => {
  const seeds = [...allFixtures().values()];
  const random = prng(20_240_601);
  let previous = checkInvariants(seeds[0]!);
  let parsed = 0;
  for (let i = 0; i < INPUTS; i++) {
    const text = randomInput(random, seeds);
    let doc;
    try {
      doc = checkInvariants(text);
      // Every 10th input is also reached by an edit of the one before.
      if (i % 10 === 0) checkIncremental(previous, text, doc);
    } catch (error) {
      assert.fail(`input ${i} ${JSON.stringify(text.slice(0, 400))}: ${(error as Error).stack}`);
    }
    previous = doc;
    parsed++;
  }
  assert.equal(parsed, INPUTS);
});

/**
 * Values of the system variables that need nothing but the clock and randomness: `$guid`,
 * `$uuid`, `$timestamp`, `$isoTimestamp`, `$datetime`, `$localDatetime`, `$randomInt`, and
 * httpyac's `$random.*`.
 * (`$processEnv` and `$dotenv` read the environment; the evaluation handles them.)
 * Arguments were checked against SYSTEM_VARIABLES before these run.
 */
import { randomInt, randomUUID } from "node:crypto";
import { addOffset, formatNamed } from "./dateFormat";

/** `now` moved by an optional `amount unit` pair at `args[from]`. */
function offsetFrom(now: Date, args: readonly string[], from: number): Date {
  return args.length >= from + 2 ? addOffset(now, Number(args[from]), args[from + 1]!) : now;
}

/** The value of a clock or random system variable, or undefined when `name` is not one. */
export function systemValue(name: string, args: readonly string[], now: Date): string | undefined {
  switch (name) {
    case "$guid":
    case "$uuid":
      return randomUUID();
    case "$timestamp":
      return String(Math.floor(offsetFrom(now, args, 0).getTime() / 1000));
    case "$isoTimestamp":
      return now.toISOString();
    case "$datetime":
      return formatNamed(offsetFrom(now, args, 1), args[0]!, false);
    case "$localDatetime":
      return formatNamed(offsetFrom(now, args, 1), args[0]!, true);
    case "$randomInt":
      // REST Client's range: min inclusive, max exclusive; without one, httpyac's 0 to 1000.
      if (args.length === 0) return String(randomInt(0, 1000));
      // A reversed range is swapped, as httpyac does; an empty one (min = max) gives min.
      return randomBelow(Math.min(Number(args[0]), Number(args[1])), Math.max(Number(args[0]), Number(args[1])));
    case "$random.uuid":
      return randomUUID();
    case "$random.integer": {
      const [min, max] = rangeOf(args);
      return randomBelow(min, max);
    }
    case "$random.float": {
      const [min, max] = rangeOf(args);
      return String(min + Math.random() * (max - min));
    }
    case "$random.alphabetic":
      return randomFrom(LETTERS, lengthOf(args));
    case "$random.alphanumeric":
      return randomFrom(`${LETTERS}0123456789_`, lengthOf(args));
    case "$random.hexadecimal":
      return randomFrom("0123456789abcdef", lengthOf(args));
    case "$random.email":
      return `${randomFrom(LETTERS.toLowerCase().slice(0, 26), 8)}@example.com`;
    default:
      return undefined;
  }
}

const LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** `(1, 10)` of httpyac's `$random.integer(1, 10)`, lower bound first. */
/** A whole number from `min` (inclusive) to `max` (exclusive); `min` when the range is empty. */
function randomBelow(min: number, max: number): string {
  return String(min === max ? min : randomInt(min, max));
}

function rangeOf(args: readonly string[]): [number, number] {
  const [a, b] = args.join(" ").replace(/[()\s]/g, "").split(",").map(Number) as [number, number];
  return a <= b ? [a, b] : [b, a];
}

function lengthOf(args: readonly string[]): number {
  return Number(args.join("").replace(/[()\s]/g, ""));
}

function randomFrom(alphabet: string, length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += alphabet[randomInt(0, alphabet.length)];
  return out;
}

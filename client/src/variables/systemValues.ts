/**
 * Values of the system variables that need nothing but the clock and randomness: `$guid`,
 * `$uuid`, `$timestamp`, `$isoTimestamp`, `$datetime`, `$localDatetime`, `$randomInt`.
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
      // REST Client's range: min inclusive, max exclusive.
      return String(randomInt(Number(args[0]), Number(args[1])));
    default:
      return undefined;
  }
}

/**
 * System variables a request may use (`{{$guid}}`, `{{$randomInt 1 100}}`, ...) and the
 * arguments each accepts. The runner resolves exactly these; the validator reports the rest.
 */
import type { TextNode } from "./ast";

export interface SystemVariableSpec {
  name: string;
  /** How to write it, for messages and completion. */
  usage: string;
  description: string;
  /** A sentence saying what is wrong with the arguments, or undefined when they are fine. */
  checkArgs(args: readonly TextNode[]): string | undefined;
}

const OFFSET_UNITS = new Set(["y", "Q", "M", "w", "d", "h", "m", "s", "ms"]);
const INTEGER = /^[+-]?\d+$/;

/** An optional `amount unit` offset (`-1 d`, `2 h`) at `args[from]`. */
function checkOffset(name: string, args: readonly TextNode[], from: number): string | undefined {
  const rest = args.slice(from);
  if (rest.length === 0) return undefined;
  const [amount, unit] = rest;
  if (rest.length !== 2 || !INTEGER.test(amount!.text) || !OFFSET_UNITS.has(unit!.text)) {
    return `The offset of ${name} is a whole number and a unit (y, Q, M, w, d, h, m, s, ms), e.g. \`{{${name}${from > 0 ? " iso8601" : ""} -1 d}}\`.`;
  }
  return undefined;
}

function noArgs(name: string) {
  return (args: readonly TextNode[]) => (args.length > 0 ? `${name} takes no arguments: write \`{{${name}}}\`.` : undefined);
}

function oneName(name: string) {
  return (args: readonly TextNode[]) =>
    args.length !== 1
      ? `${name} takes the name of one variable: write \`{{${name} NAME}}\` (or \`{{${name} %NAME}}\` to read the name from a variable).`
      : undefined;
}

function datetime(name: string) {
  return (args: readonly TextNode[]) => {
    const format = args[0]?.text;
    const quoted = format !== undefined && format.length >= 2 && /^(["']).*\1$/.test(format);
    if (format !== "rfc1123" && format !== "iso8601" && !quoted) {
      return `${name} takes a format — rfc1123, iso8601 or a quoted pattern such as "YYYY-MM-DD" — and an optional offset: write \`{{${name} iso8601}}\`.`;
    }
    return checkOffset(name, args, 1);
  };
}

const specs: SystemVariableSpec[] = [
  { name: "$guid", usage: "{{$guid}}", description: "a new UUID v4", checkArgs: noArgs("$guid") },
  { name: "$uuid", usage: "{{$uuid}}", description: "a new UUID v4 (httpyac's name for $guid)", checkArgs: noArgs("$uuid") },
  {
    name: "$timestamp",
    usage: "{{$timestamp [offset unit]}}",
    description: "seconds since the Unix epoch (UTC), optionally offset",
    checkArgs: (args) => checkOffset("$timestamp", args, 0),
  },
  { name: "$isoTimestamp", usage: "{{$isoTimestamp}}", description: "the current time in ISO 8601 (UTC)", checkArgs: noArgs("$isoTimestamp") },
  {
    name: "$datetime",
    usage: "{{$datetime rfc1123|iso8601|\"format\" [offset unit]}}",
    description: "the current UTC time in a format",
    checkArgs: datetime("$datetime"),
  },
  {
    name: "$localDatetime",
    usage: "{{$localDatetime rfc1123|iso8601|\"format\" [offset unit]}}",
    description: "the current local time in a format",
    checkArgs: datetime("$localDatetime"),
  },
  {
    name: "$randomInt",
    usage: "{{$randomInt min max}}",
    description: "a random integer from min (inclusive) to max (exclusive)",
    checkArgs: (args) => {
      const [min, max] = args;
      if (args.length !== 2 || !INTEGER.test(min!.text) || !INTEGER.test(max!.text)) {
        return "$randomInt takes two whole numbers, the minimum and the (exclusive) maximum: write `{{$randomInt 1 100}}`.";
      }
      if (Number(min!.text) >= Number(max!.text)) {
        return `$randomInt needs a minimum below the maximum: ${min!.text} is not below ${max!.text}.`;
      }
      return undefined;
    },
  },
  { name: "$processEnv", usage: "{{$processEnv NAME}}", description: "an environment variable of the runner", checkArgs: oneName("$processEnv") },
  { name: "$dotenv", usage: "{{$dotenv NAME}}", description: "a variable from the .env file next to the request file", checkArgs: oneName("$dotenv") },
];

export const SYSTEM_VARIABLES: ReadonlyMap<string, SystemVariableSpec> = new Map(specs.map((spec) => [spec.name, spec]));

/** `$guid, $uuid, ...` for messages. */
export const SYSTEM_VARIABLE_LIST = specs.map((spec) => spec.name).join(", ");

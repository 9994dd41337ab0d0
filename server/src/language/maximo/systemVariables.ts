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
  /** Asks the user for the value when the request is sent (VS Code asks; the CLI cannot). */
  asks?: "input" | "password" | "pick";
  /** Why Maximo Workbench cannot give this variable a value (REST Client signs in to Azure for it, JetBrains asks Java Faker). */
  notRun?: string;
  /** A sentence on arguments that work here but not in every tool (a warning), or undefined. */
  caution?(args: readonly TextNode[]): string | undefined;
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

/** The arguments written together: `(1, 10)` of `$random.integer(1, 10)`. */
function joined(args: readonly TextNode[]): string {
  return args.map((arg) => arg.text).join(" ");
}

/** httpyac's `$random.integer(min, max)` and `$random.float(min, max)`. */
function range(name: string) {
  return (args: readonly TextNode[]) => {
    const match = /^\(\s*(-?\d+)\s*,\s*(-?\d+)\s*\)$/.exec(joined(args));
    return match ? undefined : `${name} takes a range in parentheses: write \`{{${name}(1, 100)}}\`.`;
  };
}

/** httpyac's `$random.alphabetic(length)` and its kin. */
function length(name: string) {
  return (args: readonly TextNode[]) =>
    /^\(\s*\d+\s*\)$/.test(joined(args)) ? undefined : `${name} takes a length in parentheses: write \`{{${name}(10)}}\`.`;
}

/**
 * The question and default of httpyac's `{{$input Work order number $value: 1001}}` (also
 * `$prompt`, `$password`, `$pick`), from the expression's inner text.
 */
export function promptParts(inner: string): { name: string; question: string; value?: string } {
  const name = /^\$[\w.]*(?:-askonce)?/.exec(inner)?.[0] ?? "";
  const rest = inner.slice(name.length);
  const at = rest.indexOf("$value:");
  const question = (at < 0 ? rest : rest.slice(0, at)).trim();
  return at < 0 ? { name, question } : { name, question, value: rest.slice(at + "$value:".length).trim() };
}

function prompt(name: string, asks: "input" | "password" | "pick"): SystemVariableSpec {
  const pick = asks === "pick";
  return {
    name,
    usage: pick ? `{{${name} question $value: a,b,c}}` : `{{${name} question [$value: default]}}`,
    description: pick
      ? "asks to pick one of the listed values when the request is sent (httpyac)"
      : `asks for ${asks === "password" ? "a secret" : "a value"} when the request is sent${name.endsWith("-askonce") ? ", once per session" : ""} (httpyac)`,
    asks,
    checkArgs: (args) => {
      const parts = promptParts(`${name} ${joined(args)}`);
      if (pick && !parts.value) return `${name} needs the values to pick from: write \`{{${name} Site $value: BEDFORD,NASHUA}}\`.`;
      return undefined;
    },
  };
}

/** How to authenticate instead of a tool's sign-in variable. */
const SIGN_IN_INSTEAD = "Authenticate with the connection (status bar) or put a token in `{{$processEnv TOKEN}}`.";

function notRun(name: string, usage: string, description: string): SystemVariableSpec {
  return {
    name,
    usage,
    description,
    checkArgs: () => undefined,
    notRun: `REST Client signs in to Azure AD or an OpenID provider for ${name}; Maximo Workbench does not, so a request using it is not sent. ${SIGN_IN_INSTEAD}`,
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
    usage: "{{$randomInt [min max]}}",
    description: "a random integer from min (inclusive) to max (exclusive); without a range, from 0 to 1000 (httpyac)",
    checkArgs: (args) => {
      const [min, max] = args;
      if (args.length === 0) return undefined;
      if (args.length !== 2 || !INTEGER.test(min!.text) || !INTEGER.test(max!.text)) {
        return "$randomInt takes two whole numbers, the minimum and the (exclusive) maximum: write `{{$randomInt 1 100}}` (or `{{$randomInt}}` for 0 to 1000).";
      }
      return undefined;
    },
    // REST Client refuses a range whose minimum is not below its maximum (systemVariableProvider.ts);
    // httpyac swaps the two (restClientVariableReplacer.ts), and so does the runner here.
    caution: ([min, max]) =>
      min && max && INTEGER.test(min.text) && INTEGER.test(max.text) && Number(min.text) >= Number(max.text)
        ? `$randomInt's minimum ${min.text} is not below its maximum ${max.text}: httpyac and Maximo Workbench swap them, REST Client leaves the variable unfilled. Write \`{{$randomInt ${Math.min(Number(min.text), Number(max.text))} ${Math.max(Number(min.text), Number(max.text))}}}\`.`
        : undefined,
  },
  { name: "$processEnv", usage: "{{$processEnv NAME}}", description: "an environment variable of the runner", checkArgs: oneName("$processEnv") },
  { name: "$dotenv", usage: "{{$dotenv NAME}}", description: "a variable from the .env file next to the request file", checkArgs: oneName("$dotenv") },
  // httpyac's (JetBrains') random values.
  { name: "$random.uuid", usage: "{{$random.uuid}}", description: "a new UUID v4 (httpyac)", checkArgs: noArgs("$random.uuid") },
  { name: "$random.integer", usage: "{{$random.integer(min, max)}}", description: "a random integer from min to max (exclusive) (httpyac)", checkArgs: range("$random.integer") },
  { name: "$random.float", usage: "{{$random.float(min, max)}}", description: "a random number from min to max (httpyac)", checkArgs: range("$random.float") },
  { name: "$random.alphabetic", usage: "{{$random.alphabetic(length)}}", description: "random letters (httpyac)", checkArgs: length("$random.alphabetic") },
  { name: "$random.alphanumeric", usage: "{{$random.alphanumeric(length)}}", description: "random letters, digits and _ (httpyac)", checkArgs: length("$random.alphanumeric") },
  { name: "$random.hexadecimal", usage: "{{$random.hexadecimal(length)}}", description: "random hexadecimal digits (httpyac)", checkArgs: length("$random.hexadecimal") },
  { name: "$random.email", usage: "{{$random.email}}", description: "a random e-mail address (httpyac)", checkArgs: noArgs("$random.email") },
  // httpyac's questions, asked when the request is sent.
  prompt("$input", "input"),
  prompt("$input-askonce", "input"),
  prompt("$prompt", "input"),
  prompt("$prompt-askonce", "input"),
  prompt("$password", "password"),
  prompt("$password-askonce", "password"),
  prompt("$pick", "pick"),
  prompt("$pick-askonce", "pick"),
  // REST Client's sign-ins.
  notRun("$aadToken", "{{$aadToken [new] [public|cn|de|us|ppe] [<domain|tenantId>] [aud:<domain|tenantId>]}}", "an Azure AD token (REST Client; not available here)"),
  notRun("$aadV2Token", "{{$aadV2Token [new] [appOnly] [scopes:<scope[,]>] [tenantid:<domain|tenantId>] [clientid:<clientId>]}}", "a Microsoft identity platform token (REST Client; not available here)"),
  notRun("$oidcAccessToken", "{{$oidcAccessToken [new] [<clientId:...>] ...}}", "an OpenID Connect access token (REST Client; not available here)"),
];

export const SYSTEM_VARIABLES: ReadonlyMap<string, SystemVariableSpec> = new Map(specs.map((spec) => [spec.name, spec]));

/** `$guid, $uuid, ...` for messages. */
export const SYSTEM_VARIABLE_LIST = [...specs.map((spec) => spec.name), "$env.NAME"].join(", ");

/**
 * The spec of a system variable: one of SYSTEM_VARIABLES, or one of JetBrains' HTTP Client
 * variables whose name carries its argument (`$env.HOME`, `$random.address.city`, `$auth.token`),
 * or another tool's this runner explains but cannot fill (`$projectRoot`, httpyac's `$xpath`).
 */
export function systemVariableSpec(name: string): SystemVariableSpec | undefined {
  return SYSTEM_VARIABLES.get(name) ?? otherToolVariable(name);
}

/** The variable `{{$env.NAME}}` reads (JetBrains' form of `{{$processEnv NAME}}`), or undefined. */
export function envVariableName(name: string): string | undefined {
  return name.startsWith(ENV_PREFIX) && name.length > ENV_PREFIX.length ? name.slice(ENV_PREFIX.length) : undefined;
}

const ENV_PREFIX = "$env.";

/**
 * JetBrains' Java Faker classes, `{{$random.<class>.<method>}}` (jetbrains.com/help "HTTP Client
 * variables", dynamic variables: "$random.address", "$random.name", ...).
 */
const FAKER_CLASSES = new Set([
  "address", "beer", "bool", "business", "ChuckNorris", "code", "color", "commerce", "company", "crypto", "educator", "finance",
  "hacker", "idNumber", "internet", "lorem", "name", "number", "phoneNumber", "shakespeare", "superhero", "team", "university",
]);

/** The variables JetBrains and httpyac fill that are named with their argument (`$env.HOME`, `$random.address.city`) or that this runner cannot fill. */
function otherToolVariable(name: string): SystemVariableSpec | undefined {
  const variable = envVariableName(name);
  if (variable !== undefined) {
    return { name, usage: "{{$env.NAME}}", description: "an environment variable of the runner (JetBrains' form of $processEnv)", checkArgs: noArgs(name) };
  }
  if (name === "$env" || name === ENV_PREFIX) {
    return { name, usage: "{{$env.NAME}}", description: "", checkArgs: () => "`$env` needs the name of an environment variable after a dot: write `{{$env.HOME}}`." };
  }
  const faker = /^\$random\.(\w+)\.\w+$/.exec(name);
  if (faker && FAKER_CLASSES.has(faker[1]!)) {
    return {
      name,
      usage: `{{${name}}}`,
      description: "a random value from the Java Faker library (JetBrains; not available here)",
      checkArgs: () => undefined,
      notRun: `JetBrains fills \`${name}\` from the Java Faker library; Maximo Workbench does not, so a request using it is not sent. Use \`{{$random.alphabetic(8)}}\`, \`{{$random.email}}\` or an \`@name = value\` variable instead.`,
    };
  }
  if (name === "$auth.token" || name === "$auth.idToken") {
    return {
      name,
      usage: `{{${name}("auth-id")}}`,
      description: "a token from an Auth configuration of http-client.env.json (JetBrains; not available here)",
      checkArgs: (args) =>
        /^\(\s*"[^"]+"\s*\)$/.test(joined(args)) ? undefined : `${name} takes the id of an Auth configuration in quotes: write \`{{${name}("my-auth")}}\`.`,
      notRun: `JetBrains signs in with the Auth configuration of its environment file (http-client.env.json) for ${name}; Maximo Workbench does not, so a request using it is not sent. ${SIGN_IN_INSTEAD}`,
    };
  }
  // jetbrains.com/help "HTTP Client reference", response redirect: the predefined path variables.
  if (name === "$projectRoot" || name === "$historyFolder") {
    const folder = name === "$projectRoot" ? "the IDE project's folder" : "the folder of its request history (.idea/httpRequests)";
    return {
      name,
      usage: `{{${name}}}`,
      description: `${folder} (JetBrains; not available here)`,
      checkArgs: noArgs(name),
      notRun: `JetBrains fills \`${name}\` with ${folder}; Maximo Workbench does not, so a request using it is not sent. Write the path relative to this file instead.`,
    };
  }
  // httpyac src/plugins/xml/xpathVariableReplacer.ts: `{{$xpath //path}}`, `{{$xpath:name //path}}`.
  if (name === "$xpath") {
    return {
      name,
      usage: "{{$xpath:name //path}}",
      description: "an XPath on a response (httpyac; not available here)",
      checkArgs: () => undefined,
      notRun: "httpyac reads this XPath from a response; Maximo Workbench does not, so a request using it is not sent. Name the request (`# @name wo`) and read `{{wo.response.body.//path}}` instead.",
    };
  }
  return undefined;
}

/**
 * httpyac evaluates `{{...}}` as JavaScript, so some names that look like system variables are
 * its script variables (github:AnWeber/httpyac src/plugins/javascript/javascriptVariableReplacer.ts):
 * `$global` is an object scripts fill (`{{ $global.token = response.parsedBody.token; }}`,
 * src/plugins/javascript/globalVariableProvider.ts), and `$index` is the turn of a `# @loop`
 * (src/plugins/core/metaData/loopMetaDataHandler.ts; test/metadata/loop.spec.ts sends
 * `{{$index}}` as 0, 1, 2). Neither is a system variable; each is explained, not flagged.
 */
export function httpyacScriptVariable(name: string): "global" | "index" | undefined {
  if (name === "$global" || name.startsWith("$global.")) return "global";
  return name === "$index" ? "index" : undefined;
}

/** Why `{{$global.x}}` has no value here (the editor's information and the runner's failure alike). */
export function globalNotRun(name: string): string {
  const field = name.startsWith("$global.") ? name.slice("$global.".length) : "name";
  return `\`${name}\` is set by an httpyac script (\`$global.${field} = ...\` in a \`{{ }}\` block); Maximo Workbench does not run scripts, so a request using it is not sent. Use an \`@${field} = value\` variable or an environment instead.`;
}

/** `$index` in a request with `# @loop`: the runner sends it once, as the first turn. */
export const INDEX_IN_LOOP = "httpyac fills `$index` with the turn of the `# @loop` (0, 1, ...); Maximo Workbench sends this request once, with `$index` 0.";
export const INDEX_OUTSIDE_LOOP = "`$index` is the turn of an httpyac `# @loop`, and this request has no `# @loop`: there is no value for it (httpyac has none either).";

/**
 * A curl command line (as copied from a browser, a guide or a terminal) as a request. Knows the
 * options that shape a request: -X, -H, -d/--data/--data-raw/--data-binary/--data-ascii,
 * --data-urlencode, -d @file, --json, -u, -G, -I, --url, -b, -A, -e, --oauth2-bearer; output and
 * transport options (-s, -k, -L, -o FILE, -U, ...) are dropped; anything else is named in a note. Credentials are left
 * to `$MAXIMO_*` environment variables (the names Copy as curl uses); a Maximo API URL with
 * credentials becomes a request relative to the connection, which then signs in.
 */
import { credentialVariable, secretQueryVariable } from "../http/credentialVariables";
import { asShell, processEnv, type ImportedRequest } from "./importedRequest";
import { makeConnectionRelative } from "./connectionRelative";
import { looksSecret } from "../environments/secretNames";
import { secretFieldsReplaced, secretVariableName } from "./secretFields";
import { takeUrlCredentials } from "./urlCredentials";

/** Options without a value that change nothing in the request. */
const IGNORED_FLAGS = new Set([
  "-s", "--silent", "-S", "--show-error", "-k", "--insecure", "-L", "--location", "-v", "--verbose", "-i", "--include",
  "--compressed", "-f", "--fail", "--fail-with-body", "-#", "--progress-bar", "-N", "--no-buffer", "--http1.1", "--http2", "-g", "--globoff", "-O", "--remote-name",
]);
/** Options whose value changes nothing in the request. */
const IGNORED_WITH_VALUE = new Set([
  "-m", "--max-time", "--connect-timeout", "-w", "--write-out", "--cacert", "--capath", "--cert", "--key", "-E",
  "--retry", "--retry-delay", "--retry-max-time", "-x", "--proxy", "-c", "--cookie-jar", "--resolve", "--limit-rate", "-D", "--dump-header", "--max-redirs", "--trace", "--trace-ascii",
]);
/** Short options that take a value, for `-XPOST` / `-H'x: y'` written without a space. */
const SHORT_WITH_VALUE = new Set(["X", "H", "d", "u", "U", "b", "A", "e", "o", "m", "w", "E", "x", "c", "D", "F"]);

/** A word that reads as a URL wherever it stands: a scheme (`https://`), a path (`/maximo/...`) or a variable base. */
function looksLikeUrl(word: string): boolean {
  return word.includes("://") || word.startsWith("/") || word.startsWith("{{");
}

type DataPart = { kind: "text"; text: string } | { kind: "file"; path: string; binary: boolean };

/** Options spelled out: `-XPOST` → `-X POST`, `-sSL` → `-s -S -L`, `--data=x` → `--data x`. */
function normalise(words: readonly string[]): string[] {
  const out: string[] = [];
  for (const word of words) {
    if (/^--[^=]+=/.test(word)) {
      const eq = word.indexOf("=");
      out.push(word.slice(0, eq), word.slice(eq + 1));
    } else if (/^-[A-Za-z#]./.test(word) && (/^-[A-Za-z#]{2,}/.test(word) || SHORT_WITH_VALUE.has(word[1]!))) {
      // Flags cluster until one that takes a value, which takes the rest of the word (`-d{"a":1}` too).
      for (let i = 1; i < word.length; i++) {
        const flag = word[i]!;
        if (SHORT_WITH_VALUE.has(flag)) {
          out.push(`-${flag}`);
          if (i + 1 < word.length) out.push(word.slice(i + 1));
          break;
        }
        out.push(`-${flag}`);
      }
    } else out.push(word);
  }
  return out;
}

/** Converts the words of one `curl ...` command (the first word is `curl`). Throws a sentence when there is no URL. */
export function curlToRequest(words: readonly string[], options: ImportOptions = {}): ImportedRequest {
  const args = normalise(words.slice(1));
  const notes: string[] = [];
  const headers: Array<[string, string]> = [];
  const data: DataPart[] = [];
  let method: string | undefined;
  let url: string | undefined;
  // Bare words, each with the unknown option right before it (whose value it may be).
  const bare: Array<{ word: string; after?: string }> = [];
  let unknownOption: string | undefined;
  let get = false;
  let head = false;
  let user: string | undefined;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const after = unknownOption;
    unknownOption = undefined;
    const value = () => {
      const next = args[++i];
      if (next === undefined) throw new Error(`curl option ${arg} needs a value.`);
      return next;
    };
    switch (arg) {
      case "-X":
      case "--request":
        method = value().toUpperCase();
        break;
      case "-H":
      case "--header": {
        const line = value();
        const colon = line.indexOf(":");
        // `-H 'X-Thing;'` sends an empty header; `-H 'Accept:'` removes one: neither is worth a line here.
        if (colon > 0 && line.slice(colon + 1).trim() !== "") headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
        break;
      }
      case "-d":
      case "--data":
      case "--data-ascii":
      case "--data-binary":
      case "--data-raw": {
        const text = value();
        // --data-raw never reads a file; -d strips line breaks from one, --data-binary keeps them.
        if (arg !== "--data-raw" && text.startsWith("@")) data.push({ kind: "file", path: text.slice(1), binary: arg === "--data-binary" });
        else data.push({ kind: "text", text });
        break;
      }
      case "--data-urlencode":
        data.push(urlencoded(value(), notes));
        break;
      case "--json": {
        json = true;
        const text = value();
        data.push(text.startsWith("@") ? { kind: "file", path: text.slice(1), binary: true } : { kind: "text", text });
        break;
      }
      case "-F":
      case "--form":
        notes.push(`curl -F ${value()} (a multipart form field) was not converted: write the multipart body by hand.`);
        break;
      case "-u":
      case "--user":
        user = value();
        break;
      case "-b":
      case "--cookie": {
        const cookie = value();
        // A shell variable ("$COOKIE") holds the cookies themselves, as a file name rarely is one.
        if (cookie.includes("=") || cookie.includes("{{")) headers.push(["Cookie", cookie]);
        else notes.push(`curl -b ${cookie} reads cookies from a file; they were not converted.`);
        break;
      }
      case "-A":
      case "--user-agent":
        headers.push(["User-Agent", value()]);
        break;
      case "-e":
      case "--referer":
        headers.push(["Referer", value()]);
        break;
      case "-G":
      case "--get":
        get = true;
        break;
      case "-I":
      case "--head":
        head = true;
        break;
      case "--url":
        url = value();
        break;
      case "-o":
      case "--output": {
        // curl(1) -o <file>: "Write output to <file> instead of stdout"; /dev/null and - discard or print it.
        const file = value();
        if (file !== "/dev/null" && file !== "-" && file.toLowerCase() !== "nul") notes.push(`curl -o ${file} saved the response to that file; this request does not: run it with \`maximo run FILE --out DIR\`, which writes each response to DIR (httpyac's \`>> FILE\` line is not read here).`);
        break;
      }
      case "--oauth2-bearer":
        // curl(1): "Specify the Bearer Token for OAUTH 2.0 server authentication", sent as Authorization: Bearer.
        headers.push(["Authorization", `Bearer ${value()}`]);
        break;
      case "-U":
      case "--proxy-user":
        value();
        notes.push(`curl ${arg} (the proxy's user and password) was not converted and its value not copied: set the proxy outside this file.`);
        break;
      default:
        if (IGNORED_FLAGS.has(arg)) break;
        if (IGNORED_WITH_VALUE.has(arg)) {
          value();
          break;
        }
        if (arg.startsWith("-") && arg !== "-") {
          // Whether it takes a value is not known here: the word after it is never written unless it is the URL.
          notes.push(`curl option ${arg} was not converted (nor the value after it, if it takes one).`);
          unknownOption = arg;
          break;
        }
        bare.push({ word: arg, after });
    }
  }
  url ??= urlOf(bare, notes);
  if (url === undefined) throw new Error("The curl command has no URL.");
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(url) && !url.startsWith("{{")) url = `http://${url}`;

  const request: ImportedRequest = { notes, method: method ?? (head ? "HEAD" : data.length > 0 && !get ? "POST" : "GET"), url, headers };
  if (json) {
    if (!hasHeader(headers, "content-type")) headers.push(["Content-Type", "application/json"]);
    if (!hasHeader(headers, "accept")) headers.push(["Accept", "application/json"]);
  }
  for (const part of data) {
    const variable = part.kind === "text" ? /^\{\{\$processEnv ([A-Za-z_][A-Za-z0-9_]*)\}\}$/.exec(part.text)?.[1] : undefined;
    if (variable) notes.push(`The ${get ? "query" : "body"} is the shell variable $${variable}: it is read from the environment variable ${variable} when the request is sent (set it there, or paste the ${get ? "parameters" : "body"} here).`);
  }
  if (data.length > 0) {
    if (get) request.url = withQuery(request.url, data, notes);
    else {
      request.body = bodyOf(data, notes);
      // curl sends -d data as a form unless told otherwise.
      if (!hasHeader(headers, "content-type")) headers.push(["Content-Type", "application/x-www-form-urlencoded"]);
    }
  }
  if (user !== undefined) basicAuth(request, user);
  return finishImport(request, options);
}

/**
 * The URL among the bare words: the first that reads as one (`://`, a leading `/`), else the last
 * that does not follow an option this importer does not know (`--oauth2-bearer TOKEN URL` before
 * it was known made the token the URL), else the last. The others are named in a note, except a
 * word after an unknown option, which may be that option's secret.
 */
function urlOf(bare: ReadonlyArray<{ word: string; after?: string }>, notes: string[]): string | undefined {
  const chosen = bare.find((b) => looksLikeUrl(b.word)) ?? [...bare].reverse().find((b) => b.after === undefined) ?? bare[bare.length - 1];
  for (const b of bare) if (b !== chosen && b.after === undefined) notes.push(`The extra argument ${b.word} was not converted.`);
  return chosen?.word;
}

export interface ImportOptions {
  /** Write Maximo API requests that carry credentials relative to the connection (default true). */
  connectionRelative?: boolean;
}

/** The last step of every importer: sign-in through a connection where possible, the other credentials to placeholders. */
export function finishImport(request: ImportedRequest, options: ImportOptions = {}): ImportedRequest {
  takeUrlCredentials(request);
  if (options.connectionRelative !== false) makeConnectionRelative(request);
  hideSecrets(request);
  return request;
}

function hasHeader(headers: ReadonlyArray<[string, string]>, name: string): boolean {
  return headers.some(([n]) => n.toLowerCase() === name);
}

/** `--data-urlencode`: `content`, `=content`, `name=content`, `@file`, `name@file` (curl's five forms). */
function urlencoded(spec: string, notes: string[]): DataPart {
  const match = /^([^=@]*)([=@])(.*)$/s.exec(spec);
  if (!match) return { kind: "text", text: formEncode(spec) };
  const [, name, sign, rest] = match as unknown as [string, string, string, string];
  if (sign === "@") {
    notes.push(`--data-urlencode ${spec}: the file's content is sent as it is; encode it first if it needs it.`);
    return { kind: "file", path: rest, binary: false };
  }
  return { kind: "text", text: name === "" ? formEncode(rest) : `${name}=${formEncode(rest)}` };
}

/** Percent-encoding as curl's --data-urlencode writes it (only unreserved characters stay). */
function formEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function bodyOf(data: readonly DataPart[], notes: string[]): ImportedRequest["body"] {
  if (data.length === 1 && data[0]!.kind === "file") {
    const file = data[0]!;
    if (file.path === "-") {
      notes.push("The body came from standard input (@-): paste it below the headers.");
      return undefined;
    }
    if (!file.binary) notes.push(`curl -d @${file.path} sends the file without its line breaks; this request sends the file as it is.`);
    return { kind: "file", path: file.path };
  }
  const texts: string[] = [];
  for (const part of data) {
    if (part.kind === "text") texts.push(part.text);
    else notes.push(`The data file @${part.path} could not be joined with the other data parts: add its content to the body.`);
  }
  return { kind: "text", text: texts.join("&") };
}

/** `-G`: the data parts go to the query string. */
function withQuery(url: string, data: readonly DataPart[], notes: string[]): string {
  const texts: string[] = [];
  for (const part of data) {
    if (part.kind === "text") texts.push(part.text);
    else notes.push(`-G with the data file @${part.path}: add its content to the query.`);
  }
  if (texts.length === 0) return url;
  return `${url}${url.includes("?") ? "&" : "?"}${texts.join("&")}`;
}

/** `-u user:password`: the password is never written; MAXIMO_BASIC holds base64(user:password). */
function basicAuth(request: ImportedRequest, user: string): void {
  const name = asShell(user.split(":")[0]!);
  request.user = name;
  request.headers.push(["Authorization", `Basic ${processEnv("MAXIMO_BASIC")}`]);
  request.notes.push(`Signed in as "${name}" with curl -u: set MAXIMO_BASIC to the base64 of ${name}:PASSWORD (the password was not copied).`);
}

function decodedName(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return text;
  }
}

/** Credential headers, query values and body fields become `{{$processEnv MAXIMO_*}}`. */
export function hideSecrets(request: ImportedRequest): void {
  const used = new Set<string>();
  request.headers = request.headers.map(([name, value]) => {
    // A {{variable}} holds no secret in this file: its definition is dealt with where it stands.
    if (value.includes("{{")) return [name, value];
    const credential = credentialVariable(name, value);
    // Other secret-named headers (x-api-key, x-auth-token, ...) too.
    const variable = credential?.variable ?? (looksSecret(name) ? secretVariableName(name) : undefined);
    if (variable === undefined) return [name, value];
    used.add(variable);
    return [name, `${credential?.prefix ?? ""}${processEnv(variable)}`];
  });
  request.url = request.url.replace(/([?&])([^=&#]+)=([^&#]*)/g, (whole, sep: string, name: string, value: string) => {
    // apikey=, access_token=, _lpwd=, and any other name that looks secret (password=, j_password=, api_key=, token=).
    const variable = secretQueryVariable(decodedName(name));
    if (!variable || value.includes("{{")) return whole;
    used.add(variable);
    return `${sep}${name}=${processEnv(variable)}`;
  });
  if (request.body?.kind === "text") {
    const replaced = secretFieldsReplaced(request.body.text);
    request.body = { kind: "text", text: replaced.text };
    for (const variable of replaced.variables) used.add(variable);
  }
  if (used.size > 0) request.notes.push(`Credentials are read from ${[...used].sort().join(", ")} (set them in the environment; they were not copied).`);
}

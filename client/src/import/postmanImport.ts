/**
 * A Postman collection (v2.1, and v2.0 which has the same shape for what is read here) as a
 * .maximo file: folders become the path in each `###` name (`Work orders / Create`), `{{var}}`
 * stays as written, collection variables become `@var = value` lines, and the auth of a request
 * (its own, else its folder's, else the collection's) becomes headers whose secrets are left to
 * `{{$processEnv MAXIMO_*}}` or to a variable, never copied. A Maximo API URL with an API key,
 * basic or maxauth sign-in is written relative to the connection, which signs in.
 */
import { looksSecret } from "../environments/secretNames";
import { secretQueryVariable } from "../http/credentialVariables";
import { isSecretHeader } from "../http/redact";
import { finishImport, type ImportOptions } from "./curlImport";
import { processEnv, type ImportedFile, type ImportedRequest } from "./importedRequest";
import { secretVariableName } from "./secretFields";

type Json = Record<string, unknown>;

interface KeyValue {
  key?: string;
  value?: unknown;
  disabled?: boolean;
  type?: string;
}

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function list(value: unknown): KeyValue[] {
  return Array.isArray(value) ? value.filter(isObject).map((entry) => entry as KeyValue) : [];
}

function text(value: unknown): string {
  return value === undefined || value === null ? "" : typeof value === "string" ? value : JSON.stringify(value);
}

/** True for a parsed JSON value that looks like a Postman collection. */
export function isPostmanCollection(value: unknown): boolean {
  return isObject(value) && isObject(value.info) && Array.isArray(value.item);
}

/** Throws a sentence when the value is not a collection. */
export function postmanToFile(collection: unknown, options: ImportOptions = {}): ImportedFile {
  if (!isPostmanCollection(collection)) throw new Error('This JSON is not a Postman collection: it needs "info" and "item" (export it from Postman as Collection v2.1).');
  const root = collection as Json;
  const info = root.info as Json;
  const notes = [`Imported from the Postman collection "${text(info.name)}".`];
  const schema = text(info.schema);
  if (schema && !/v2\.[01]/.test(schema)) notes.push(`Its schema is ${schema}; this importer reads v2.1 (and v2.0).`);
  const requests: ImportedRequest[] = [];
  walk(list(root.item), [], { auth: root.auth, behavior: root.protocolProfileBehavior }, requests, options);
  const feedsSecret = secretReferences(requests);
  const variables: Array<[string, string]> = [];
  for (const variable of list(root.variable)) {
    if (!variable.key || variable.disabled) continue;
    const secret = variable.type === "secret" || looksSecret(variable.key) || feedsSecret.has(variable.key);
    variables.push([variable.key, secret ? processEnv(secretVariableName(variable.key)) : text(variable.value)]);
  }
  return { notes, variables, requests };
}

/**
 * The variables a secret place takes its value from (`_lpwd={{pw}}`, `x-api-key: {{k}}`,
 * `"password": "{{p}}"`): secrets, whatever their own name says.
 */
function secretReferences(requests: readonly ImportedRequest[]): Set<string> {
  const names = new Set<string>();
  const take = (value: string) => {
    for (const match of value.matchAll(/\{\{\s*([^{}\s]+)\s*\}\}/g)) names.add(match[1]!);
  };
  for (const request of requests) {
    for (const match of request.url.matchAll(/[?&]([^=&#]+)=([^&#]*)/g)) if (secretQueryVariable(match[1]!)) take(match[2]!);
    for (const [name, value] of request.headers) if (isSecretHeader(name)) take(value);
    if (request.body?.kind === "text") {
      for (const match of request.body.text.matchAll(/"([^"]+)"\s*:\s*"([^"]*)"/g)) if (looksSecret(match[1]!)) take(match[2]!);
      for (const match of request.body.text.matchAll(/(?:^|&)([^=&\s]+)=([^&\s]*)/g)) if (looksSecret(match[1]!)) take(match[2]!);
    }
  }
  return names;
}

/** What a request takes from its folders and collection when it does not say it itself. */
interface Inherited {
  auth: unknown;
  /** Postman's `protocolProfileBehavior` (`strictSSL`, ...). */
  behavior: unknown;
}

function walk(items: readonly KeyValue[], folders: readonly string[], inherited: Inherited, out: ImportedRequest[], options: ImportOptions): void {
  for (const entry of items) {
    const item = entry as Json;
    const name = text(item.name);
    const here: Inherited = { auth: item.auth ?? inherited.auth, behavior: { ...(isObject(inherited.behavior) ? inherited.behavior : {}), ...(isObject(item.protocolProfileBehavior) ? item.protocolProfileBehavior : {}) } };
    if (Array.isArray(item.item)) walk(list(item.item), [...folders, name], here, out, options);
    else if (item.request !== undefined) out.push(requestOf(item, [...folders, name].filter((part) => part !== "").join(" / "), here, options));
  }
}

function requestOf(item: Json, name: string, inherited: Inherited, options: ImportOptions): ImportedRequest {
  const inheritedAuth = inherited.auth;
  const source = typeof item.request === "string" ? { url: item.request } : isObject(item.request) ? item.request : {};
  const notes: string[] = [];
  const description = text(isObject(source.description) ? source.description.content : source.description).split(/\r?\n/)[0]?.trim();
  if (description) notes.push(description);
  const request: ImportedRequest = { name, notes, method: (text(source.method) || "GET").toUpperCase(), url: urlOf(source.url, notes), headers: [] };
  for (const header of list(source.header)) {
    if (header.key && !header.disabled) request.headers.push([header.key, text(header.value)]);
  }
  applyAuth(request, source.auth ?? inheritedAuth);
  if (isObject(inherited.behavior) && inherited.behavior.strictSSL === false) {
    notes.push("Postman sends this request without checking the server's TLS certificate (strictSSL off): run it with `maximo run --insecure`, or set the connection's insecure option (TLS verification off for that server only).");
  }
  applyBody(request, source.body);
  if (list(item.event).some((event) => isObject(event) && Array.isArray((event as Json & { script?: Json }).script?.exec))) {
    notes.push("Its Postman scripts (pre-request, tests) were not converted: use # @expect lines for checks.");
  }
  return finishImport(request, options);
}

function urlOf(url: unknown, notes: string[]): string {
  if (typeof url === "string") return url;
  if (!isObject(url)) return "";
  let raw = urlFromParts(url);
  // Postman's path variables (`/:id`) take their value, or become a {{variable}} of the same name.
  for (const variable of list(url.variable)) {
    if (!variable.key) continue;
    const value = text(variable.value);
    if (!value) notes.push(`The Postman path variable :${variable.key} has no value: add "@${variable.key} = ..." above.`);
    raw = raw.replace(new RegExp(`/:${variable.key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?=[/?#]|$)`), `/${value || `{{${variable.key}}}`}`);
  }
  return raw;
}

/**
 * The URL Postman sends. In v2.1 the parts (`protocol`, `host`, `port`, `path`, `query`, `hash`)
 * are what Postman and Newman send; `raw` is the text shown in the address bar, and some
 * generators leave the query (or all of it) out of it. So the parts win where they are given: the
 * `query` array (enabled entries in order, values as written) over raw's query, host and path over
 * raw's; raw is read only for what the parts do not say.
 */
function urlFromParts(url: Json): string {
  const raw = text(url.raw);
  const hashAt = raw.indexOf("#");
  const rawNoHash = hashAt < 0 ? raw : raw.slice(0, hashAt);
  const questionAt = rawNoHash.indexOf("?");
  let base = questionAt < 0 ? rawNoHash : rawNoHash.slice(0, questionAt);
  let query = questionAt < 0 ? "" : rawNoHash.slice(questionAt + 1);
  let hash = hashAt < 0 ? "" : raw.slice(hashAt + 1);
  const host = Array.isArray(url.host) ? url.host.map(text).join(".") : text(url.host);
  if (host !== "") {
    const path = Array.isArray(url.path) ? url.path.map(pathSegment).join("/") : text(url.path).replace(/^\//, "");
    const port = text(url.port);
    // `user:password@` (Postman's parser keeps it in `auth`, out of the host) is sent as basic auth:
    // kept here so that the import takes it out the same way for curl and Postman.
    const auth = isObject(url.auth) && text(url.auth.user) ? `${text(url.auth.user)}${url.auth.password ? `:${text(url.auth.password)}` : ""}@` : host.includes("@") ? "" : (/^[a-z][a-z0-9+.-]*:\/\/([^/?#@]*@)/i.exec(raw)?.[1] ?? "");
    base = `${url.protocol ? `${text(url.protocol)}://` : ""}${auth}${host}${port ? `:${port}` : ""}${path ? `/${path}` : ""}`;
  }
  if (Array.isArray(url.query)) {
    // A parameter without a value (`null`) is sent as its bare key, an empty one as `key=`.
    query = list(url.query)
      .filter((q) => !q.disabled && (q.key || text(q.value)))
      .map((q) => (q.value === undefined || q.value === null ? (q.key ?? "") : `${q.key ?? ""}=${text(q.value)}`))
      .join("&");
  }
  if (url.hash !== undefined && url.hash !== null) hash = text(url.hash);
  return `${base}${query ? `?${query}` : ""}${hash ? `#${hash}` : ""}`;
}

/** A v2.1 path entry: a string, or `{ type, value }`. */
function pathSegment(segment: unknown): string {
  return isObject(segment) ? text(segment.value) : text(segment);
}

/** A value the file may keep: a reference to a variable (`{{apikey}}`), which holds no secret itself. */
function isReference(value: string): boolean {
  return /^\{\{[^{}]+\}\}$/.test(value.trim());
}

function authParams(auth: Json, type: string): Map<string, string> {
  const params = auth[type];
  const out = new Map<string, string>();
  // v2.1 lists `[{key, value}]`; v2.0 wrote an object.
  if (Array.isArray(params)) for (const entry of list(params)) if (entry.key) out.set(entry.key, text(entry.value));
  if (isObject(params)) for (const [key, value] of Object.entries(params)) out.set(key, text(value));
  return out;
}

function applyAuth(request: ImportedRequest, auth: unknown): void {
  if (!isObject(auth)) return;
  const type = text(auth.type);
  const params = authParams(auth, type);
  const secret = (value: string, variable: string) => (isReference(value) ? value : processEnv(variable));
  switch (type) {
    case "noauth":
    case "":
      return;
    case "apikey": {
      const key = params.get("key") || "apikey";
      const value = secret(params.get("value") ?? "", "MAXIMO_APIKEY");
      if (params.get("in") === "query") request.url += `${request.url.includes("?") ? "&" : "?"}${key}=${value}`;
      else request.headers.push([key, value]);
      return;
    }
    case "basic": {
      const user = params.get("username") ?? "";
      request.user = user;
      request.headers.push(["Authorization", `Basic ${processEnv("MAXIMO_BASIC")}`]);
      request.notes.push(`Signed in as "${user}" (Postman basic auth): set MAXIMO_BASIC to the base64 of USER:PASSWORD (the password was not copied).`);
      return;
    }
    case "bearer":
      request.headers.push(["Authorization", `Bearer ${secret(params.get("token") ?? "", "MAXIMO_TOKEN")}`]);
      return;
    default:
      request.notes.push(`Postman auth "${type}" was not converted: use a connection (Maximo: Add Connection) that signs in this way.`);
  }
}

function applyBody(request: ImportedRequest, body: unknown): void {
  if (!isObject(body) || body.disabled === true) return;
  const hasType = request.headers.some(([name]) => name.toLowerCase() === "content-type");
  const setType = (type: string) => {
    if (!hasType) request.headers.push(["Content-Type", type]);
  };
  switch (text(body.mode)) {
    case "raw": {
      const raw = text(body.raw);
      if (raw === "") return;
      const options = isObject(body.options) && isObject(body.options.raw) ? text(body.options.raw.language) : "";
      if (options === "json") setType("application/json");
      else if (options === "xml") setType("application/xml");
      request.body = { kind: "text", text: raw };
      return;
    }
    case "urlencoded": {
      const pairs = list(body.urlencoded).filter((p) => p.key && !p.disabled);
      // Values with {{variables}} stay as written: the runner fills them in before sending.
      const encode = (value: string) => (value.includes("{{") ? value : encodeURIComponent(value));
      request.body = { kind: "text", text: pairs.map((p) => `${encode(p.key!)}=${encode(text(p.value))}`).join("&") };
      setType("application/x-www-form-urlencoded");
      return;
    }
    case "file": {
      const src = isObject(body.file) ? text(body.file.src) : "";
      if (src) request.body = { kind: "file", path: src };
      return;
    }
    case "graphql": {
      const graphql = isObject(body.graphql) ? body.graphql : {};
      request.body = { kind: "text", text: JSON.stringify({ query: text(graphql.query), variables: graphql.variables ? JSON.parse(text(graphql.variables) || "{}") : undefined }) };
      setType("application/json");
      return;
    }
    case "formdata":
      request.notes.push("Its form-data (multipart) body was not converted: write the multipart body by hand.");
      return;
  }
}

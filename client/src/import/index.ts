/**
 * `maximo import` and the editor's paste: curl command lines or a Postman collection (v2.1) to
 * `.maximo` text. Secrets are never written: they are left to `{{$processEnv MAXIMO_*}}` or to
 * the connection that signs in.
 *
 *   const { text, requests, notes } = importRequests(readFileSync("collection.json", "utf8"));
 */
import { curlToRequest, type ImportOptions } from "./curlImport";
import { processEnv, type ImportedFile, type ImportedRequest } from "./importedRequest";
import { writeMaximo } from "./maximoWriter";
import { isPostmanCollection, postmanToFile } from "./postmanImport";
import { splitShell } from "./shellWords";

export type { ImportOptions } from "./curlImport";

export interface ImportResult {
  /** The `.maximo` text. */
  text: string;
  format: "curl" | "postman";
  requests: number;
}

/** Converts curl command(s) or a Postman collection; throws a sentence for anything else. */
export function importRequests(input: string, options: ImportOptions = {}): ImportResult {
  const trimmed = input.replace(/^\uFEFF/, "").trim();
  if (trimmed.startsWith("{")) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch (error) {
      throw new Error(`The input starts like JSON but is not valid JSON (${(error as Error).message}); give a Postman collection v2.1 or a curl command.`);
    }
    if (!isPostmanCollection(parsed)) throw new Error('This JSON is not a Postman collection: it needs "info" and "item" (export it from Postman as Collection v2.1).');
    const file = postmanToFile(parsed, options);
    return { text: writeMaximo(file), format: "postman", requests: file.requests.length };
  }
  const file = curlFile(trimmed, options);
  return { text: writeMaximo(file), format: "curl", requests: file.requests.length };
}

/** True when the text is one or more curl commands (what the editor offers to convert on paste). */
export function looksLikeCurl(text: string): boolean {
  return /^\s*(?:\$\s+)?curl\s/.test(text);
}

function curlFile(text: string, options: ImportOptions): ImportedFile {
  // A leading `$ ` prompt, as copied from a guide or a terminal, is not part of the command.
  // Shell variables (`"$MAXIMO_URL/oslc/..."`, `-d "$payload"`) are the environment's: {{$processEnv NAME}}.
  const parsed = splitShell(text.replace(/^\s*\$\s+(?=curl\b)/gm, ""), { variable: processEnv });
  const notes: string[] = [];
  if (parsed.problem) throw new Error(`The curl command cannot be read: ${parsed.problem}`);
  const requests: ImportedRequest[] = [];
  for (const words of parsed.commands) {
    if (words[0] !== "curl") {
      notes.push(`Skipped a command that is not curl: ${words.slice(0, 3).join(" ")}${words.length > 3 ? " ..." : ""}`);
      continue;
    }
    const request = curlToRequest(words, options);
    request.name ??= titleOf(request);
    requests.push(request);
  }
  if (requests.length === 0) throw new Error("No curl command found: the input should start with curl, or be a Postman collection (JSON).");
  return { notes, variables: [], requests };
}

/** `GET mxapiwodetail`: the method and the last path segment, as a first name for the request. */
function titleOf(request: ImportedRequest): string {
  const path = request.url.replace(/^[a-z]+:\/\/[^/]+/i, "").replace(/\{\{[^{}]*\}\}/g, "").split(/[?#]/)[0]!.replace(/\/+$/, "");
  const last = path.split("/").filter((part) => part !== "").pop();
  return last ? `${request.method} ${last}` : request.method;
}

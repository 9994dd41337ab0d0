/** What an importer (curl, Postman) hands the writer: requests and file variables, as .maximo parts. */

export interface ImportedRequest {
  /** The `###` title. */
  name?: string;
  /** Lines written as `# ...` above the request line (notes on what was not converted, sign-in). */
  notes: string[];
  method: string;
  /** The request line's URL, query included as written (`{{variables}}` allowed). */
  url: string;
  headers: Array<[string, string]>;
  body?: { kind: "text"; text: string } | { kind: "file"; path: string };
  /** The user name a basic sign-in gave (never the password). */
  user?: string;
}

export interface ImportedFile {
  /** Lines written as `# ...` at the top. */
  notes: string[];
  /** `@name = value` lines. */
  variables: Array<[string, string]>;
  requests: ImportedRequest[];
}

/** The `{{$processEnv NAME}}` a secret is left to, so no imported file holds one. */
export function processEnv(variable: string): string {
  return `{{$processEnv ${variable}}}`;
}

/** Text for a note: `{{$processEnv NAME}}` (a shell variable the curl import mapped) read back as `$NAME`. */
export function asShell(text: string): string {
  return text.replace(/\{\{\$processEnv ([A-Za-z_][A-Za-z0-9_]*)\}\}/g, "$$$1");
}

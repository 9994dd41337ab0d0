/**
 * A request to a Maximo API URL that signs in with an API key, a password or maxauth is written
 * relative to the connection instead (`GET os/mxapiasset`): the connection (VS Code's
 * `maximo.connections`, the CLI's `--connection URL` with MAXIMO_APIKEY, ...) then signs in, and
 * the file holds neither the server nor the credential.
 */
import { asShell, type ImportedRequest } from "./importedRequest";

/**
 * `https://host/maximo/oslc/...` or `/api/...`: one context-root segment, then the API root; or a
 * shell variable the curl import mapped as the base (`$MAXIMO_URL/oslc/...`,
 * `${MAXIMO_HOST}/maximo/api/...`), which holds the server (and maybe the context root).
 */
const MAXIMO_API_URL = /^(https?:\/\/[^/?#]+\/[^/?#]+|\{\{\$processEnv [A-Za-z_][A-Za-z0-9_]*\}\}(?:\/[^/?#{}]+)?)\/(oslc|api)\/([^#]*)$/i;

/** The header names a connection's sign-in replaces, with the auth type that sends them. */
function connectionAuthOf(name: string, value: string): string | undefined {
  switch (name.toLowerCase()) {
    case "apikey":
      return "apikey";
    case "maxauth":
      return "maxauth";
    case "authorization":
      // A bearer token (a browser's OIDC session, say) is no sign-in a connection repeats: it stays a header.
      return /^\s*basic\s/i.test(value) ? "basic" : undefined;
    default:
      return undefined;
  }
}

/** Rewrites the request in place when it fits; true when it did. */
export function makeConnectionRelative(request: ImportedRequest): boolean {
  const match = MAXIMO_API_URL.exec(request.url);
  if (!match) return false;
  const [, server, root, rest] = match as unknown as [string, string, string, string];
  const auth = request.headers.map(([name, value]) => connectionAuthOf(name, value)).find((type) => type !== undefined) ?? (/[?&]apikey=/i.test(rest) ? "apikey" : undefined);
  if (!auth) return false;
  request.headers = request.headers.filter(([name, value]) => connectionAuthOf(name, value) === undefined);
  // The apikey query parameter is the connection's job too.
  request.url = rest.replace(/([?&])apikey=[^&#]*(&?)/i, (_m, sep: string, next: string) => (next ? sep : "")).replace(/\?$/, "");
  // The connection signs in: the note on MAXIMO_BASIC no longer applies.
  request.notes = request.notes.filter((note) => !note.startsWith("Signed in as"));
  const user = request.user === undefined ? "" : `, user "${request.user}"`;
  request.notes.push(`Sent through a connection to ${asShell(server)} (auth ${auth}${user}, API root ${root.toLowerCase()}), which signs in; the secret was not copied.`);
  return true;
}

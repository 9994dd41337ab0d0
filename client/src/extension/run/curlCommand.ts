/**
 * Copy as curl / fetch / Python for a connection: the request as it would go out, with the
 * connection's credential header present but its value left to an environment variable (the
 * exporters swap every credential for a placeholder), so the copied text never holds a secret.
 */
import type { ConnectionConfig } from "../../connections/types";
import { toFetch, toPython } from "../../http/codeExport";
import { toCurl } from "../../http/curl";
import type { OutgoingRequest } from "../../http/types";

/** The header each auth type sends; the value is a stand-in the exporters replace. */
const CREDENTIAL_HEADER: Record<ConnectionConfig["auth"], [string, string] | undefined> = {
  apikey: ["apikey", "-"],
  basic: ["authorization", "Basic -"],
  maxauth: ["maxauth", "-"],
  oauth: ["authorization", "Bearer -"],
  form: ["cookie", "-"],
  session: ["cookie", "-"],
  none: undefined,
};

export type ExportFormat = "curl" | "fetch" | "python";

const EXPORTERS: Record<ExportFormat, (outgoing: OutgoingRequest, options: { secrets: readonly string[] }) => string> = {
  curl: toCurl,
  fetch: toFetch,
  python: toPython,
};

export function exportFor(format: ExportFormat, outgoing: OutgoingRequest, connection: ConnectionConfig, secrets: readonly string[]): string {
  const headers = new Map(outgoing.headers);
  const credential = CREDENTIAL_HEADER[connection.auth];
  if (credential && !headers.has(credential[0])) headers.set(credential[0], credential[1]);
  return EXPORTERS[format]({ ...outgoing, headers }, { secrets });
}

export function curlFor(outgoing: OutgoingRequest, connection: ConnectionConfig, secrets: readonly string[]): string {
  return exportFor("curl", outgoing, connection, secrets);
}

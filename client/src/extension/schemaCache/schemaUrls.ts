/**
 * The metadata URLs. Both guides give them under `/oslc/` only (JSON API reference §3 "API home
 * (/oslc)": `GET /oslc/apimeta`; §10: `GET /oslc/jsonschemas/{os}?oslc.select=*` for the whole
 * structure), and the practitioner guide sends its API key as a header to `/oslc/` URLs
 * (Method 1). So they are fetched from `/oslc/` whatever the connection's apiRoot: an `api`
 * connection's key goes along as the `apikey` header, and the cache always holds the `/oslc/`
 * answers that the cache-folder format describes (the `/api/` root answers lean, with other hrefs).
 */
import type { ConnectionConfig } from "../../connections/types";

export function metadataRoot(connection: Pick<ConnectionConfig, "url">): string {
  return `${connection.url.replace(/\/+$/, "")}/oslc/`;
}

export function apimetaUrl(connection: Pick<ConnectionConfig, "url">): URL {
  return new URL("apimeta", metadataRoot(connection));
}

export function jsonSchemaUrl(connection: Pick<ConnectionConfig, "url">, name: string): URL {
  const url = new URL(`jsonschemas/${encodeURIComponent(name)}`, metadataRoot(connection));
  url.searchParams.set("oslc.select", "*");
  return url;
}

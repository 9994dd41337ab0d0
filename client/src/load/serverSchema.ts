/**
 * The structure's schema from the server itself: `GET /oslc/jsonschemas/{os}?oslc.select=*`
 * (JSON API reference §10), read by the language server's parser. The CLI loads against what
 * the server says, not a cache that may be stale.
 */
import { parseJsonSchema } from "../../../server/src/schema/jsonSchemaParser";
import type { ObjectSchema } from "../../../server/src/schema/types";
import type { Executor } from "../http/executor";
import { jsonSchemaUrl } from "../extension/schemaCache/schemaUrls";

export class SchemaUnavailable extends Error {}

export async function fetchObjectSchema(executor: Pick<Executor, "connection" | "send">, os: string, signal?: AbortSignal): Promise<ObjectSchema> {
  const url = jsonSchemaUrl(executor.connection, os.toLowerCase());
  const response = await executor.send({ method: "GET", url, headers: new Map([["accept", "application/json"]]) }, signal ? { signal } : {});
  if (response.status !== 200) {
    const error = response.maximoError;
    throw new SchemaUnavailable(`The server has no schema for ${os.toUpperCase()} (HTTP ${response.status}${error ? ` ${error.reasonCode} ${error.message}` : ""}); check the object structure's name and that it is exposed for REST.`);
  }
  const parsed = parseJsonSchema(response.text(), os, url.href);
  if (!parsed.ok) throw new SchemaUnavailable(`The schema of ${os.toUpperCase()} could not be read: ${parsed.reason}.`);
  return parsed.value;
}

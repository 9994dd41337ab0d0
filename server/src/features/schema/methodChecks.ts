/** Request-line checks that need to know the request goes to Maximo's `os/` API. */
import type { SyntaxDiagnostic } from "../../language/common";
import type { RequestNode } from "../../language/maximo/api";
import type { SchemaStore } from "../../schema";
import { didYouMean } from "./didYouMean";
import { targetsOsApi, type OsTarget } from "./requestTarget";
import { CONNECT_ADVICE, schemaDiagnostic } from "./schemaCodes";

/**
 * PATCH and PUT to Maximo's `os/` API: it takes updates as POST with `x-method-override`. Any
 * other API's PUT/PATCH is its own business (REST Client and httpyac send every method).
 */
export function checkHttpPatch(request: RequestNode): SyntaxDiagnostic[] {
  const method = request.methodName;
  if ((method !== "PATCH" && method !== "PUT") || !request.method || !targetsOsApi(request)) return [];
  return [
    schemaDiagnostic(
      "maximo.http-patch",
      request.method,
      `Maximo does not take ${method}: send POST with the header \`x-method-override: PATCH\` (add \`patchtype: MERGE\` to merge child arrays).`,
    ),
  ];
}

/**
 * An object structure no source knows. Only when the store knows object structures at all,
 * so a workspace with neither pack nor cache stays quiet. An error only when the user's server's
 * own apimeta (a cache folder) lists what it exposes; from the pack alone, a hint.
 */
export function checkObjectStructure(target: OsTarget, schemas: SchemaStore): SyntaxDiagnostic[] {
  if (schemas.objectStructure(target.name)) return [];
  const names = schemas.objectStructureNames();
  if (names.length === 0 || names.includes(target.name)) return [];
  const name = target.segment.decoded;
  const suggestion = didYouMean(target.name, names);
  if (schemas.hasServerApimeta()) {
    return [schemaDiagnostic("schema.unknown-object-structure", target.segment, `No object structure \`${name}\` in your server's apimeta or the cached schemas.${suggestion}`)];
  }
  return [
    schemaDiagnostic(
      "schema.unknown-object-structure",
      target.segment,
      `The offline schemas do not list an object structure \`${name}\`; your server may well have it.${suggestion} ${CONNECT_ADVICE}`,
      "pack",
    ),
  ];
}

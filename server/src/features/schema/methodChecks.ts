/** Request-line checks that need to know the request goes to Maximo's `os/` API. */
import type { SyntaxDiagnostic } from "../../language/common";
import type { RequestNode } from "../../language/maximo/api";
import type { SchemaStore } from "../../schema";
import { didYouMean } from "./didYouMean";
import type { OsTarget } from "./requestTarget";
import { schemaDiagnostic } from "./schemaCodes";

/** PATCH and PUT: Maximo's API takes updates as POST with `x-method-override`. */
export function checkHttpPatch(request: RequestNode): SyntaxDiagnostic[] {
  const method = request.methodName;
  if ((method !== "PATCH" && method !== "PUT") || !request.method) return [];
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
 * so a workspace with neither pack nor cache stays quiet.
 */
export function checkObjectStructure(target: OsTarget, schemas: SchemaStore): SyntaxDiagnostic[] {
  if (schemas.objectStructure(target.name)) return [];
  const names = schemas.objectStructureNames();
  if (names.length === 0 || names.includes(target.name)) return [];
  return [
    schemaDiagnostic(
      "schema.unknown-object-structure",
      target.segment,
      `No object structure \`${target.segment.decoded}\` in apimeta or the cached schemas.${didYouMean(target.name, names)}`,
    ),
  ];
}

/**
 * `action=wsmethod:...` on a record: the method runs on an existing record only with the header
 * `x-method-override: PATCH` (reference §13 Actions: "you need to set the request header
 * x-method-override as PATCH for invoking this action API, as this is operating on an existing
 * MBO"). Without any override a POST to a record's URL is no action call.
 */
import type { SyntaxDiagnostic } from "../../language/common";
import type { RequestNode } from "../../language/maximo/api";
import { headerValue, type OsTarget } from "./requestTarget";
import { schemaDiagnostic } from "./schemaCodes";

export function checkActionOverride(request: RequestNode, target: OsTarget): SyntaxDiagnostic[] {
  if (request.methodName !== "POST" || target.collection || target.belowMember || !request.method) return [];
  const action = request.url.query.find((p) => p.key.decoded.toLowerCase() === "action" && /^wsmethod:/i.test(p.value?.decoded ?? ""));
  // Any override is a choice made (PATCH, or BULK whose items carry their href): only its absence is reported.
  if (!action?.value || headerValue(request, "x-method-override") !== undefined) return [];
  return [
    schemaDiagnostic(
      "maximo.action-needs-override",
      action.value,
      `\`action=${action.value.decoded}\` runs on this record only with the header \`x-method-override: PATCH\` (reference §13): add it below the request line.`,
    ),
  ];
}

/**
 * `schema.mixed-in-list`: Maximo reads every value of an `in [...]` list the same way, so a list
 * that quotes some values and leaves others bare cannot match the attribute's type.
 */
import type { SyntaxDiagnostic } from "../../language/common";
import type { WhereInTerm } from "../../language/where/ast";
import type { AttributeInfo } from "../../schema";
import { typeLabel, valueKind } from "./attributeTypes";
import { schemaDiagnostic } from "./schemaCodes";

/** Reports a mixed list and says whether it did (the per-value type checks then stay quiet). */
export function checkMixedInList(term: WhereInTerm, attribute: AttributeInfo | undefined, report: (d: SyntaxDiagnostic) => void): boolean {
  const quoted = term.values.filter((v) => v.kind === "string");
  const bare = term.values.filter((v) => v.kind === "number" || v.kind === "boolean");
  if (quoted.length === 0 || bare.length === 0) return false;
  const span = term.listSpan ?? { start: term.values[0]!.span.start, end: term.values[term.values.length - 1]!.span.end };
  const kind = attribute ? valueKind(attribute) : "other";
  const advice =
    kind === "string"
      ? `\`${attribute!.name}\` is ${typeLabel(attribute!)}: quote every value (${bare.map((v) => `"${v.raw}"`).join(", ")}).`
      : kind === "number" || kind === "boolean"
        ? `\`${attribute!.name}\` is ${typeLabel(attribute!)}: write every value bare, without quotes.`
        : "Quote every value for a string attribute, or none for a numeric one.";
  report(schemaDiagnostic("schema.mixed-in-list", span, `This \`in\` list mixes quoted strings with bare numbers or booleans; Maximo reads all values of a list the same way. ${advice}`));
  return true;
}

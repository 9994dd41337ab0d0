/** Values of one where term against its attribute's type: `schema.value-type`, `schema.not-in-non-aln`. */
import type { SyntaxDiagnostic } from "../../language/common";
import type { WhereComparison, WhereInTerm, WhereIncompleteTerm, WhereValue } from "../../language/where/ast";
import type { AttributeInfo } from "../../schema";
import { isIsoDate, typeLabel, valueKind } from "./attributeTypes";
import { schemaDiagnostic } from "./schemaCodes";

export function checkWhereValues(term: WhereComparison | WhereInTerm | WhereIncompleteTerm, attribute: AttributeInfo, report: (d: SyntaxDiagnostic) => void): void {
  if (term.kind === "incomplete") return;
  if (term.kind === "in") {
    for (const value of term.values) checkValue(value, attribute, report);
    return;
  }
  if (term.test.kind === "notIn") {
    const kind = valueKind(attribute);
    if (kind !== "string" && term.value) {
      report(
        schemaDiagnostic(
          "schema.not-in-non-aln",
          term.value.span,
          `\`${attribute.name}\` is ${typeLabel(attribute)}: Maximo takes \`!="[A,B]"\` only on string attributes. Write one \`!=\` term per value.`,
        ),
      );
    }
    return;
  }
  // "*" tests null/not null and "%x%" a pattern: any type takes them.
  if (term.test.kind !== "compare" || !term.value) return;
  checkValue(term.value, attribute, report);
}

function checkValue(value: WhereValue, attribute: AttributeInfo, report: (d: SyntaxDiagnostic) => void): void {
  const message = mismatch(value, attribute);
  if (message) report(schemaDiagnostic("schema.value-type", value.span, message));
}

function mismatch(value: WhereValue, attribute: AttributeInfo): string | undefined {
  if (value.kind === "template" || value.kind === "invalid" || value.kind === "uri") return undefined;
  if (value.kind === "string" && (value.bind !== undefined || value.value.includes("{{") || !value.terminated)) return undefined;
  const name = `\`${attribute.name}\` (${typeLabel(attribute)})`;
  switch (valueKind(attribute)) {
    case "number":
      if (value.kind === "string") return `${name} is numeric: write the number without quotes (${value.value.trim() || "0"}).`;
      if (value.kind === "boolean") return `${name} is numeric, not a boolean.`;
      return undefined;
    case "string":
      if (value.kind === "number" || value.kind === "boolean") return `${name} is a string: quote the value ("${value.raw}").`;
      return undefined;
    case "date":
      if (value.kind !== "string") return `${name} is a date: write an ISO date in quotes ("2024-01-31T00:00:00").`;
      if (!isIsoDate(value.value)) return `"${value.value}" is not an ISO 8601 date, which ${name} needs (e.g. "2024-01-31" or "2024-01-31T08:00:00-05:00").`;
      return undefined;
    case "boolean":
      if (value.kind === "string") return `${name} is a yes/no attribute: write 1 or 0 (or true/false) without quotes.`;
      if (value.kind === "number" && value.value !== 0 && value.value !== 1) return `${name} is a yes/no attribute: only 1 and 0 (or true/false) mean something.`;
      return undefined;
    case "other":
      return undefined;
  }
}

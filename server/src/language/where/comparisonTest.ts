/**
 * What a comparison asks of the server, read the way Maximo reads it: `="*"` is "not null",
 * `!="*"` is "null", `!="[A,B]"` is "not in" and a `%` in a string makes it a LIKE.
 */
import type { ComparisonOperator, ComparisonTest, WhereValue } from "./ast";

export function comparisonTest(operator: ComparisonOperator, value: WhereValue | undefined): ComparisonTest {
  if (!value || value.kind !== "string") return { kind: "compare" };
  const text = value.value;
  if (text === "*") {
    if (operator === "=") return { kind: "notNull" };
    if (operator === "!=") return { kind: "null" };
  }
  if (operator === "!=" && text.length >= 2 && text.startsWith("[") && text.endsWith("]")) {
    const values = text
      .slice(1, -1)
      .split(",")
      .map((v) => v.trim())
      .filter((v) => v.length > 0);
    return { kind: "notIn", values };
  }
  if (operator === "=" && text.includes("%")) return { kind: "wildcard", pattern: wildcardPattern(text) };
  return { kind: "compare" };
}

function wildcardPattern(text: string): "contains" | "startsWith" | "endsWith" | "other" {
  const inner = text.slice(1, -1);
  if (text.length >= 2 && text.startsWith("%") && text.endsWith("%") && !inner.includes("%")) return "contains";
  const head = text.slice(0, -1);
  if (text.endsWith("%") && !head.includes("%")) return "startsWith";
  const tail = text.slice(1);
  if (text.startsWith("%") && !tail.includes("%")) return "endsWith";
  return "other";
}

/**
 * One XLSX cell as the text a CSV would hold, so both formats go through the same conversion:
 * - empty → ""; text → itself; rich text → its runs joined; a hyperlink → its text;
 * - a number → JavaScript's shortest round-trip form (`12`, `0.1`, `1234.5`), never a display format;
 * - a boolean → `true` / `false`;
 * - a date → ISO 8601 without an offset (`2026-02-10T08:00:00`): Excel keeps wall-clock time
 *   with no time zone, so the server's own zone applies, as for a CSV date without an offset;
 *   a time alone (Excel's day 0) → `08:30:00`;
 * - a formula → its cached result, by the same rules;
 * - an error value (`#N/A`, `#DIV/0!`) → a problem: the row is not loaded. So is a formula without
 *   a cached result: exceljs's reader drops an error a formula evaluated to (`=1/0`, a failed
 *   VLOOKUP), and a workbook saved without calculating has none either; loading it as empty
 *   would lose the value without a word.
 */
export function cellText(value: unknown): { text: string; problem?: string } {
  if (value === null || value === undefined) return { text: "" };
  if (typeof value === "string") return { text: value };
  if (typeof value === "number") return { text: Number.isFinite(value) ? String(value) : "" };
  if (typeof value === "boolean") return { text: value ? "true" : "false" };
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? { text: "", problem: "an invalid date" } : { text: isoWithoutOffset(value) };
  if (typeof value === "object") {
    const cell = value as Record<string, unknown>;
    if (Array.isArray(cell.richText)) return { text: cell.richText.map((run) => String((run as { text?: unknown }).text ?? "")).join("") };
    if ("error" in cell) return { text: "", problem: `the cell holds the error ${String(cell.error)}` };
    if ("formula" in cell || "sharedFormula" in cell) {
      if ("result" in cell && cell.result !== undefined) return cellText(cell.result);
      const formula = typeof cell.formula === "string" ? ` =${cell.formula}` : "";
      return { text: "", problem: `the formula${formula} has no saved value (it evaluates to an error such as #DIV/0! or #N/A, or the workbook was saved without calculating): fix it in Excel and save, or paste the values` };
    }
    if ("text" in cell) return cellText(cell.text); // hyperlink: { text, hyperlink }
  }
  return { text: String(value) };
}

/**
 * exceljs gives Excel's wall-clock time as that instant in UTC. A time typed alone is a time on
 * day 0 of Excel's calendar (1899-12-30): it becomes `08:30:00`, as a TIME attribute takes it.
 */
function isoWithoutOffset(date: Date): string {
  const iso = date.toISOString().replace(/(\.000)?Z$/, "");
  return iso.startsWith("1899-12-30T") ? iso.slice(11, 19) : iso;
}

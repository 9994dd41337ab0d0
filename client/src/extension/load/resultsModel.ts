/**
 * The results of a load as the panel's table (VS Code-free, tested in node): one line per data
 * row with the results CSV's columns (`row,status,<keys...>,href,reasonCode,message`), failed rows
 * first, then skipped, then loaded, each in file order. Every failed row is kept (they are what
 * the user must act on); loaded rows only up to a limit, so a 100,000-row load stays light.
 */
import type { RowResult } from "../../load/contract";
import type { LoadResultsView } from "../../../webview/load/protocol";

const order: Record<RowResult["status"], number> = { failed: 0, skipped: 1, ok: 2 };

export class ResultsCollector {
  private readonly kept: RowResult[] = [];
  private readonly counts = { ok: 0, failed: 0, skipped: 0 };
  private keyNames: string[];

  /** `keyNames`: the structure's key attributes, in the results file's order (more are added as rows name them). */
  constructor(
    keyNames: readonly string[],
    private readonly maxOkRows = 1000,
  ) {
    this.keyNames = [...keyNames];
  }

  add(result: RowResult): void {
    this.counts[result.status]++;
    for (const key of Object.keys(result.keys)) if (!this.keyNames.includes(key)) this.keyNames.push(key);
    if (result.status !== "ok" || this.counts.ok <= this.maxOkRows) this.kept.push(result);
  }

  get failed(): number {
    return this.counts.failed;
  }

  get total(): number {
    return this.counts.ok + this.counts.failed + this.counts.skipped;
  }

  /** `18 of 20 rows loaded, 2 failed.` */
  summary(): string {
    const { ok, failed, skipped } = this.counts;
    if (this.total === 0) return "No rows were sent.";
    const parts = [`${ok} of ${this.total} ${this.total === 1 ? "row" : "rows"} loaded`];
    if (failed > 0) parts.push(`${failed} failed`);
    if (skipped > 0) parts.push(`${skipped} skipped`);
    return `${parts.join(", ")}.`;
  }

  view(meta: { id: string; title: string; resultsFile?: string; notes?: string[] }): LoadResultsView {
    const rows = [...this.kept].sort((a, b) => order[a.status] - order[b.status] || a.row - b.row);
    const notes = [...(meta.notes ?? [])];
    if (this.counts.ok > this.maxOkRows) {
      notes.push(`Showing ${this.maxOkRows} of the ${this.counts.ok} loaded rows${meta.resultsFile ? "; the results file has them all" : ""}.`);
    }
    return {
      id: meta.id,
      title: meta.title,
      summary: this.summary(),
      ...(meta.resultsFile !== undefined ? { resultsFile: meta.resultsFile } : {}),
      columns: ["row", "status", ...this.keyNames, "href", "reasonCode", "message"],
      rows: rows.map((result) => ({
        status: result.status,
        cells: [String(result.row), result.status, ...this.keyNames.map((key) => result.keys[key] ?? ""), result.href ?? "", result.reasonCode ?? "", result.message ?? ""],
      })),
      notes,
    };
  }
}

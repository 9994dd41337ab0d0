/**
 * The load panel's page: the preview (columns with their attributes, types and problems; cells
 * flagged with their validation errors; Load and Cancel), the progress of a running load, then the
 * results table. File and server content is only ever set as text.
 */
import { button, clear, el } from "../ui/dom";
import type { LoadHostMessage, LoadPageMessage, LoadPreview, LoadResultsView } from "./protocol";

export class LoadPage {
  private readonly heading = el("h1", "load-title");
  private readonly summary = el("p", "load-summary");
  private readonly notes = el("ul", "load-notes");
  private readonly actions = el("div", "load-actions");
  private readonly status = el("p", "load-status");
  private readonly table = el("div", "load-table-wrap");
  private preview: LoadPreview | undefined;

  constructor(
    root: HTMLElement,
    private readonly post: (message: LoadPageMessage) => void,
  ) {
    this.status.setAttribute("role", "status");
    root.replaceChildren(this.heading, this.summary, this.notes, this.actions, this.status, this.table);
  }

  receive(message: LoadHostMessage): void {
    switch (message.type) {
      case "preview":
        this.showPreview(message.preview);
        return;
      case "progress": {
        clear(this.actions);
        const rate = message.rowsPerSecond !== undefined ? `, ${Math.round(message.rowsPerSecond)} rows/s` : "";
        this.status.textContent = `Loading: ${message.done} of ${message.total} rows sent${rate}.`;
        return;
      }
      case "results":
        this.showResults(message.results);
        return;
      case "stopped":
        this.status.textContent = message.message;
        if (this.preview) this.showButtons(this.preview);
        return;
    }
  }

  private header(title: string, summary: string, notes: string[]): void {
    this.heading.textContent = title;
    this.summary.textContent = summary;
    this.notes.replaceChildren(...notes.map((note) => el("li", undefined, note)));
    this.status.textContent = "";
  }

  private showPreview(preview: LoadPreview): void {
    this.preview = preview;
    this.header(preview.title, preview.summary, preview.notes);
    this.summary.classList.toggle("has-problems", preview.rows.some((row) => row.problems.length > 0) || preview.columns.some((c) => c.problem));
    this.showButtons(preview);

    const head = el("tr");
    head.append(el("th", "row-number", "#"));
    for (const column of preview.columns) {
      const th = el("th", column.problem ? "column column-error" : "column");
      th.append(el("div", "column-header", column.header));
      th.append(el("div", "column-path", column.path ? `→ ${column.path}` : "→ (no attribute)"));
      if (column.type) th.append(el("div", "column-type", column.type));
      if (column.title) th.title = column.title;
      if (column.problem) {
        th.append(el("div", "column-problem", column.problem));
        th.title = column.problem;
      }
      head.append(th);
    }
    head.append(el("th", "row-problems", "Problems"));
    const body = el("tbody");
    for (const row of preview.rows) {
      const tr = el("tr", row.problems.length > 0 ? "row-invalid" : "row-valid");
      tr.dataset.row = String(row.row);
      tr.append(el("td", "row-number", String(row.row)));
      for (const cell of row.cells) {
        const td = el("td", cell.problem ? "cell cell-error" : "cell", cell.text);
        if (cell.problem) td.title = cell.problem;
        else if (cell.text.length > 40) td.title = cell.text;
        tr.append(td);
      }
      tr.append(el("td", "row-problems", row.problems.join("\n")));
      body.append(tr);
    }
    this.table.replaceChildren(this.tableOf(head, body, "load-preview"));
  }

  private showButtons(preview: LoadPreview): void {
    const load = button(`Load ${preview.validRows} ${preview.validRows === 1 ? "Row" : "Rows"}`, "primary load-button", () => {
      clear(this.actions);
      this.status.textContent = "Starting the load…";
      this.post({ type: "load", previewId: preview.id });
    });
    load.disabled = preview.validRows === 0;
    const cancel = button("Cancel", "secondary cancel-button", () => this.post({ type: "cancel", previewId: preview.id }));
    this.actions.replaceChildren(load, cancel);
  }

  private showResults(results: LoadResultsView): void {
    this.header(results.title, results.summary, results.notes);
    this.summary.classList.toggle("has-problems", results.rows.some((row) => row.status === "failed"));
    clear(this.actions);
    if (results.resultsFile) {
      this.actions.append(
        button("Open Results File", "secondary open-results", () => this.post({ type: "openResultsFile", resultsId: results.id })),
        el("span", "results-file", results.resultsFile),
      );
    }
    const head = el("tr");
    for (const column of results.columns) head.append(el("th", "column", column));
    const body = el("tbody");
    for (const row of results.rows) {
      const tr = el("tr", `result-${row.status}`);
      tr.dataset.status = row.status;
      for (const cell of row.cells) tr.append(el("td", "cell", cell));
      body.append(tr);
    }
    this.table.replaceChildren(this.tableOf(head, body, "load-results"));
  }

  private tableOf(head: HTMLTableRowElement, body: HTMLTableSectionElement, className: string): HTMLTableElement {
    this.table.scrollLeft = 0;
    const table = el("table", `load-table ${className}`);
    const thead = el("thead");
    thead.append(head);
    table.append(thead, body);
    return table;
  }
}

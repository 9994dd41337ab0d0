/**
 * The Server log tab: the thread-log lines this request caused (reference §23), coloured by
 * level, SQL wrapped with its keywords highlighted, BMXAA codes with the error banner's hint, a
 * text filter, a WARN/ERROR-only switch, and Copy (the lines shown). The log is read after the
 * response, so the tab may first say it is reading, and fills when `update` brings the lines.
 */
import { filterLines, parseLogLine, problemCount, reasonCodes, sqlSegments, type LogLine } from "../model/serverLog";
import type { ResponseMeta } from "../protocol";
import { button, debounce, el } from "./dom";
import type { PageServices } from "./services";

/** Lines drawn at most; the filter narrows a longer log (copy takes every matching line). */
const MAX_DRAWN = 5_000;

export class ServerLogView {
  readonly element = el("div", "server-log-view");
  problems = 0;
  private lines: LogLine[] = [];
  /** Why there are no lines to show yet (or at all); undefined once lines are in. */
  private note: string | undefined;
  private hints: Record<string, string>;
  private readonly list = el("div", "server-log-lines");
  private readonly count = el("span", "server-log-count");
  private query = "";
  private problemsOnly = false;

  constructor(
    log: NonNullable<ResponseMeta["serverLog"]>,
    hints: Record<string, string>,
    private readonly services: PageServices,
  ) {
    this.hints = hints;
    this.take(log);
    const filter = el("input", "server-log-filter");
    filter.type = "search";
    filter.placeholder = "Filter lines";
    filter.setAttribute("aria-label", "Filter server log lines");
    filter.addEventListener("input", debounce(120, () => {
      this.query = filter.value;
      this.render();
    }));
    const problemsOnly = el("input");
    problemsOnly.type = "checkbox";
    problemsOnly.addEventListener("change", () => {
      this.problemsOnly = problemsOnly.checked;
      this.render();
    });
    const problemsLabel = el("label", "server-log-problems");
    problemsLabel.append(problemsOnly, document.createTextNode(" Warnings and errors only"));
    const copy = button("Copy", "secondary", () => this.services.copy(this.visible().map((line) => line.text).join("\n"), "server log"), "Copy the lines shown");
    const toolbar = el("div", "server-log-toolbar");
    toolbar.append(filter, problemsLabel, this.count, copy);
    this.element.append(toolbar, this.list);
    this.render();
  }

  /** The lines, once read; undefined when capture gave none (refused or failed). */
  update(log: { lines: string[]; hints: Record<string, string> } | undefined): void {
    if (log) {
      this.hints = log.hints;
      this.take(log);
    } else {
      this.take({ lines: [], hints: {} });
      this.note = "No server log for this request: capture was turned off (see the Maximo output for why).";
    }
    this.render();
  }

  private take(log: NonNullable<ResponseMeta["serverLog"]>): void {
    this.lines = log.lines.map(parseLogLine);
    this.problems = problemCount(this.lines);
    this.note = log.pending ? "Reading the server's log…" : undefined;
  }

  private visible(): LogLine[] {
    return filterLines(this.lines, this.query, this.problemsOnly);
  }

  private render(): void {
    const visible = this.visible();
    this.count.textContent = visible.length === this.lines.length ? `${this.lines.length} lines` : `${visible.length} of ${this.lines.length} lines`;
    this.element.dataset.pending = this.note === undefined ? "false" : "true";
    if (this.note !== undefined) {
      this.count.textContent = "";
      this.list.replaceChildren(el("div", "empty-note", this.note));
      return;
    }
    if (this.lines.length === 0) {
      this.list.replaceChildren(el("div", "empty-note", "The server logged nothing for this request."));
      return;
    }
    const drawn = visible.slice(0, MAX_DRAWN).map((line) => this.lineElement(line));
    if (visible.length > MAX_DRAWN) drawn.push(el("div", "empty-note", `${visible.length - MAX_DRAWN} more lines; filter to narrow them (Copy takes them all).`));
    this.list.replaceChildren(...drawn);
  }

  private lineElement(line: LogLine): HTMLElement {
    const row = el("div", `log-line level-${(line.level ?? "none").toLowerCase()}`);
    row.setAttribute("role", "listitem");
    row.dataset.level = line.level ?? "";
    if (line.logger) row.dataset.logger = line.logger;
    row.append(el("span", "log-prefix", line.prefix));
    const message = el("span", line.isSql ? "log-message sql" : "log-message");
    if (line.isSql) {
      for (const segment of sqlSegments(line.message)) message.append(segment.keyword ? el("span", "sql-keyword", segment.text) : document.createTextNode(segment.text));
    } else message.textContent = line.message;
    row.append(message);
    for (const code of reasonCodes(line.text)) {
      const hint = this.hints[code];
      if (hint) row.append(el("div", "log-hint", `${code}: ${hint}`));
    }
    return row;
  }
}

/** The Headers and Timing tabs: small, static tables built from the response's metadata. */
import { formatBytes, formatCount, formatMs, formatTime } from "../model/format";
import type { ResponseMeta } from "../protocol";
import { el } from "./dom";

function headerTable(caption: string, headers: ReadonlyArray<readonly [string, string]>): HTMLElement {
  const table = el("table", "kv-table");
  table.append(el("caption", undefined, caption));
  for (const [name, value] of headers) {
    const row = el("tr");
    row.append(el("th", undefined, name), el("td", undefined, value));
    table.append(row);
  }
  if (headers.length === 0) {
    const row = el("tr");
    row.append(el("td", "empty-note", "none"));
    table.append(row);
  }
  return table;
}

export function headersView(meta: ResponseMeta): HTMLElement {
  const view = el("div", "details-view");
  const requestLine = el("div", "request-line");
  requestLine.append(el("span", "method", meta.request.method), el("span", "url", ` ${meta.request.url}`));
  view.append(
    headerTable(`Response headers (${meta.headers.length})`, meta.headers),
    el("h3", undefined, `Request · connection ${meta.request.connection}`),
    requestLine,
    headerTable(`Request headers (${meta.request.headers.length})`, meta.request.headers),
  );
  return view;
}

export interface PageTimings {
  /** From the message's arrival to the first table rows on screen, and to the end of parsing. */
  firstRowsMs?: number;
  parsedMs?: number;
}

export class TimingView {
  readonly element = el("div", "details-view");
  private readonly page = el("table", "kv-table");

  constructor(meta: ResponseMeta) {
    const { connectMs, firstByteMs, totalMs } = meta.timings;
    const phases: Array<[string, number, number]> = [
      ["Connect", 0, connectMs],
      ["Waiting (first byte)", connectMs, firstByteMs],
      ["Download", firstByteMs, totalMs],
    ];
    const table = el("table", "kv-table timing-table");
    table.append(el("caption", undefined, "Network"));
    for (const [name, from, to] of phases) {
      const row = el("tr");
      const bar = el("div", "timing-bar");
      const scale = totalMs > 0 ? 100 / totalMs : 0;
      bar.style.marginLeft = `${Math.max(0, from) * scale}%`;
      bar.style.width = `${Math.max(0, to - from) * scale}%`;
      const barCell = el("td", "timing-bar-cell");
      barCell.append(bar);
      row.append(el("th", undefined, name), el("td", "number", formatMs(Math.max(0, to - from))), barCell);
      table.append(row);
    }
    const total = el("tr");
    total.append(el("th", undefined, "Total"), el("td", "number", formatMs(totalMs)), el("td"));
    table.append(total);
    const facts = el("table", "kv-table");
    facts.append(el("caption", undefined, "Response"));
    for (const [name, value] of [
      ["Received", formatTime(meta.receivedAt)],
      ["Size", `${formatBytes(meta.size)} (${formatCount(meta.size)} bytes)`],
      ["Content type", meta.contentType || "none"],
    ]) {
      const row = el("tr");
      row.append(el("th", undefined, name), el("td", undefined, value));
      facts.append(row);
    }
    this.page.append(el("caption", undefined, "In this panel"));
    this.element.append(table, facts, this.page);
  }

  showPage(timings: PageTimings): void {
    const rows: Array<[string, string]> = [];
    if (timings.firstRowsMs !== undefined) rows.push(["First rows shown after", formatMs(timings.firstRowsMs)]);
    if (timings.parsedMs !== undefined) rows.push(["Body parsed after", formatMs(timings.parsedMs)]);
    this.page.replaceChildren(
      el("caption", undefined, "In this panel"),
      ...rows.map(([name, value]) => {
        const row = el("tr");
        row.append(el("th", undefined, name), el("td", "number", value));
        return row;
      }),
    );
  }
}

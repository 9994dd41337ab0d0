/**
 * The page: summary line and buttons, the error banner, and the tabs. A `show` message replaces
 * everything; its body is parsed in slices (the table fills batch by batch) while the page stays
 * responsive. Figures for bench/render are left on <html> as data attributes.
 */
import { RecordScanner, windowedBodyBytes } from "../model/bodyIndex";
import { ChunkedJsonParser } from "../model/chunkedJson";
import { LazyJsonTree } from "../model/lazyJsonTree";
import { LineOffsets } from "../model/lineOffsets";
import { RangeClient } from "../model/rangeClient";
import { WindowedLines } from "../model/windowedLines";
import { WindowedTable } from "../model/windowedTable";
import { decoderFor, formatBytes, looksLikeJson, summaryParts } from "../model/format";
import type { HostMessage, PageMessage, PagingAction, PanelAction, ResponseMeta } from "../protocol";
import { errorBanner } from "./banner";
import { ContextMenu } from "./contextMenu";
import { headersView, TimingView } from "./detailsViews";
import { button, el } from "./dom";
import { JsonView } from "./jsonView";
import { RawView, segmentBytes } from "./rawView";
import type { PageServices } from "./services";
import { nextFrame, yieldToPage } from "./slicing";
import { ServerLogView } from "./serverLogView";
import { TableView } from "./tableView";

type TabId = "table" | "json" | "raw" | "headers" | "timing" | "serverLog";
type ShowMessage = Extract<HostMessage, { type: "show" }>;

const actionLabels: Record<PanelAction, string> = { nextPage: "Next page", allPages: "All pages", export: "Export" };
const tabLabels: Record<TabId, string> = { table: "Table", json: "JSON", raw: "Raw", headers: "Headers", timing: "Timing", serverLog: "Server log" };
/** Work per slice before the page gets the thread back. */
const sliceMs = 8;

/** A body still crossing from the host: its buffer fills as parts arrive. */
interface Incoming {
  id: string;
  bytes: Uint8Array;
  received: number;
  /** Wakes a parse waiting for more bytes. */
  wake: (() => void) | undefined;
  /** Called once every byte is in. */
  onComplete: () => void;
}

/** A large body streaming in, windowed: each part is indexed and dropped (the bytes stay on the host). */
interface WindowedIncoming {
  id: string;
  total: number;
  received: number;
  /** Parts that came ahead of their turn, by offset. */
  early: Map<number, Uint8Array>;
  take(part: Uint8Array): void;
}

interface Shown {
  meta: ResponseMeta;
  generation: number;
  tabs: Map<TabId, HTMLElement>;
  activate: Map<TabId, () => void>;
  actionButtons: Map<PanelAction, HTMLButtonElement>;
  serverLog?: ServerLogView;
}

export class App {
  private readonly services: PageServices;
  private generation = 0;
  private shown: Shown | undefined;
  /** The tab the user picked last; kept across responses. */
  private chosenTab: TabId | undefined;
  private activeTab: TabId = "table";
  private incoming: Incoming | undefined;
  private windowedIncoming: WindowedIncoming | undefined;
  /** Answers the byte ranges a windowed body's views ask the host for. */
  private ranges: RangeClient | undefined;

  constructor(
    private readonly root: HTMLElement,
    private readonly post: (message: PageMessage) => void,
  ) {
    this.services = { copy: (text, what) => post({ type: "copy", text, what }), menu: new ContextMenu() };
    root.replaceChildren(el("div", "empty-note", "No response yet: send a request from a .maximo file."));
  }

  receive(message: HostMessage): void {
    switch (message.type) {
      case "show":
        this.show(message);
        return;
      case "bodyChunk":
        this.receiveChunk(message.responseId, message.offset, message.chunk);
        return;
      case "actionDone":
        this.setBusy(message.action, false);
        return;
      case "serverLog":
        this.attachServerLog(message);
        return;
      case "bodyRange":
        this.ranges?.receive(message);
        return;
    }
  }

  /** The log lines of the shown response, read after it: the tab fills, and gets its badge. */
  private attachServerLog(message: Extract<HostMessage, { type: "serverLog" }>): void {
    const shown = this.shown;
    if (!shown || shown.meta.id !== message.responseId || !shown.serverLog) return;
    shown.serverLog.update(message.serverLog);
    const tab = this.root.querySelector<HTMLElement>('[data-tab="serverLog"]');
    if (tab && shown.serverLog.problems > 0) tab.append(problemBadge(shown.serverLog.problems));
  }

  private receiveChunk(responseId: string, offset: number, chunk: ArrayBuffer): void {
    const windowed = this.windowedIncoming;
    if (windowed && windowed.id === responseId) {
      // Parts are indexed in order; one arriving early waits for those before it.
      windowed.early.set(offset, new Uint8Array(chunk));
      for (let part = windowed.early.get(windowed.received); part; part = windowed.early.get(windowed.received)) {
        windowed.early.delete(windowed.received);
        windowed.received += part.length;
        windowed.take(part);
      }
      return;
    }
    const incoming = this.incoming;
    if (!incoming || incoming.id !== responseId) return;
    const part = new Uint8Array(chunk);
    incoming.bytes.set(part.subarray(0, Math.max(0, incoming.bytes.length - offset)), offset);
    incoming.received = Math.max(incoming.received, Math.min(incoming.bytes.length, offset + part.length));
    const wake = incoming.wake;
    incoming.wake = undefined;
    wake?.();
    if (incoming.received === incoming.bytes.length) {
      this.incoming = undefined;
      incoming.onComplete();
    }
  }

  /** Resolves when more of the incoming body has arrived. */
  private moreBytes(incoming: Incoming): Promise<void> {
    return new Promise((resolve) => (incoming.wake = resolve));
  }

  private show(message: ShowMessage): void {
    const arrived = performance.now();
    const meta = message.response;
    const generation = ++this.generation;
    const first = new Uint8Array(message.body);
    const total = Math.max(message.totalBytes, first.length);
    const decoder = decoderFor(meta.contentType);
    const isJson = looksLikeJson(meta.contentType, first);
    const dataset = document.documentElement.dataset;
    // A large JSON body is windowed: indexed as it streams in, its bytes left on the host. The
    // harness may lower the threshold (bench/render compares both paths on one body).
    const windowed = isJson && total > (Number(dataset.windowedThresholdBytes) || windowedBodyBytes);
    const bytes = windowed ? first : total > first.length ? new Uint8Array(total) : first;
    if (bytes !== first) bytes.set(first);
    this.ranges?.dispose();
    this.ranges = windowed ? new RangeClient(meta.id, this.post) : undefined;
    this.windowedIncoming = undefined;
    const scanner = windowed ? new RecordScanner() : undefined;
    const lines = windowed ? new LineOffsets(segmentBytes) : undefined;
    delete dataset.firstRowsMs;
    delete dataset.firstRowsSinceReceivedMs;
    delete dataset.parsedMs;
    delete dataset.receivedAllMs;
    dataset.responseId = meta.id;
    dataset.receivedAt = String(meta.receivedAt);

    const shown: Shown = { meta, generation, tabs: new Map(), activate: new Map(), actionButtons: new Map() };
    this.shown = shown;
    // The views redraw when rows and lines they asked the host for come in.
    const views: { table?: TableView; raw?: RawView } = {};
    const windowedTable = scanner ? new WindowedTable(scanner, this.ranges!.fetch, meta.selectOrder, () => views.table?.redraw(), (done, all) => views.table?.progress(done, all)) : undefined;
    const windowedLines = lines ? new WindowedLines(lines, this.ranges!.fetch, decoder, () => views.raw?.redraw()) : undefined;
    const table = new TableView(this.services, meta.selectOrder, windowedTable);
    const json = new JsonView(this.services);
    const raw = new RawView(windowedLines ?? { bytes, decoder });
    views.table = table;
    views.raw = raw;
    const timing = new TimingView(meta);
    shown.tabs.set("table", table.element);
    shown.tabs.set("json", json.element);
    shown.tabs.set("raw", raw.element);
    shown.tabs.set("headers", headersView(meta));
    shown.tabs.set("timing", timing.element);
    const serverLog = meta.serverLog ? new ServerLogView(meta.serverLog, meta.serverLog.hints, this.services) : undefined;
    if (serverLog) shown.tabs.set("serverLog", serverLog.element);
    shown.serverLog = serverLog;
    shown.activate.set("raw", () => raw.activate());

    const notices = el("div", "notices");
    if (windowed) dataset.windowed = "true";
    else delete dataset.windowed;
    if (meta.bodyTruncated) notices.append(el("div", "notice", `Only the first ${formatBytes(total)} of this response were kept in history.`));
    const banner = meta.maximoError
      ? errorBanner(meta.maximoError, meta.request.source ? () => this.post({ type: "revealRequest", responseId: meta.id }) : undefined)
      : undefined;
    const tabBar = el("div", "tab-bar");
    tabBar.setAttribute("role", "tablist");
    const panes = el("div", "panes");
    for (const [id, pane] of shown.tabs) {
      pane.classList.add("pane");
      pane.setAttribute("role", "tabpanel");
      panes.append(pane);
      const tab = button(tabLabels[id], "tab", () => {
        // A tab picked on an error is not a preference for the responses that follow.
        if (!meta.maximoError) this.chosenTab = id;
        this.selectTab(id);
      });
      tab.setAttribute("role", "tab");
      tab.dataset.tab = id;
      if (id === "serverLog" && serverLog && serverLog.problems > 0) tab.append(problemBadge(serverLog.problems));
      tabBar.append(tab);
    }
    this.root.replaceChildren(...[this.summaryBar(meta, message.actions, shown), banner, notices, tabBar, panes].filter((part): part is HTMLElement => part !== undefined));

    const complete = () => {
      dataset.receivedAllMs = (performance.now() - arrived).toFixed(1);
      raw.setComplete();
    };
    // A parse still waiting on the previous body's parts wakes up and sees it was replaced.
    this.incoming?.wake?.();
    if (windowed) {
      this.incoming = undefined;
      const defaultTab: TabId = meta.maximoError ? "raw" : "table";
      const preferred = this.chosenTab === "json" || (this.chosenTab === "table" && meta.maximoError) ? undefined : this.chosenTab;
      this.selectTab(preferred ?? defaultTab);
      json.showNote(`Listing the records of this large body (${formatBytes(total)})…`);
      this.streamWindowed({ meta, generation, arrived, total, first, scanner: scanner!, lines: lines!, windowedTable: windowedTable!, table, raw, json, timing, complete });
      return;
    }
    if (first.length < total) {
      this.incoming = { id: meta.id, bytes, received: first.length, wake: undefined, onComplete: complete };
    } else {
      this.incoming = undefined;
      complete();
    }

    const defaultTab: TabId = !isJson ? "raw" : meta.maximoError ? "json" : "table";
    // A preference for the table does not apply to an error, which has no records.
    const preferred = this.chosenTab === "table" && meta.maximoError ? undefined : this.chosenTab;
    this.selectTab(preferred ?? defaultTab);

    if (!isJson) {
      table.finish();
      json.showNote("The body is not JSON; see the Raw tab.");
      return;
    }
    void this.parse(bytes, generation, arrived, meta, { table, json, timing, defaultTab });
  }

  /**
   * A windowed body: each part, as it arrives, is scanned for its records and lines and its
   * complete records parsed (for the columns, and the first screen's rows in the cache), then
   * dropped. The page never holds the body.
   */
  private streamWindowed(load: {
    meta: ResponseMeta;
    generation: number;
    arrived: number;
    total: number;
    first: Uint8Array;
    scanner: RecordScanner;
    lines: LineOffsets;
    windowedTable: WindowedTable;
    table: TableView;
    raw: RawView;
    json: JsonView;
    timing: TimingView;
    complete: () => void;
  }): void {
    const { meta, generation, arrived, total, scanner, lines, windowedTable, table } = load;
    const dataset = document.documentElement.dataset;
    const decoder = new TextDecoder();
    let firstRowsMs: number | undefined;
    let parseError: string | undefined;
    const take = (part: Uint8Array) => {
      if (generation !== this.generation) return;
      lines.push(part);
      const slice = scanner.push(part);
      if (slice && !parseError) {
        let records: unknown[];
        try {
          records = JSON.parse(`[${decoder.decode(slice.bytes)}]`) as unknown[];
        } catch (error) {
          parseError = `The body is not valid JSON near record ${slice.first + 1}: ${error instanceof Error ? error.message : String(error)}`;
          records = [];
        }
        table.grew(slice.first === 0 ? records.slice(0, 50) : [], windowedTable.addParsed(slice.first, records));
        if (firstRowsMs === undefined && records.length > 0) {
          firstRowsMs = -1;
          // Measured in the frame that paints them.
          void nextFrame().then(() => {
            if (generation !== this.generation) return;
            firstRowsMs = performance.now() - arrived;
            dataset.firstRowsMs = firstRowsMs.toFixed(1);
            dataset.firstRowsSinceReceivedMs = String(Date.now() - meta.receivedAt);
            performance.mark("maximo:first-rows");
          });
        }
      }
      if (scanner.bytesReceived < total) return;
      this.windowedIncoming = undefined;
      scanner.finish();
      lines.finish();
      windowedTable.finish();
      table.finish();
      load.complete();
      const parsedMs = performance.now() - arrived;
      dataset.parsedMs = parsedMs.toFixed(1);
      load.timing.showPage({ firstRowsMs: firstRowsMs !== undefined && firstRowsMs >= 0 ? firstRowsMs : undefined, parsedMs });
      const error = parseError ?? scanner.error;
      if (error) load.json.showNote(error);
      else this.showLazyTree(load.json, scanner, total);
      if (error || scanner.arrayOpen < 0) {
        // Not a collection (or broken): the lines are what there is to see.
        if (!this.chosenTab || this.chosenTab === "table") this.selectTab("raw");
      }
    };
    this.windowedIncoming = { id: meta.id, total, received: 0, early: new Map(), take };
    this.receiveChunk(meta.id, 0, load.first.buffer as ArrayBuffer);
  }

  /**
   * The JSON tab of a windowed body: its top level from the frame, its records listed closed and
   * fetched by range when opened. Without a frame (not a collection, or one whose top level passes
   * `frameCapBytes`) the tab says the tree is off.
   */
  private showLazyTree(json: JsonView, scanner: RecordScanner, total: number): void {
    const frame = scanner.arrayOpen >= 0 ? scanner.frame() : undefined;
    let tree: LazyJsonTree | undefined;
    if (frame) {
      try {
        tree = new LazyJsonTree(JSON.parse(new TextDecoder().decode(frame)), scanner, this.ranges!.fetch, () => json.redraw());
      } catch {
        tree = undefined;
      }
    }
    if (tree) json.setLazy(tree);
    else json.showNote(`The JSON tree is off for a body this large (${formatBytes(total)}): the Table and Raw tabs show all of it, and Open in editor opens it whole.`);
  }

  private async parse(
    bytes: Uint8Array,
    generation: number,
    arrived: number,
    meta: ResponseMeta,
    views: { table: TableView; json: JsonView; timing: TimingView; defaultTab: TabId },
  ): Promise<void> {
    const incoming = this.incoming?.id === meta.id ? this.incoming : undefined;
    let extended = incoming ? incoming.received : bytes.length;
    const parser = new ChunkedJsonParser(bytes, extended);
    const dataset = document.documentElement.dataset;
    let shownRecords = 0;
    let firstRowsMs: number | undefined;
    for (;;) {
      const sliceStart = performance.now();
      const done = parser.step(() => performance.now() - sliceStart > sliceMs);
      const members = parser.members;
      if (members && members.length > shownRecords) {
        views.table.append(members.slice(shownRecords));
        shownRecords = members.length;
        if (firstRowsMs === undefined) {
          // Measured in the frame that paints them.
          await nextFrame();
          if (generation !== this.generation) return;
          firstRowsMs = performance.now() - arrived;
          dataset.firstRowsMs = firstRowsMs.toFixed(1);
          dataset.firstRowsSinceReceivedMs = String(Date.now() - meta.receivedAt);
          performance.mark("maximo:first-rows");
        }
      }
      if (done) break;
      if (parser.waiting && incoming) {
        // The parse caught up with the bytes received: wait for the next part.
        if (incoming.received === extended) await this.moreBytes(incoming);
        if (generation !== this.generation) return;
        extended = incoming.received;
        parser.extend(extended);
        continue;
      }
      await yieldToPage();
      if (generation !== this.generation) return;
    }
    views.table.finish();
    const parsedMs = performance.now() - arrived;
    dataset.parsedMs = parsedMs.toFixed(1);
    views.timing.showPage({ firstRowsMs, parsedMs });
    if (parser.error) {
      views.json.showNote(parser.error);
      if (!this.chosenTab) this.selectTab("raw");
      return;
    }
    views.json.setRoot(parser.root);
    // No records (a single resource, a count): the tree says more than an empty table.
    if (!parser.members && this.activeTab === "table") this.selectTab("json");
  }

  private summaryBar(meta: ResponseMeta, actions: Record<PanelAction, boolean>, shown: Shown): HTMLElement {
    const bar = el("div", "summary-bar");
    const summary = el("div", "summary");
    summary.setAttribute("aria-label", "Response summary");
    const [status, ...rest] = summaryParts(meta);
    summary.append(el("span", `status ${meta.status >= 400 || meta.status === 0 ? "status-error" : "status-ok"}`, status));
    for (const part of rest) summary.append(el("span", "summary-part", part));
    const title = el("div", "title", meta.title);
    title.title = `${meta.request.method} ${meta.request.url}`;
    const buttons = el("div", "actions");
    const paging: PagingAction[] = ["nextPage", "allPages"];
    for (const action of paging) {
      const label = actionLabels[action];
      if (!actions[action]) continue;
      const control = button(label, "primary", () => {
        this.setBusy(action, true);
        this.post({ type: action, responseId: meta.id });
      });
      control.dataset.action = action;
      shown.actionButtons.set(action, control);
      buttons.append(control);
    }
    if (actions.export) {
      const control = button("Export", "secondary", () => {
        this.setBusy("export", true);
        this.post({ type: "export", responseId: meta.id });
      }, "Export every page of this request to a CSV, XLSX or JSON file");
      control.dataset.action = "export";
      shown.actionButtons.set("export", control);
      buttons.append(control);
    }
    buttons.append(
      button("Save", "secondary", () => this.post({ type: "save", responseId: meta.id }), "Save the response body to a file"),
      button("Open in editor", "secondary", () => this.post({ type: "openInEditor", responseId: meta.id }), "Open the body in an editor tab"),
    );
    const left = el("div", "summary-left");
    left.append(summary, title);
    bar.append(left, buttons);
    return bar;
  }

  private setBusy(action: PanelAction, busy: boolean): void {
    const control = this.shown?.actionButtons.get(action);
    if (!control) return;
    for (const other of this.shown!.actionButtons.values()) other.disabled = busy;
    control.textContent = busy ? (action === "export" ? "Exporting…" : "Loading…") : actionLabels[action];
  }

  private selectTab(id: TabId): void {
    const shown = this.shown;
    if (!shown) return;
    this.activeTab = id;
    for (const [tab, pane] of shown.tabs) pane.hidden = tab !== id;
    for (const tab of this.root.querySelectorAll<HTMLElement>(".tab")) tab.setAttribute("aria-selected", String(tab.dataset.tab === id));
    shown.activate.get(id)?.();
  }
}

/** The Server log tab's count of WARN/ERROR lines. */
function problemBadge(problems: number): HTMLElement {
  const badge = el("span", "tab-badge", String(problems));
  badge.title = `${problems} warning or error line${problems === 1 ? "" : "s"}`;
  return badge;
}

/**
 * The Raw tab: the body's lines, decoded only when in view; long lines are cut into marked
 * segments. A large body (windowed) is not kept: its lines' offsets were found as it streamed in,
 * and the lines in view are fetched from the host (blank until they come).
 */
import { LineIndex } from "../model/lineIndex";
import type { WindowedLines } from "../model/windowedLines";
import { el } from "./dom";
import { VirtualList } from "./virtualList";

const rowHeight = 18;
/** Longest segment of a line (compact JSON is one line): the same for kept and windowed bodies. */
export const segmentBytes = 2000;

/** What the view draws from: LineIndex over kept bytes, or WindowedLines. */
interface LineSource {
  readonly count: number;
  readonly longest: number;
  isContinuation(index: number): boolean;
  /** The text, or undefined while it is being fetched. */
  line(index: number): string | undefined;
}

export class RawView {
  readonly element = el("div", "raw-view");
  private index: LineSource | undefined;
  private complete = false;
  private wanted = false;
  private readonly note = el("div", "empty-note", "Receiving the body…");
  private lineNumbers = new Uint32Array(0);
  private readonly list: VirtualList;
  private fetchQueued = false;

  /** `content`: the body's bytes, or the lines of a windowed body. */
  constructor(
    private readonly content: { bytes: Uint8Array; decoder: TextDecoder } | WindowedLines,
  ) {
    this.list = new VirtualList({
      rowHeight,
      className: "raw-body",
      createRow: () => {
        const row = el("div", "raw-line");
        row.append(el("span", "gutter"), el("span", "raw-text"));
        return row;
      },
      renderRow: (row, index) => this.renderRow(row, index),
    });
    this.note.hidden = true;
    this.element.append(this.note, this.list.element);
  }

  /** Every byte has arrived: lines can be indexed. */
  setComplete(): void {
    this.complete = true;
    if (this.wanted) this.activate();
  }

  /** Lines fetched for a windowed body came in. */
  redraw(): void {
    this.list.refresh();
  }

  /** Indexes the lines the first time the tab is shown. */
  activate(): void {
    this.wanted = true;
    this.note.hidden = this.complete;
    if (this.index || !this.complete) return;
    const index: LineSource = "bytes" in this.content ? new LineIndex(this.content.bytes, segmentBytes, this.content.decoder) : this.content;
    // Continuation rows share their line's number.
    const numbers = new Uint32Array(index.count);
    let n = 0;
    for (let i = 0; i < index.count; i++) {
      if (!index.isContinuation(i)) n++;
      numbers[i] = n;
    }
    this.index = index;
    this.lineNumbers = numbers;
    this.list.setContentWidth(`calc(${Math.max(index.longest, 20)}ch + 72px)`);
    this.list.setCount(index.count);
  }

  private renderRow(row: HTMLElement, index: number): void {
    if (!this.index) return;
    const [gutter, text] = Array.from(row.children) as HTMLElement[];
    gutter!.textContent = this.index.isContinuation(index) ? "↪" : String(this.lineNumbers[index] ?? index + 1);
    const line = this.index.line(index);
    text!.textContent = line ?? "";
    if (line === undefined) this.queueFetch();
  }

  private queueFetch(): void {
    if (this.fetchQueued || "bytes" in this.content) return;
    this.fetchQueued = true;
    const lines = this.content;
    queueMicrotask(() => {
      this.fetchQueued = false;
      void lines.fetchWanted();
    });
  }
}

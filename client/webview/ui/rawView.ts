/** The Raw tab: the body's lines, decoded only when in view; long lines are cut into marked segments. */
import { LineIndex } from "../model/lineIndex";
import { el } from "./dom";
import { VirtualList } from "./virtualList";

const rowHeight = 18;
const segmentBytes = 2000;

export class RawView {
  readonly element = el("div", "raw-view");
  private index: LineIndex | undefined;
  private complete = false;
  private wanted = false;
  private readonly note = el("div", "empty-note", "Receiving the body…");
  private lineNumbers = new Uint32Array(0);
  private readonly list: VirtualList;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly decoder: TextDecoder,
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

  /** Indexes the lines the first time the tab is shown. */
  activate(): void {
    this.wanted = true;
    this.note.hidden = this.complete;
    if (this.index || !this.complete) return;
    const index = new LineIndex(this.bytes, segmentBytes, this.decoder);
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
    text!.textContent = this.index.line(index);
  }
}

/**
 * The Raw tab's lines over the body bytes: where each line starts, found with the native
 * indexOf, and each line decoded only when shown. Lines longer than `maxLineBytes` (compact
 * JSON is one 50 MB line) are cut into segments at UTF-8 character boundaries. DOM-free.
 */

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

export class LineIndex {
  private starts: Uint32Array;
  /** 1 when a segment continues the previous one's line (a cut, not a line break). */
  private continued: Uint8Array;
  private length = 0;
  /** Bytes in the longest line or segment, for the view's width. */
  longest = 0;
  private readonly decoder: InstanceType<typeof TextDecoder>;

  constructor(
    private readonly bytes: Uint8Array,
    readonly maxLineBytes = 4096,
    decoder = new TextDecoder(),
  ) {
    this.decoder = decoder;
    const guess = Math.max(16, Math.ceil(bytes.length / 64));
    this.starts = new Uint32Array(guess);
    this.continued = new Uint8Array(guess);
    this.build();
  }

  /** Lines and segments to show. */
  get count(): number {
    return this.length;
  }

  /** The text of line `index` without its line break. */
  line(index: number): string {
    if (index < 0 || index >= this.length) return "";
    const start = this.starts[index]!;
    let end = index + 1 < this.length ? this.starts[index + 1]! : this.bytes.length;
    if (end > start && this.bytes[end - 1] === NEWLINE) end--;
    if (end > start && this.bytes[end - 1] === CARRIAGE_RETURN) end--;
    return this.decoder.decode(this.bytes.subarray(start, end));
  }

  /** True when line `index` is the continuation of a line cut for length. */
  isContinuation(index: number): boolean {
    return this.continued[index] === 1;
  }

  private push(start: number, continued: boolean): void {
    if (this.length === this.starts.length) {
      const starts = new Uint32Array(this.starts.length * 2);
      starts.set(this.starts);
      this.starts = starts;
      const flags = new Uint8Array(this.continued.length * 2);
      flags.set(this.continued);
      this.continued = flags;
    }
    this.starts[this.length] = start;
    this.continued[this.length] = continued ? 1 : 0;
    this.length++;
  }

  private build(): void {
    const bytes = this.bytes;
    let start = 0;
    while (start < bytes.length) {
      const newline = bytes.indexOf(NEWLINE, start);
      const end = newline < 0 ? bytes.length : newline + 1;
      this.push(start, false);
      // Cut a long line; step back over UTF-8 continuation bytes (10xxxxxx) so no character splits.
      let segment = start;
      while (end - segment > this.maxLineBytes) {
        let cut = segment + this.maxLineBytes;
        while (cut > segment + 1 && (bytes[cut]! & 0xc0) === 0x80) cut--;
        this.push(cut, true);
        this.longest = Math.max(this.longest, cut - segment);
        segment = cut;
      }
      this.longest = Math.max(this.longest, end - segment);
      start = end;
    }
    if (this.length === 0) this.push(0, false);
  }
}

/**
 * The page's side of `bodyRange`: asks the host for bytes of the shown body and resolves when
 * they come back. A page showing a large body keeps only its index and reads what it draws
 * this way. DOM-free.
 */
import type { HostMessage, PageMessage } from "../protocol";

type RangeAnswer = Extract<HostMessage, { type: "bodyRange" }>;

/** Bytes [start, end) of the body; fewer at its end. */
export type FetchRange = (start: number, end: number) => Promise<Uint8Array>;

export class RangeClient {
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (bytes: Uint8Array) => void; reject: (error: Error) => void }>();

  constructor(
    private readonly responseId: string,
    private readonly post: (message: PageMessage) => void,
  ) {}

  readonly fetch: FetchRange = (start, end) =>
    new Promise((resolve, reject) => {
      const requestId = this.nextId++;
      this.waiting.set(requestId, { resolve, reject });
      this.post({ type: "bodyRange", responseId: this.responseId, requestId, start, end });
    });

  receive(message: RangeAnswer): void {
    if (message.responseId !== this.responseId) return;
    const waiter = this.waiting.get(message.requestId);
    if (!waiter) return;
    this.waiting.delete(message.requestId);
    if (message.chunk) waiter.resolve(new Uint8Array(message.chunk));
    else waiter.reject(new Error(message.error ?? "the host sent no bytes"));
  }

  /** The response was replaced: nothing more will answer. */
  dispose(): void {
    for (const waiter of this.waiting.values()) waiter.reject(new Error("the response was replaced"));
    this.waiting.clear();
  }
}

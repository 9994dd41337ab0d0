// The few browser members the page-driving code (browser.test.ts, bench/render) uses inside
// page functions. The project compiles without lib "dom" (it would leak browser globals into the
// extension and server code), so those functions declare these instead.
import type { PageMessage } from "../../../client/webview/protocol";

export interface PageNode {
  readonly textContent: string | null;
  readonly dataset: Record<string, string | undefined>;
  readonly children: ArrayLike<PageNode>;
  readonly disabled?: boolean;
  scrollTop: number;
  readonly scrollHeight: number;
  querySelector(selector: string): PageNode | null;
  querySelectorAll(selector: string): ArrayLike<PageNode> & Iterable<PageNode>;
}

export interface PageDocument {
  readonly documentElement: PageNode;
  querySelector(selector: string): PageNode | null;
  querySelectorAll(selector: string): ArrayLike<PageNode> & Iterable<PageNode>;
}

/** The probes pageHarness.ts's shell adds to the page's window. */
export interface PageWindow {
  __posted: PageMessage[];
  __violations: string[];
  __longTasks: Array<{ start: number; duration: number }>;
  __postedAt: number;
  __pwned?: unknown;
  __show(response: unknown, payload: string, actions: unknown, firstPart: number, partSize: number, withholdRest: boolean, rangesFromServer: boolean): Promise<number>;
  __sendRest?: () => void;
  postMessage(message: unknown, targetOrigin: string): void;
}

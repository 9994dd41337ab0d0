/**
 * Runs a long computation in slices: between slices the event loop handles what arrived (a
 * newer edit, a completion request, a `$/cancelRequest`), and a cancelled token ends the run.
 */
import { setImmediate as nextTurn } from "node:timers/promises";

export interface Cancellation {
  readonly isCancellationRequested: boolean;
}

/** How long one slice may hold the server. */
export const SLICE_MS = 5;

/**
 * Drives `steps` to its result, pausing once `sliceMs` passed since the last pause (the first
 * slice counts from `startedAt`, so work done before, such as the parse, is included).
 * Undefined when `token` was cancelled.
 */
export async function runInSlices<T>(
  steps: Generator<void, T, void>,
  token: Cancellation,
  startedAt: number = performance.now(),
  sliceMs: number = SLICE_MS,
): Promise<T | undefined> {
  let sliceStart = startedAt;
  for (;;) {
    if (performance.now() - sliceStart >= sliceMs) {
      await nextTurn();
      sliceStart = performance.now();
    }
    if (token.isCancellationRequested) return undefined;
    const next = steps.next();
    if (next.done) return next.value;
  }
}

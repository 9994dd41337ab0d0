/** Giving the page back between slices of work, so input and painting go on during a long parse. */

interface Scheduler {
  yield(): Promise<void>;
}

/** Yields to the event loop: scheduler.yield() where the browser has it, else a message-channel task (no 4 ms timer clamp). */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<Scheduler> }).scheduler;
  if (typeof scheduler?.yield === "function") return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/** Resolves in the next animation frame callback, just before that frame paints. */
export function nextFrame(): Promise<number> {
  return new Promise((resolve) => requestAnimationFrame(resolve));
}

// The few host facilities the scheduler needs, looked up on globalThis so the
// runtime runs unchanged in Node, a Node worker thread, a browser Web Worker and
// a page: a macrotask to yield to, one-shot timers for real-clock runs and
// wall-time budgets, and a wall clock. Nothing here influences what a
// virtual-time run computes; it only decides when the host gets a turn.

interface HostGlobals {
  setImmediate?: (cb: () => void) => unknown;
  MessageChannel?: new () => {
    port1: { onmessage: ((ev: unknown) => void) | null; close(): void };
    port2: { postMessage(m: unknown): void; close(): void };
  };
  setTimeout: (cb: () => void, ms: number) => unknown;
  clearTimeout: (h: unknown) => void;
  performance?: { now(): number };
  process?: { nextTick?: (cb: () => void) => void };
}

const host = globalThis as unknown as HostGlobals;

/** Wall-clock milliseconds (monotonic where the host has performance.now). */
export const wallNow: () => number =
  host.performance !== undefined && typeof host.performance.now === "function" ? () => host.performance!.now() : () => Date.now();

/**
 * Posts callbacks as macrotasks: they run after the microtask queue has
 * drained, which is both how the scheduler gives the host a turn and how it
 * learns that a goroutine awaited something the runtime does not know about.
 */
export class MacrotaskQueue {
  private readonly post: (cb: () => void) => void;
  private closeFn: () => void = () => {};

  constructor(private readonly cb: () => void) {
    if (typeof host.setImmediate === "function") {
      // Node (main thread and worker threads): runs right after the current turn, no clamping.
      const si = host.setImmediate;
      this.post = () => void si(this.cb);
    } else if (typeof host.MessageChannel === "function") {
      // Browsers and Web Workers: a message is a macrotask without setTimeout's 4 ms clamp.
      const mc = new host.MessageChannel();
      mc.port1.onmessage = () => this.cb();
      this.post = () => mc.port2.postMessage(null);
      this.closeFn = () => {
        mc.port1.onmessage = null;
        mc.port1.close();
        mc.port2.close();
      };
    } else {
      this.post = () => void host.setTimeout(this.cb, 0);
    }
  }

  schedule(): void {
    this.post(this.cb);
  }

  close(): void {
    this.closeFn();
  }
}

/**
 * Calls cb as soon as the microtask queue has drained, before any macrotask
 * (a timer, an I/O callback, the pump) can run; undefined on hosts that offer
 * no such moment (browsers). In Node a nextTick queued from inside a microtask
 * runs right after the microtask queue empties (Node runs the tick queue
 * before it returns to the event loop), so the callback is queued from a
 * microtask even when this is called outside one (a tick queued from plain
 * code would run before the pending microtasks).
 */
export const afterMicrotasks: ((cb: () => void) => void) | undefined = (() => {
  const tick = host.process?.nextTick;
  if (typeof tick !== "function") return undefined;
  const nextTick = tick.bind(host.process);
  return (cb: () => void) => queueMicrotask(() => nextTick(cb));
})();

export function startTimer(cb: () => void, ms: number): unknown {
  return host.setTimeout(cb, Math.max(0, ms));
}

export function stopTimer(handle: unknown): void {
  if (handle !== undefined) host.clearTimeout(handle);
}

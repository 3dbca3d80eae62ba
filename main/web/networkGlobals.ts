// A run worker's second wall against the network (the first is the CSP it
// inherits from its frame, connect-src 'none'): the globals that reach it are
// taken out of the worker's global scope before a program loads, wherever on
// the prototype chain they live, and cannot be put back.

/** What a worker's scope offers for reaching another origin or another thread with its own scope. */
export const NETWORK_GLOBALS = [
  "fetch",
  "XMLHttpRequest",
  "WebSocket",
  "WebSocketStream",
  "WebTransport",
  "EventSource",
  "importScripts",
  "caches",
  "Worker",
  "SharedWorker",
] as const;

/** Removes NETWORK_GLOBALS from `scope` and its prototypes and pins them as undefined on `scope`. */
export function removeNetworkGlobals(scope: object): void {
  for (const name of NETWORK_GLOBALS) {
    for (let o: object | null = scope; o !== null; o = Object.getPrototypeOf(o) as object | null) {
      if (Object.hasOwn(o, name)) Reflect.deleteProperty(o, name);
    }
    Object.defineProperty(scope, name, { value: undefined, writable: false, configurable: false, enumerable: false });
  }
}

// The few host globals that every place chanscope's environment-neutral code
// runs in provides: Node, a browser page, a Web Worker, a Node worker thread.
// tsconfig.neutral.json checks runtime/, traces/, samples/, main/contract and
// main/core against ES2023 plus only these, so neither a Node-only nor a
// DOM-only API can creep in.
declare function setTimeout(handler: () => void, ms?: number): unknown;
declare function clearTimeout(id: unknown): void;
declare function queueMicrotask(callback: () => void): void;
declare const console: { log(...args: unknown[]): void; warn(...args: unknown[]): void; error(...args: unknown[]): void };
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare const performance: { now(): number };
interface ImportMeta {
  readonly url: string;
}
interface AbortSignal {
  readonly aborted: boolean;
  addEventListener(type: "abort", listener: () => void): void;
  removeEventListener(type: "abort", listener: () => void): void;
}
declare class AbortController {
  readonly signal: AbortSignal;
  abort(reason?: unknown): void;
}
/** Only named by the host contract (a dropped file); neutral code never reads one. */
interface File {
  readonly name: string;
  readonly size: number;
}

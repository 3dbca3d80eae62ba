// Test support: run workers straight from the TypeScript sources, through tsx
// (a worker thread does not inherit vitest's transform, and Node 20 does not
// apply `--import tsx` to a worker's entry, so a tiny bootstrap registers tsx
// first).
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker, type WorkerOptions } from "node:worker_threads";
import type { RunWorkerFactory } from "../core/runSupervisor";
import { nodeRunWorkers } from "../node/runner/nodeRunWorkers";

// require.resolve finds the CommonJS build of tsx's API; the bootstrap is an ES module.
const tsxApi = pathToFileURL(
  createRequire(import.meta.url)
    .resolve("tsx/esm/api")
    .replace(/\.cjs$/, ".mjs"),
).href;

/** A worker thread running the TypeScript module `entry` through tsx. */
export function typeScriptWorker(entry: URL, options: WorkerOptions = {}): Worker {
  const bootstrap = `import { register } from ${JSON.stringify(tsxApi)}; register(); await import(${JSON.stringify(entry.href)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`), options);
}

/** `heapMb`: the run's heap limit (the production default unless a test wants a small one). */
export function typeScriptRunWorkers(heapMb?: number): RunWorkerFactory {
  return nodeRunWorkers((options) => typeScriptWorker(new URL("../node/runner/nodeRunWorker.ts", import.meta.url), options), heapMb);
}

// A worker thread running a TypeScript module through tsx: how the CLI (which
// runs from the sources, bin.mjs) and the tests start run workers. A worker
// thread does not inherit the parent's loader, and Node 20 does not apply
// `--import tsx` to a worker's entry, so a tiny bootstrap registers tsx first.
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker, type WorkerOptions } from "node:worker_threads";
import { nodeRunWorkers } from "./nodeRunWorkers";
import type { RunWorkerFactory } from "../../core/runSupervisor";

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

/** Run workers from the TypeScript sources; `heapMb`: each run's heap limit (nodeRunWorkers' default unless given). */
export function typeScriptRunWorkers(heapMb?: number): RunWorkerFactory {
  return nodeRunWorkers((options) => typeScriptWorker(new URL("./nodeRunWorker.ts", import.meta.url), options), heapMb);
}

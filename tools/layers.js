// The layering allowlist of DESIGN.md §1, in one place (the Perfetto idea: import
// rules kept in one table). Each layer lists the layers of ours it may import
// and the outside modules it may use; anything not listed is forbidden.
// No layer's folder holds another's, so a file is in at most one layer and
// the order of the table does not matter (tools/layers.test.ts checks it).

/** @typedef {{ name: string, files: string, ours: string[], external: string[] }} Layer */

/** @type {Layer[]} */
export const LAYERS = [
  // main/'s folders name where their code runs.
  // Env-neutral contract between main and renderer: types and constants only.
  { name: "contract", files: "main/contract/", ours: ["contract", "traces"], external: [] },
  // Env-neutral main logic both hosts share (the program loader, the run supervisor, session logic without files).
  { name: "main-core", files: "main/core/", ours: ["main-core", "contract", "runtime", "traces", "samples"], external: ["sucrase"] },
  // Node side of main: files, session, recent files, worker threads, IPC checks, the desktop host. Plain TypeScript that vitest runs.
  { name: "main-node", files: "main/node/", ours: ["main-node", "main-core", "contract", "runtime", "traces", "samples"], external: ["node:*"] },
  // The only files that may touch Electron: a thin layer that wires the Node side's plain logic to Electron.
  { name: "electron-shell", files: "main/electron/", ours: ["electron-shell", "main-node", "main-core", "contract", "runtime", "traces", "samples"], external: ["electron", "node:*"] },
  // The browser twin of main: a Web Worker host. DOM yes, Node and Electron no.
  { name: "web-host", files: "main/web/", ours: ["web-host", "contract", "runtime", "traces", "samples", "main-core"], external: ["sucrase"] },
  // The `chanscope` command line (Node).
  { name: "cli", files: "main/cli/", ours: ["cli", "main-node", "main-core", "contract", "runtime", "traces", "samples"], external: ["node:*", "tsx/esm/api"] },
  { name: "renderer", files: "renderer/", ours: ["renderer", "traces", "contract"], external: ["react", "react-dom", "react/*", "react-dom/*", "d3", "d3-*", "immer"] },
  { name: "samples", files: "samples/", ours: ["samples", "runtime", "traces"], external: [] },
  { name: "runtime", files: "runtime/", ours: ["runtime", "traces"], external: [] },
  { name: "traces", files: "traces/", ours: ["traces"], external: [] },
];

/** Outside modules every test file may use on top of its layer's. */
export const TEST_EXTERNAL = ["vitest", "node:*"];

/** The package's own name: programs import the runtime by it. */
export const PACKAGE_ALIASES = { chanscope: "runtime/index.ts" };

// The layering allowlist of DESIGN.md §1, in one place (the Perfetto idea: import
// rules kept in one table). Each layer lists the layers of ours it may import
// and the outside modules it may use; anything not listed is forbidden.
// No layer's folder holds another's, so a file is in at most one layer and
// the order of the table does not matter (the lint rule refuses a table where
// one does, and tools/layers.test.ts checks it).
//
// The testing layer: a folder `testing/` directly under a layer's folder is
// that layer's test kit (trace builders, generators, fixtures, test workers).
// Product code may not import any kit. Test files, other kits, e2e/, bench/
// and tools/ may: a test file or a kit may import the kits of the layers it
// may import (its own included), and a kit may import what its layer may.

/**
 * @typedef {object} Layer
 * @property {string} name
 * @property {string} files The folder that holds the layer's files.
 * @property {string[]} ours The layers of ours it may import.
 * @property {string[]} external The outside modules it may use (`x/*`: any module under x).
 * @property {string} [kit] Its test kit's folder, when not `<files>testing/`.
 */

/** @type {Layer[]} */
export const LAYERS = [
  // main/'s folders name where their code runs.
  // Env-neutral contract between main and renderer: types and constants only.
  { name: "contract", files: "main/contract/", ours: ["contract", "traces"], external: [] },
  // Env-neutral main logic both hosts share (the program loader, the run supervisor, session logic without files).
  // go-compiler and go-lib: a .go program is compiled and run on the same path (the host hands over the compiler).
  {
    name: "main-core",
    files: "main/core/",
    ours: ["main-core", "contract", "runtime", "traces", "samples", "go-compiler", "go-lib"],
    external: ["sucrase"],
  },
  // Node side of main: files, session, recent files, worker threads, IPC checks, the desktop host. Plain TypeScript that vitest runs.
  // main's test kit (main/testing/) serves all of main; it runs in Node.
  {
    name: "main-node",
    files: "main/node/",
    kit: "main/testing/",
    // go-compiler: the run workers' Go compiler, its parser's wasm read from node_modules (main/node/runner/nodeGoCompiler).
    ours: ["main-node", "main-core", "contract", "runtime", "traces", "samples", "go-compiler"],
    // typescript: the type check of a program before it runs (main/node/check).
    external: ["node:*", "typescript"],
  },
  // The only files that may touch Electron: a thin layer that wires the Node side's plain logic to Electron.
  {
    name: "electron-shell",
    files: "main/electron/",
    ours: ["electron-shell", "main-node", "main-core", "contract", "runtime", "traces", "samples"],
    external: ["electron", "node:*"],
  },
  // The browser twin of main: a Web Worker host. DOM yes, Node and Electron no.
  {
    name: "web-host",
    files: "main/web/",
    // go-compiler: the run worker compiles Go programs; the page ships the parser's two wasm files as asset URLs.
    ours: ["web-host", "contract", "runtime", "traces", "samples", "main-core", "go-compiler"],
    external: ["sucrase", "web-tree-sitter/tree-sitter.wasm?url", "tree-sitter-go/tree-sitter-go.wasm?url"],
  },
  // The `chanscope` command line (Node).
  {
    name: "cli",
    files: "main/cli/",
    // go-lib: how a Go program ends, in Go's words (gofront/lib/goEnding).
    ours: ["cli", "main-node", "main-core", "contract", "runtime", "traces", "samples", "go-lib"],
    external: ["node:*", "tsx/esm/api"],
  },
  {
    name: "renderer",
    files: "renderer/",
    ours: ["renderer", "traces", "contract"],
    external: ["react", "react-dom", "react/*", "react-dom/*", "d3", "d3-*", "immer"],
  },
  { name: "go-compiler", files: "gofront/compiler/", ours: ["go-compiler"], external: ["web-tree-sitter"] },
  { name: "go-lib", files: "gofront/lib/", ours: ["go-lib", "runtime", "traces"], external: [] },
  { name: "samples", files: "samples/", ours: ["samples", "runtime", "traces"], external: [] },
  { name: "runtime", files: "runtime/", ours: ["runtime", "traces"], external: [] },
  { name: "traces", files: "traces/", ours: ["traces"], external: [] },
  // The Go front end's differential corpus: Go programs, what real Go made of them, and the Node script that asks Go.
  // go-lib, runtime and traces: the differential test runs each program on the runtime and reads its ending from the trace.
  { name: "go-corpus", files: "gofront/corpus/", ours: ["go-corpus", "go-compiler", "go-lib", "runtime", "traces"], external: ["node:*"] },
];

/**
 * A layer's test kit folder.
 * @param {Layer} layer
 * @returns {string}
 */
export function kitFolder(layer) {
  return layer.kit ?? `${layer.files}testing/`;
}

/** Outside modules every test file may use on top of its layer's. */
export const TEST_EXTERNAL = ["vitest", "node:*"];

/** The package's own name: programs import the runtime by it. */
export const PACKAGE_ALIASES = { chanscope: "runtime/index.ts" };

// The Go compiler in Node (the CLI's and the desktop's run workers): the
// parser's two wasm files are read from the installed packages, found the way
// Node finds a module (so from the sources, from electron-vite's bundle in
// out/main and from a packaged app's node_modules alike), and the compiler
// is made once per process or worker thread.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { GoCompiler } from "../../../gofront/compiler/compile";
import type { GoCompilerProvider } from "../../core/runProgram";

// Not named `require`: the electron-vite bundle declares its own at the top level.
const packages = createRequire(import.meta.url);

/** The paths of web-tree-sitter's runtime and tree-sitter-go's grammar. */
export function goParserWasmPaths(): { readonly runtime: string; readonly grammar: string } {
  return {
    runtime: packages.resolve("web-tree-sitter/tree-sitter.wasm"),
    grammar: packages.resolve("tree-sitter-go/tree-sitter-go.wasm"),
  };
}

let compiler: Promise<GoCompiler> | undefined;

/** The process's Go compiler, made on first use. The runtime's bytes are handed over: a bundle may not sit beside its wasm. */
export const nodeGoCompiler: GoCompilerProvider = () => {
  compiler ??= (async () => {
    const paths = goParserWasmPaths();
    // Loaded on first use: a worker running TypeScript never evaluates the compiler.
    const { createGoCompiler } = await import("../../../gofront/compiler/compile");
    return createGoCompiler({ runtime: new Uint8Array(readFileSync(paths.runtime)), grammar: new Uint8Array(readFileSync(paths.grammar)) });
  })();
  return compiler;
};

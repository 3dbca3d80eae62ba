// Go source → gofront's syntax tree, with tree-sitter-go (README: why). The
// parser is WebAssembly: each host hands over the two wasm files' bytes (the
// CLI reads them from node_modules, a browser fetches their bundled URLs), so
// this module stays the same everywhere.

import { Language, Parser } from "web-tree-sitter";
import { toAst, type ReadOptions, type ReadResult } from "./toAst";

export interface ParserWasm {
  /** web-tree-sitter's runtime, tree-sitter.wasm; by default web-tree-sitter finds it beside itself (Node). */
  readonly runtime?: Uint8Array;
  /** tree-sitter-go's grammar, tree-sitter-go.wasm: its bytes, or its path (Node) or URL (a browser). */
  readonly grammar: Uint8Array | string;
}

export interface GoParser {
  /** Reads one file: its syntax tree, or its syntax errors and refused constructs. */
  read(source: string, file: string, options?: ReadOptions): ReadResult;
}

let runtimeReady: Promise<void> | undefined;

export async function loadGoParser(wasm: ParserWasm): Promise<GoParser> {
  // The runtime is one per realm; a second init would load it again.
  runtimeReady ??= wasm.runtime === undefined ? Parser.init() : Parser.init({ wasmBinary: wasm.runtime });
  await runtimeReady;
  const language = await Language.load(wasm.grammar);
  const parser = new Parser();
  parser.setLanguage(language);
  return {
    read(source, file, options) {
      const tree = parser.parse(source);
      if (tree === null) throw new Error(`tree-sitter gave no tree for ${file}`);
      try {
        return toAst(tree.rootNode, source, file, options);
      } finally {
        tree.delete();
      }
    },
  };
}

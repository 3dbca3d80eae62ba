// The Go parser in Node, for gofront's tests: the wasm files read from node_modules.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { loadGoParser, type GoParser } from "../syntax/parser";

const require = createRequire(import.meta.url);

export function parserWasmFromNodeModules(): { runtime: Uint8Array; grammar: Uint8Array } {
  return {
    runtime: readFileSync(require.resolve("web-tree-sitter/tree-sitter.wasm")),
    grammar: readFileSync(join(dirname(require.resolve("tree-sitter-go/package.json")), "tree-sitter-go.wasm")),
  };
}

let parser: Promise<GoParser> | undefined;

export function nodeGoParser(): Promise<GoParser> {
  parser ??= loadGoParser(parserWasmFromNodeModules());
  return parser;
}

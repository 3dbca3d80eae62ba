// The Go parser in Node, for gofront's tests. web-tree-sitter finds its own
// wasm beside itself and reads the grammar's from a path, so this kit needs no
// node: module (a kit may use only what its layer may).
import { loadGoParser, type GoParser } from "../syntax/parser";

/** tree-sitter-go.wasm in the checkout's node_modules. */
export const GRAMMAR_PATH = decodeURIComponent(
  new URL("../../../node_modules/tree-sitter-go/tree-sitter-go.wasm", import.meta.url).pathname,
);

let parser: Promise<GoParser> | undefined;

export function nodeGoParser(): Promise<GoParser> {
  parser ??= loadGoParser({ grammar: GRAMMAR_PATH });
  return parser;
}

// The Go parser's two WebAssembly files (web-tree-sitter's runtime and
// tree-sitter-go's grammar), which the bundler ships as assets of the app's
// own origin. The page fetches them, once, under its own policy (connect-src
// 'self'), and hands the bytes to a run worker that runs a Go program: the run
// frame's policy forbids every connection, and keeps doing so.
import runtimeUrl from "web-tree-sitter/tree-sitter.wasm?url";
import grammarUrl from "tree-sitter-go/tree-sitter-go.wasm?url";
import type { GoParserBytes } from "./runFrameProtocol";

/** What fetches a URL's bytes (the page's fetch; tests give their own). */
export type FetchBytes = (url: string) => Promise<Uint8Array>;

const fetchBytes: FetchBytes = async (url) => {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status} ${response.statusText}`);
  return new Uint8Array(await response.arrayBuffer());
};

/**
 * The parser's bytes, fetched the first time a Go program runs and kept for
 * the page's lifetime; a failed fetch is forgotten, so the next run tries again.
 */
export function goParserLoader(fetch: FetchBytes = fetchBytes): () => Promise<GoParserBytes> {
  let bytes: Promise<GoParserBytes> | undefined;
  return () => {
    bytes ??= Promise.all([fetch(runtimeUrl), fetch(grammarUrl)]).then(
      ([runtime, grammar]) => ({ runtime, grammar }),
      (err: unknown) => {
        bytes = undefined;
        throw new Error(`the Go compiler could not be loaded: ${err instanceof Error ? err.message : String(err)}`);
      },
    );
    return bytes;
  };
}

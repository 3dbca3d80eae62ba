// What a host needs to know of Go programs before it loads any of gofront:
// which files are Go, and how it hands over its compiler. The compiler and
// gofront's run-time library load only when a .go program runs
// (goProgramLoader.ts), so a worker that runs TypeScript starts as fast as before.
import type { GoCompiler } from "../../gofront/compiler/compile";

/** How a host hands over its Go compiler: loaded on first use (the parser is WebAssembly), once. */
export type GoCompilerProvider = () => Promise<GoCompiler>;

/** One test for "is this Go" across the product (fileNames.ts, which the page also uses). */
export { isGoFile } from "./fileNames";

export const NO_GO_COMPILER = "Go programs need the Go compiler, which this host did not load";

export interface GoLoadOptions {
  /** Where the program's stdout goes, byte for byte (a byte string); the console then records lines without printing them. */
  readonly stdout?: (bytes: string) => void;
  /** Its stderr (Go's print and println), likewise; used only with `stdout`. */
  readonly stderr?: (bytes: string) => void;
}

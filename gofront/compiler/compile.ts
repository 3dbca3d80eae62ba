// Go source → the JavaScript a run evaluates: read, check, emit. One entry
// for every host (CLI, desktop worker, browser worker); each host loads the
// parser's wasm its own way and hands it to createGoCompiler.

import { emitProgram } from "./emit/emitProgram";
import { loadStdlib } from "./stdlib/stdlib";
import { GoCompileError, MAX_DIAGNOSTICS } from "./syntax/diagnostics";
import { loadGoParser, type GoParser, type ParserWasm } from "./syntax/parser";
import { checkFile, type PackageTable } from "./types/checker";

/** A compiled program: the body of a JS function of ($rt, $lib, $std, $host) that returns main (gofront/lib/program.ts runs it). */
export interface GoProgramCode {
  readonly file: string;
  readonly code: string;
}

export interface GoCompiler {
  /** Compiles one file; a program that does not compile throws GoCompileError with Go's messages. */
  compile(source: string, file: string): GoProgramCode;
}

/** A compiler over a loaded parser: the standard declarations are read once. */
export function goCompiler(parser: GoParser): GoCompiler {
  let packages: PackageTable | undefined;
  return {
    compile(source, file) {
      packages ??= loadStdlib(parser);
      const read = parser.read(source, file);
      if (!read.ok) throw new GoCompileError(read.diagnostics.slice(0, MAX_DIAGNOSTICS));
      const checked = checkFile(read.file, packages);
      if (checked.diagnostics.length > 0) throw new GoCompileError(checked.diagnostics.slice(0, MAX_DIAGNOSTICS));
      try {
        return { file, code: emitProgram(read.file, checked.info, file) };
      } catch (e) {
        if (e instanceof GoCompileError) throw e;
        // The emitter met something it has no rule for: said as a compile error, never a crash.
        const message = `gofront cannot compile this program (a gofront bug): ${e instanceof Error ? e.message : String(e)}`;
        throw new GoCompileError([{ file, pos: { line: 1, col: 1 }, message }]);
      }
    },
  };
}

export async function createGoCompiler(wasm: ParserWasm): Promise<GoCompiler> {
  return goCompiler(await loadGoParser(wasm));
}

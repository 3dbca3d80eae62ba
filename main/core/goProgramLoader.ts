// Go source → a program the runtime runs: compiled by gofront, evaluated by
// gofront/lib/program. A program Go would not compile is a ProgramLoadError
// at its first diagnostic, every diagnostic in Go's FILE:LINE:COL: form in the
// message, so each host shows what `go build` shows.
import * as runtime from "../../runtime/index";
import { GoCompileError, diagnosticText } from "../../gofront/compiler/syntax/diagnostics";
import { goProgram, type GoProgram } from "../../gofront/lib/program";
import { NO_GO_COMPILER, type GoCompilerProvider, type GoLoadOptions } from "./goFiles";
import { ProgramLoadError } from "./programLoader";

export interface LoadedGoProgram {
  readonly program: GoProgram;
  readonly globals: runtime.RunGlobals;
}

/** The first diagnostic's place; the message holds them all, one Go line each. */
export function goCompileLoadError(err: GoCompileError, file: string): ProgramLoadError {
  const [first, ...rest] = err.diagnostics;
  if (first === undefined) return new ProgramLoadError(file, undefined, undefined, "the program does not compile");
  const detail = [first.message, ...rest.map(diagnosticText)].join("\n");
  return new ProgramLoadError(first.file, first.pos.line, first.pos.col, detail);
}

const why = (err: unknown, file: string): string =>
  (err instanceof Error ? err.message : String(err)).replace(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: `), "");

export async function loadGoProgram(
  source: string,
  file: string,
  goCompiler: GoCompilerProvider | undefined,
  options: GoLoadOptions = {},
): Promise<LoadedGoProgram> {
  if (goCompiler === undefined) throw new ProgramLoadError(file, undefined, undefined, NO_GO_COMPILER);
  const compiler = await goCompiler();
  let code: string;
  try {
    code = compiler.compile(source, file).code;
  } catch (err) {
    if (err instanceof GoCompileError) throw goCompileLoadError(err, file);
    throw new ProgramLoadError(file, undefined, undefined, `cannot compile: ${why(err, file)}`);
  }
  const globals = runtime.programGlobals({ echo: options.stdout === undefined });
  try {
    return { program: goProgram(code, file, globals, options.stdout === undefined ? {} : options), globals };
  } catch (err) {
    throw new ProgramLoadError(file, undefined, undefined, `cannot load the compiled program: ${why(err, file)}`);
  }
}

// Type-checks a program against the runtime's types before it runs, as Go's
// compiler would refuse a send on a receive-only channel: with TypeScript's
// compiler, on the program alone (its text, as the run will load it) plus the
// runtime's sources for the "chanscope" module. Only the program's own
// diagnostics are reported. The standard library and the runtime's files are
// parsed once per process and kept, so a second check in the same process
// (the desktop's worker pool, a test) skips most of the cost.

import { existsSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import type { ProgramProblem } from "../../contract/hostApi";

/**
 * Where the runtime's sources are: next to this file in the source tree
 * (main/node/check/), or two levels above the bundled main (out/main/).
 */
const RUNTIME_CANDIDATES = ["../../../runtime/index.ts", "../../runtime/index.ts"];

export function runtimeIndexPath(): string | undefined {
  for (const rel of RUNTIME_CANDIDATES) {
    const path = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(path) && existsSync(path.replace(/index\.ts$/, "channel.ts"))) return path;
  }
  return undefined;
}

const OPTIONS: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  // What a program's realm has: the language, plus the console, timers and fetch both hosts give it.
  lib: ["lib.es2023.d.ts", "lib.dom.d.ts"],
  types: [],
  isolatedModules: true,
};

/** Files other than the program, parsed once: the lib files and the runtime's sources (re-read when they change). */
const parsed = new Map<string, { readonly mtimeMs: number; readonly file: ts.SourceFile }>();

function cachedSourceFile(host: ts.CompilerHost, fileName: string, version: ts.ScriptTarget): ts.SourceFile | undefined {
  const mtimeMs = statSync(fileName, { throwIfNoEntry: false })?.mtimeMs ?? -1;
  const hit = parsed.get(fileName);
  if (hit !== undefined && hit.mtimeMs === mtimeMs) return hit.file;
  const file = host.getSourceFile(fileName, version);
  if (file !== undefined) parsed.set(fileName, { mtimeMs, file });
  return file;
}

/**
 * The type errors of a program, as `file` names it, with 1-based lines and
 * columns; empty when it checks. A program must also export its main goroutine
 * (as a default export or `main`). `runtimeIndex` is the runtime's index.ts.
 */
export function typeCheckProgram(file: string, source: string, runtimeIndex: string): readonly ProgramProblem[] {
  // The program is checked under a name of its own: its text is what the run loads, not what is on disk.
  const name = `/chanscope-program/${file.replace(/^.*[\\/]/, "").replace(/\.(mts|ts)$/, "")}.ts`;
  const options: ts.CompilerOptions = { ...OPTIONS, paths: { chanscope: [runtimeIndex] } };
  const base = ts.createCompilerHost(options);
  const host: ts.CompilerHost = {
    ...base,
    fileExists: (f) => f === name || base.fileExists(f),
    readFile: (f) => (f === name ? source : base.readFile(f)),
    getSourceFile: (f, version) =>
      f === name ? ts.createSourceFile(f, source, version, true) : cachedSourceFile(base, f, ts.ScriptTarget.ES2022),
  };
  const program = ts.createProgram([name], options, host);
  const sf = program.getSourceFile(name);
  if (sf === undefined) return [{ file, message: "the type checker could not read the program" }];
  // A syntax error says so; the semantic errors after one would only echo it.
  const syntax = program.getSyntacticDiagnostics(sf);
  if (syntax.length > 0) return syntax.map((d) => problemOf(file, d, "syntax error: "));
  const problems = program.getSemanticDiagnostics(sf).map((d) => problemOf(file, d, ""));
  if (problems.length > 0) return problems;
  const exports = program.getTypeChecker().getSymbolAtLocation(sf);
  const names =
    exports === undefined
      ? []
      : program
          .getTypeChecker()
          .getExportsOfModule(exports)
          .map((s) => s.name);
  if (!names.includes("default") && !names.includes("main")) {
    return [
      { file, line: 1, column: 1, message: "a program must export its main goroutine: `export default async function main() { … }`" },
    ];
  }
  return [];
}

function problemOf(file: string, d: ts.Diagnostic, prefix: string): ProgramProblem {
  const message = prefix + ts.flattenDiagnosticMessageText(d.messageText, " ");
  if (d.file === undefined || d.start === undefined) return { file, message };
  const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
  return { file, line: line + 1, column: character + 1, message };
}

/**
 * The check as a host runs it on a program about to run; undefined when the
 * runtime's sources are not beside the app (a build that ships without them
 * runs programs unchecked, as with --no-check).
 */
export function programTypeCheck():
  ((program: { readonly file: string; readonly source: string }) => readonly ProgramProblem[]) | undefined {
  const runtimeIndex = runtimeIndexPath();
  if (runtimeIndex === undefined) return undefined;
  return (program) => typeCheckProgram(program.file, program.source, runtimeIndex);
}

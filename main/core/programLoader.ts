// Turns a program's TypeScript source text into its main function. The samples
// and a user's own file take this one path, in the CLI, the desktop worker and
// the browser worker alike. sucrase keeps every line where it was, and the
// wrapper below adds none, so line numbers in captured stacks are the lines the
// user reads (no source maps needed).
import { transform } from "sucrase";

/** The program's entry: the function that runs as the main goroutine. */
export type ProgramMain = () => unknown;

export class ProgramLoadError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly column: number | undefined,
    readonly detail: string,
  ) {
    super(`${file}${line !== undefined ? `:${line}${column !== undefined ? `:${column}` : ""}` : ""}: ${detail}`);
    this.name = "ProgramLoadError";
  }
}

export interface LoadedProgram {
  readonly main: ProgramMain;
  /** Everything the module exported (metadata, helpers), for callers that want more than main. */
  readonly exports: Readonly<Record<string, unknown>>;
}

/**
 * Modules a program may import, by specifier. Programs import the runtime by
 * the package's name ("chanscope"); nothing else is reachable, so a program
 * behaves the same in every host.
 */
export type ProgramModules = Readonly<Record<string, unknown>>;

function transpileProgram(source: string, file: string): string {
  try {
    return transform(source, { transforms: ["typescript", "imports"], filePath: file, production: true }).code;
  } catch (err) {
    const loc = (err as { loc?: { line?: number; column?: number } }).loc;
    const message = err instanceof Error ? err.message.replace(/\s*\(\d+:\d+\)$/, "") : String(err);
    // sucrase counts columns from 0; editors count from 1.
    throw new ProgramLoadError(file, loc?.line, loc?.column !== undefined ? loc.column + 1 : undefined, `syntax error: ${message}`);
  }
}

/** The first stack frame inside `file`, as line and column. */
export function locationIn(stack: string | undefined, file: string): { line: number; column: number } | undefined {
  if (!stack) return undefined;
  for (const frame of stack.split("\n")) {
    const at = frame.lastIndexOf(file + ":");
    if (at < 0) continue;
    const m = /^:(\d+):(\d+)/.exec(frame.slice(at + file.length));
    if (m) return { line: Number(m[1]), column: Number(m[2]) };
  }
  return undefined;
}

/**
 * Names the program's module scope binds in place of the realm's globals (its
 * own Math and Date, say), so a program sees them and nothing else does.
 */
export type ProgramScope = Readonly<Record<string, unknown>>;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * A name imported from a module that does not export it, found in the
 * transpiled code (sucrase keeps lines, and reads an import `{ x } from "m"`
 * as `_m.x`): said at load time, with its line, rather than as
 * "(0, _chanscope.X) is not a constructor" when the code gets there.
 */
function checkImportedNames(code: string, source: string, file: string, modules: ProgramModules): void {
  for (const [specifier, value] of Object.entries(modules)) {
    if (!IDENTIFIER.test(specifier) || value === null || typeof value !== "object") continue;
    const uses = new RegExp(`\\b_${specifier}\\d*\\.([A-Za-z_$][\\w$]*)`, "g");
    for (const m of code.matchAll(uses)) {
      const name = m[1]!;
      if (name in value) continue;
      const line = code.slice(0, m.index).split("\n").length;
      // The use's column, in the line as the user wrote it.
      const at = new RegExp(`\\b${name.replace(/\$/g, "\\$")}\\b`).exec(source.split("\n")[line - 1] ?? "");
      throw new ProgramLoadError(file, line, at === null ? undefined : at.index + 1, `'${specifier}' has no export named '${name}'`);
    }
  }
}

export function loadProgram(source: string, file: string, modules: ProgramModules, scope: ProgramScope = {}): LoadedProgram {
  const code = transpileProgram(source, file);
  checkImportedNames(code, source, file, modules);
  const names = Object.keys(scope);
  const bad = names.find((n) => !IDENTIFIER.test(n) || n === "require" || n === "module" || n === "exports");
  if (bad !== undefined) throw new Error(`loadProgram: '${bad}' cannot be bound in a program's scope`);
  const require = (specifier: string): unknown => {
    if (Object.hasOwn(modules, specifier)) return modules[specifier];
    const known = Object.keys(modules)
      .map((m) => `'${m}'`)
      .join(", ");
    // The import's line: the program's frame calling this require (sucrase keeps lines).
    const at = locationIn(new Error().stack, file);
    const why = specifier.startsWith(".")
      ? `a program is one file and may import only ${known} (put its helpers in the same file)`
      : `a program may import only ${known}`;
    throw new ProgramLoadError(file, at?.line, undefined, `cannot import '${specifier}': ${why}`);
  };
  const module: { exports: Record<string, unknown> } = { exports: {} };
  // Indirect eval runs in the global scope (no access to this module's bindings);
  // the wrapper sits on the code's first line so line numbers are unchanged.
  // The bound names are parameters of an outer function and the code is the
  // body of an inner one, so a program may still declare its own `const Date`.
  const params = ["require", "module", "exports", ...names].join(", ");
  const wrapped = `(function (${params}) { return function () {${code}\n}; })\n//# sourceURL=${file}`;
  let factory: (r: typeof require, m: typeof module, e: Record<string, unknown>, ...bound: unknown[]) => () => void;
  try {
    factory = (0, eval)(wrapped) as typeof factory;
  } catch (err) {
    throw new ProgramLoadError(file, undefined, undefined, `cannot compile: ${err instanceof Error ? err.message : String(err)}`);
  }
  try {
    factory(require, module, module.exports, ...names.map((n) => scope[n]))();
  } catch (err) {
    if (err instanceof ProgramLoadError) throw err;
    const where = locationIn(err instanceof Error ? err.stack : undefined, file);
    const message = err instanceof Error ? `${err.name}: ${err.message}` : `threw ${String(err)}`;
    throw new ProgramLoadError(file, where?.line, where?.column, `failed while loading: ${message}`);
  }
  const exported = module.exports;
  const main = exported["default"] ?? exported["main"];
  if (typeof main !== "function") {
    throw new ProgramLoadError(
      file,
      undefined,
      undefined,
      "a program must export its main goroutine: `export default async function main() { … }`",
    );
  }
  return { main: main as ProgramMain, exports: exported };
}

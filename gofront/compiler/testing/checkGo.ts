// Parses and checks a Go program in Node for gofront's tests, against a small
// table of standard packages declared here (the real stdlib declarations come
// with the emitter).
import { checkFile, type CheckResult, type PackageTable } from "../types/checker";
import { Scope } from "../types/scope";
import { BASIC, EMPTY_INTERFACE, ERROR, signature, type Type } from "../types/types";
import { diagnosticText } from "../syntax/diagnostics";
import { nodeGoParser } from "./nodeParser";

const anySlice: Type = { kind: "slice", elem: EMPTY_INTERFACE };

function fmtPackage(): Scope {
  const s = new Scope(undefined, "package");
  const printer = (name: string, results: readonly Type[], first?: Type): void => {
    const params =
      first === undefined
        ? [{ name: "a", type: anySlice }]
        : [
            { name: "format", type: first },
            { name: "a", type: anySlice },
          ];
    s.declare({
      kind: "func",
      name,
      pos: undefined,
      type: signature(
        params,
        results.map((type) => ({ name: "", type })),
        true,
      ),
      pkg: "fmt",
    });
  };
  printer("Println", [BASIC.int, ERROR]);
  printer("Print", [BASIC.int, ERROR]);
  printer("Printf", [BASIC.int, ERROR], BASIC.string);
  printer("Sprintf", [BASIC.string], BASIC.string);
  printer("Sprint", [BASIC.string]);
  printer("Errorf", [ERROR], BASIC.string);
  return s;
}

function osPackage(): Scope {
  const s = new Scope(undefined, "package");
  s.declare({ kind: "func", name: "Exit", pos: undefined, type: signature([{ name: "code", type: BASIC.int }], [], false), pkg: "os" });
  return s;
}

export const TEST_PACKAGES: PackageTable = new Map([
  ["fmt", { name: "fmt", scope: fmtPackage() }],
  ["os", { name: "os", scope: osPackage() }],
]);

export interface Checked {
  readonly result: CheckResult | undefined;
  /** Every message as Go prints it, FILE:LINE:COL: message (continuation lines included). */
  readonly messages: readonly string[];
}

export async function checkGo(source: string, file = "prog.go"): Promise<Checked> {
  const read = (await nodeGoParser()).read(source, file);
  if (!read.ok) return { result: undefined, messages: read.diagnostics.map(diagnosticText) };
  const result = checkFile(read.file, TEST_PACKAGES);
  return { result, messages: result.diagnostics.map(diagnosticText) };
}

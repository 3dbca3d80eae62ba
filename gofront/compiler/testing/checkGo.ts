// Parses and checks a Go program in Node for gofront's tests, against
// gofront's standard package declarations.
import { loadStdlib } from "../stdlib/stdlib";
import { diagnosticText } from "../syntax/diagnostics";
import { checkFile, type CheckResult, type PackageTable } from "../types/checker";
import { nodeGoParser } from "./nodeParser";

let stdlib: PackageTable | undefined;

export async function testStdlib(): Promise<PackageTable> {
  stdlib ??= loadStdlib(await nodeGoParser());
  return stdlib;
}

export interface Checked {
  readonly result: CheckResult | undefined;
  /** Every message as Go prints it, FILE:LINE:COL: message (continuation lines included). */
  readonly messages: readonly string[];
}

export async function checkGo(source: string, file = "prog.go"): Promise<Checked> {
  const read = (await nodeGoParser()).read(source, file);
  if (!read.ok) return { result: undefined, messages: read.diagnostics.map(diagnosticText) };
  const result = checkFile(read.file, await testStdlib());
  return { result, messages: result.diagnostics.map(diagnosticText) };
}

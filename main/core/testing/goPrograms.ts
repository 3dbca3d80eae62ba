// Go programs for the hosts' tests, with the code gofront would emit for
// them written by hand, and compilers that give it: the hosts' Go path is
// tested apart from the emitter.
import type { GoCompiler } from "../../../gofront/compiler/compile";
import { GoCompileError, type Diagnostic } from "../../../gofront/compiler/syntax/diagnostics";
import type { GoCompilerProvider } from "../runProgram";

/** Prints a line and a last line without a newline, then waits on a channel nobody sends on. */
export const WAITING_GO = `package main

import "fmt"

func main() {
	ch := make(chan int)
	fmt.Println("waiting")
	fmt.Print("no newline")
	<-ch
}
`;

/** WAITING_GO compiled, as the body of gofront's function of ($rt, $lib, $std, $host). */
export const WAITING_GO_CODE = `return async function main() {
  $rt.atLocation("prog.go:6");
  const ch = $rt.chan(0);
  $rt.atLocation("prog.go:7");
  $host.stdout("waiting\\n");
  $rt.atLocation("prog.go:8");
  $host.stdout("no newline");
  $rt.atLocation("prog.go:9");
  await ch.recv();
};`;

/** A compiler that gives `code` for any source. */
export const compilerGiving =
  (code: string): GoCompilerProvider =>
  () =>
    Promise.resolve<GoCompiler>({ compile: (_source, file) => ({ file, code }) });

/** A compiler that refuses every program with these diagnostics. */
export const compilerRefusing =
  (diagnostics: readonly Diagnostic[]): GoCompilerProvider =>
  () =>
    Promise.resolve<GoCompiler>({
      compile: () => {
        throw new GoCompileError(diagnostics);
      },
    });

import { describe, expect, it } from "vitest";
import { goCompiler, type GoCompiler } from "../compile";
import { GoCompileError, diagnosticText } from "../syntax/diagnostics";
import { nodeGoParser } from "../testing/nodeParser";

let compiler: GoCompiler | undefined;
async function compile(source: string): Promise<string> {
  compiler ??= goCompiler(await nodeGoParser());
  return compiler.compile(source, "prog.go").code;
}

async function refusal(source: string): Promise<string> {
  try {
    await compile(source);
  } catch (e) {
    if (e instanceof GoCompileError) return e.diagnostics.map(diagnosticText).join("\n");
    throw e;
  }
  throw new Error("compiled");
}

describe("emitting Go", () => {
  it("makes only the functions that can block async", async () => {
    const code = await compile(`package main

import "fmt"

func square(x int) int { return x * x }

func produce(ch chan int) { ch <- square(3) }

func main() {
	ch := make(chan int)
	go produce(ch)
	fmt.Println(<-ch)
}
`);
    expect(code).toMatch(/^function square\(x\)/m);
    expect(code).toMatch(/^async function produce\(ch\)/m);
    expect(code).toMatch(/^async function main\(\)/m);
  });

  it("says where each operation is with constants, not stack captures", async () => {
    const code = await compile(`package main

func main() {
	ch := make(chan int, 1)
	ch <- 1
	<-ch
}
`);
    expect(code).toContain('const $l4 = "prog.go:4";');
    expect(code).toContain("$at($l5)");
    expect(code).toContain("$at($l6)");
    // The channel is named after its variable in the trace.
    expect(code).toContain('$rt.chan(1, "ch")');
  });

  it("names a goroutine from its comment, with the loop variable's value", async () => {
    const code = await compile(`package main

func work(id int) {}

func main() {
	for w := 1; w <= 3; w++ {
		go work(w) // goroutine "worker {w}"
	}
}
`);
    expect(code).toMatch(/\$rt\.go\(\(\) => \$f\d+\(\$a\d+\), "worker " \+ \$lib\.jsText/);
  });

  it("refuses a constant beyond 2^53 in arithmetic, at its position", async () => {
    expect(
      await refusal(`package main

import "fmt"

func main() {
	var x int64 = 9007199254740993
	fmt.Println(x + 1)
}
`),
    ).toBe(
      "prog.go:6:16: the constant 9007199254740993 (beyond 2^53, where chanscope's integers stop being exact) is not supported by chanscope",
    );
  });

  it("refuses range over a function (Go 1.23 iterators) as Go 1.19 does", async () => {
    expect(
      await refusal(`package main

func main() {
	seq := func(yield func(int) bool) {}
	for x := range seq {
		_ = x
	}
}
`),
    ).toBe("prog.go:5:17: cannot range over seq (variable of type func(yield func(int) bool))");
  });
});

import { describe, expect, it } from "vitest";
import { isGoFile, isProgramFile, programName, suggestedTraceName } from "./fileNames";

describe("file names", () => {
  it("take TypeScript, JavaScript and Go sources for programs, anything else for a trace", () => {
    for (const name of ["prog.ts", "prog.mts", "prog.js", "prog.mjs", "/x/prog.go", "C:\\x\\Prog.GO"])
      expect(isProgramFile(name), name).toBe(true);
    for (const name of ["run.trace.jsonl", "run.json", "go", "prog.go.txt"]) expect(isProgramFile(name), name).toBe(false);
  });

  it("name a Go program and its trace without the .go", () => {
    expect(programName("/x/prog.go")).toBe("prog");
    expect([isGoFile("samples/go/pipeline.go"), isGoFile("samples/pipeline.ts")]).toEqual([true, false]);
    expect(suggestedTraceName("samples/go/worker-pool.go")).toBe("worker-pool.trace.jsonl");
  });
});

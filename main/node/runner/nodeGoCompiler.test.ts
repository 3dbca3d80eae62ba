import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { GoCompileError } from "../../../gofront/compiler/syntax/diagnostics";
import { goParserWasmPaths, nodeGoCompiler } from "./nodeGoCompiler";

describe("the Go compiler in Node", () => {
  it("finds both wasm files in the installed packages", () => {
    const paths = goParserWasmPaths();
    expect(paths.runtime).toMatch(/web-tree-sitter[\\/]tree-sitter\.wasm$/);
    expect(paths.grammar).toMatch(/tree-sitter-go[\\/]tree-sitter-go\.wasm$/);
    expect(existsSync(paths.runtime) && existsSync(paths.grammar)).toBe(true);
  });

  it("is made once a process and reports what Go would, FILE:LINE:COL", async () => {
    const compiler = await nodeGoCompiler();
    expect(await nodeGoCompiler()).toBe(compiler);
    let err: unknown;
    try {
      compiler.compile(`package main\n\nfunc main() {\n\tx := 1\n}\n`, "prog.go");
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(GoCompileError);
    expect((err as Error).message).toMatch(/^prog\.go:4:2: /);
  });
});

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { bundledSamples } from "../../core/bundledSamples";
import { runtimeIndexPath, typeCheckProgram } from "./typeCheck";

const runtimeIndex = runtimeIndexPath()!;
const check = (source: string) => typeCheckProgram("prog.ts", source, runtimeIndex).map((p) => `${p.line}:${p.column}: ${p.message}`);

const program = (...body: string[]) =>
  [
    'import { chan, go, type RecvChan, type SendChan } from "chanscope";',
    "export default async function main(): Promise<void> {",
    ...body,
    "}",
    "",
  ].join("\n");

describe("type-checking a program before it runs", () => {
  it("finds the runtime's sources from the source tree", () => {
    expect(runtimeIndex).toBe(fileURLToPath(new URL("../../../runtime/index.ts", import.meta.url)));
  });

  it("refuses a send or a close through a receive-only channel, as Go's compiler does", () => {
    expect(check(program("  const r: RecvChan<number> = chan<number>(1);", "  await r.send(1);", "  r.close();"))).toEqual([
      "4:11: Property 'send' does not exist on type 'RecvChan<number>'.",
      "5:5: Property 'close' does not exist on type 'RecvChan<number>'.",
    ]);
  });

  it("refuses a receive from a send-only channel", () => {
    expect(check(program("  const s: SendChan<number> = chan<number>(1);", "  await s.recv();"))).toEqual([
      "4:11: Property 'recv' does not exist on type 'SendChan<number>'.",
    ]);
  });

  it("refuses a value of the wrong type, and a wrong value sent on a typed channel", () => {
    expect(check(program("  const n: string = 5;", "  void n;", '  await chan<number>(1).send("one");'))).toEqual([
      "3:9: Type 'number' is not assignable to type 'string'.",
      "5:30: Argument of type 'string' is not assignable to parameter of type 'number'.",
    ]);
  });

  it("names an import the runtime does not export", () => {
    expect(check('import { Semaphoore } from "chanscope";\nexport default function main(): void {\n  void Semaphoore;\n}\n')).toEqual([
      `1:10: Module '"chanscope"' has no exported member 'Semaphoore'.`,
    ]);
  });

  it("says a program must export its main goroutine", () => {
    expect(check('import { go } from "chanscope";\nexport function helper(): void {\n  go(() => {});\n}\n')).toEqual([
      "1:1: a program must export its main goroutine: `export default async function main() { … }`",
    ]);
  });

  it("says a syntax error is one, without the errors that follow from it", () => {
    expect(check("export default async function main() {\n  const x = ;\n}\n")).toEqual(["2:13: syntax error: Expression expected."]);
  });

  it("knows the globals a program's realm has: console, timers, fetch", () => {
    expect(
      check(program('  console.log("hi");', "  setTimeout(() => {}, 1);", '  void fetch("https://example.com");', "  go(() => {});")),
    ).toEqual([]);
  });

  it("passes every bundled sample", () => {
    for (const s of bundledSamples()) {
      const source = readFileSync(fileURLToPath(new URL(`../../../${s.file}`, import.meta.url)), "utf8");
      expect([s.id, typeCheckProgram(s.file, source, runtimeIndex)]).toEqual([s.id, []]);
    }
  });
});

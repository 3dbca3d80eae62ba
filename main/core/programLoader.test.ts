import { describe, expect, it } from "vitest";
import { ProgramLoadError, loadProgram, locationIn } from "./programLoader";

const fakeRuntime = { double: (n: number) => n * 2 };
const modules = { chanscope: fakeRuntime };

function loadError(source: string): ProgramLoadError {
  try {
    loadProgram(source, "user/prog.ts", modules);
  } catch (err) {
    if (err instanceof ProgramLoadError) return err;
    throw err;
  }
  throw new Error("expected a ProgramLoadError");
}

describe("loadProgram", () => {
  it("runs a TypeScript program that imports the runtime by the package name", async () => {
    const src = 'import { double } from "chanscope";\nexport default async function main(): Promise<number> {\n  return double(21);\n}\n';
    const { main } = loadProgram(src, "user/prog.ts", modules);
    expect(await main()).toBe(42);
  });

  it("accepts a named main export", () => {
    const { main } = loadProgram("export function main() { return 7; }\n", "p.ts", modules);
    expect(main()).toBe(7);
  });

  it("keeps line numbers: an error thrown on line 4 is reported at line 4", () => {
    const src = 'import type { X } from "chanscope";\ntype Y = X;\n\nexport default function main(): Y { throw new Error("boom"); }\n';
    const { main } = loadProgram(src, "user/lines.ts", modules);
    let stack = "";
    try {
      main();
    } catch (err) {
      stack = (err as Error).stack ?? "";
    }
    expect(locationIn(stack, "user/lines.ts")?.line).toBe(4);
  });

  it("reports a syntax error with file, line and column", () => {
    const err = loadError("export default function main() {\n  let x = ;\n}\n");
    expect(err.line).toBe(2);
    expect(err.message).toMatch(/^user\/prog\.ts:2:\d+: syntax error/);
  });

  it("refuses imports other than the runtime", () => {
    const err = loadError('import { readFileSync } from "node:fs";\nexport default function main() { return readFileSync; }\n');
    expect(err.message).toContain("cannot import 'node:fs': a program may import only 'chanscope'");
  });

  it("names an imported name the runtime does not export, at its line and column, before anything runs", () => {
    const err = loadError(
      'import { double, triple } from "chanscope";\nexport default function main() {\n  return double(1) + triple(1);\n}\n',
    );
    expect([err.line, err.column]).toEqual([3, 22]);
    expect(err.message).toBe("user/prog.ts:3:22: 'chanscope' has no export named 'triple'");
  });

  it("refuses a relative import at its line, saying a program is one file", () => {
    const err = loadError('// helpers\nimport { helper } from "./helper";\nexport default function main() { return helper(); }\n');
    expect(err.message).toBe(
      "user/prog.ts:2: cannot import './helper': a program is one file and may import only 'chanscope' (put its helpers in the same file)",
    );
  });

  it("reports a throw at load time with the line it came from", () => {
    const err = loadError('const a = 1;\nthrow new TypeError("bad config");\nexport default function main() {}\n');
    expect(err.line).toBe(2);
    expect(err.message).toContain("failed while loading: TypeError: bad config");
  });

  it("requires a main function", () => {
    expect(loadError("export const x = 1;\n").message).toContain("must export its main goroutine");
  });

  it("binds the given names in the program's scope only, on the same lines", () => {
    const fakeMath = { random: () => 0.25 };
    const src = "export default function main() {\n  return [Math.random(), new Error().stack];\n}\n";
    const { main } = loadProgram(src, "user/scope.ts", modules, { Math: fakeMath });
    const [r, stack] = main() as [number, string];
    expect(r).toBe(0.25);
    expect(locationIn(stack, "user/scope.ts")?.line).toBe(2);
    expect(Object.getOwnPropertyDescriptor(Math, "random")?.value).not.toBe(fakeMath.random);
  });
});

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { purePackages } from "./pure";

/** The Go declarations the checker uses for a package, read as text (gofront/lib may not import the compiler). */
function declarations(path: string): string {
  const file = readFileSync(new URL("../../compiler/stdlib/declarations.ts", import.meta.url), "utf8");
  const at = file.indexOf(`path: "${path}",`);
  const start = file.indexOf("`", at) + 1;
  return file.slice(start, file.indexOf("`,", start));
}

const PATHS = ["errors", "strings", "sort", "math", "unicode/utf8", "strconv", "slices", "maps"];

/** What compiled code reaches in a package, from its Go declarations: functions, variables, `T$M` for methods of non-struct types, and struct classes with their methods. */
function declaredMembers(source: string): { readonly names: string[]; readonly classMethods: [string, string][] } {
  const structs = new Set([...source.matchAll(/^type (\w+) struct/gm)].map((m) => m[1] as string));
  const names = [
    ...[...source.matchAll(/^func (\w+)[[(]/gm)].map((m) => m[1] as string),
    ...[...source.matchAll(/^var (\w+)/gm)].map((m) => m[1] as string),
    ...[...structs],
  ];
  const classMethods: [string, string][] = [];
  for (const [, recv, method] of source.matchAll(/^func \(\w+ \*?(\w+)\) (\w+)\(/gm)) {
    if (structs.has(recv as string)) classMethods.push([recv as string, method as string]);
    else names.push(`${recv}$${method}`);
  }
  return { names, classMethods };
}

describe("purePackages", () => {
  it("has the packages by import path", () => {
    expect(Object.keys(purePackages()).sort()).toEqual([...PATHS].sort());
  });

  for (const path of PATHS) {
    it(`implements every member gofront declares for ${path}`, () => {
      const pkg = purePackages()[path] ?? {};
      const { names, classMethods } = declaredMembers(declarations(path));
      expect(names.filter((n) => pkg[n] === undefined)).toEqual([]);
      const missing = classMethods.filter(([cls, m]) => {
        const ctor = pkg[cls] as (new () => Record<string, unknown>) | undefined;
        return ctor === undefined || typeof new ctor()[m] !== "function";
      });
      expect(missing).toEqual([]);
    });
  }
});

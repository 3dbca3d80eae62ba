import { describe, expect, it } from "vitest";
import { programGlobals } from "../../../runtime/index";
import { readFileSync } from "node:fs";
import { GoHost } from "../host";
import { concurrentPackages } from "./concurrent";

// The compiler's Go declarations of the packages (gofront/lib may not import the compiler: read as text).
const STDLIB = [
  ...readFileSync(new URL("../../compiler/stdlib/declarations.ts", import.meta.url), "utf8").matchAll(
    /path: "([^"]+)",\s+source: `([^`]*)`/g,
  ),
].map((m) => ({ path: m[1]!, source: m[2]!.replace(/\\\\/g, "\\") }));

const packages = concurrentPackages(new GoHost(programGlobals())) as Readonly<Record<string, Readonly<Record<string, unknown>>>>;

/** What the Go declarations of a package promise its implementation has, as the emitter names it. */
function declaredMembers(source: string): string[] {
  const structs = new Set([...source.matchAll(/^type (\w+) struct/gm)].map((m) => m[1]!));
  const named = new Set([...source.matchAll(/^type (\w+) (?:int|int64)$/gm)].map((m) => m[1]!));
  const out: string[] = [];
  for (const m of source.matchAll(/^func (\w+)\(/gm)) out.push(m[1]!);
  for (const s of structs) out.push(s, `${s}$type`);
  for (const n of named) out.push(`${n}$type`);
  for (const m of source.matchAll(/^func \(\w+ \*?(\w+)\) (\w+)\(/gm)) out.push(structs.has(m[1]!) ? `${m[1]}.${m[2]}` : `${m[1]}$${m[2]}`);
  for (const m of source.matchAll(/^var (\w+)/gm)) out.push(m[1]!);
  for (const block of source.matchAll(/^var \(\n([\s\S]*?)\n\)/gm)) for (const v of block[1]!.matchAll(/^\t(\w+)/gm)) out.push(v[1]!);
  return out;
}

describe("concurrentPackages", () => {
  const paths = Object.keys(packages);

  it("has every package it is for, by import path", () => {
    expect(paths).toEqual([
      "time",
      "sync",
      "sync/atomic",
      "context",
      "os",
      "math/rand",
      "golang.org/x/sync/errgroup",
      "golang.org/x/sync/semaphore",
    ]);
  });

  it("reads the declarations' members: functions, types, methods, variables", () => {
    const os = declaredMembers(STDLIB.find((p) => p.path === "os")!.source);
    expect(os).toEqual(expect.arrayContaining(["Exit", "File", "File$type", "File.Write", "Stdout", "ErrNotExist", "Args"]));
    expect(declaredMembers(STDLIB.find((p) => p.path === "time")!.source)).toEqual(
      expect.arrayContaining(["Duration$String", "Month$type", "Time.Format"]),
    );
  });

  it.each(paths)("implements every function, type, method and variable %s declares", (path) => {
    const decl = STDLIB.find((p) => p.path === path)!;
    const pkg = packages[path]!;
    const missing = declaredMembers(decl.source).filter((name) => {
      const [type, method] = name.split(".");
      if (method === undefined) return pkg[name] === undefined;
      const cls = pkg[type!] as { prototype: Record<string, unknown> };
      return typeof cls.prototype[method] !== "function";
    });
    expect(missing).toEqual([]);
  });
});

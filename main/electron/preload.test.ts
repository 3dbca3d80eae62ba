import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

describe("the preload", () => {
  it("imports only electron and environment-neutral code, as a sandboxed preload must", () => {
    // A sandboxed preload can require `electron` and nothing of Node's; what it
    // imports of ours is bundled into it, so that must not need Node either.
    const source = readFileSync(new URL("./preload.ts", import.meta.url), "utf8");
    const imports = [...source.matchAll(/^import\s[^;]*?from\s+"([^"]+)"/gm)].map((m) => m[1]);
    expect(imports.length).toBeGreaterThan(0);
    expect(imports.filter((spec) => spec !== "electron" && !/^\.\.\/(contract|core)\//.test(spec!))).toEqual([]);
  });
});

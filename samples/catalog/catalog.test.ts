import { existsSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SAMPLES } from "./catalog";

const samples = new URL("../", import.meta.url);
const ids = SAMPLES.map((s) => s.id);

describe("the sample catalog", () => {
  it("names every program at the top of samples/, and nothing else is there", () => {
    const programs = readdirSync(samples)
      .filter((f) => f.endsWith(".ts"))
      .map((f) => f.slice(0, -".ts".length));
    expect(programs.sort()).toEqual([...ids].sort());
  });

  it("has one outcome test per sample", () => {
    const tests = readdirSync(new URL("outcomes/", samples)).map((f) => f.replace(/\.test\.ts$/, ""));
    expect(tests.sort()).toEqual([...ids].sort());
  });

  it("has a golden trace per sample", () => {
    expect(ids.filter((id) => !existsSync(new URL(`../traces/examples/${id}.trace.jsonl`, samples)))).toEqual([]);
  });

  it("gives each sample a distinct id", () => {
    expect(new Set(ids).size).toBe(ids.length);
  });
});

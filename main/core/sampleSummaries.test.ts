import { describe, expect, it } from "vitest";
import { SAMPLES } from "../../samples/catalog/catalog";
import { goSampleIdOf, sampleIdOf, sampleProgram, sampleSummaries } from "./sampleSummaries";

describe("sample summaries", () => {
  it("join the catalog's metadata with each program's source, in catalog order", () => {
    const [first, second] = SAMPLES;
    const summaries = sampleSummaries({
      [`../../samples/${second!.id}.ts`]: "second source",
      [`../../samples/${first!.id}.ts`]: "first source",
    });
    expect(summaries.map((s) => s.id)).toEqual([first!.id, second!.id]);
    expect(summaries[0]).toMatchObject({
      title: first!.title,
      lookFor: first!.lookFor,
      file: `samples/${first!.id}.ts`,
      source: "first source",
    });
  });

  it("leave out files outside the catalog (tests and helpers too) and catalog entries without a file", () => {
    const id = SAMPLES[0]!.id;
    const summaries = sampleSummaries({
      [`../../samples/${id}.ts`]: "x",
      [`../../samples/${id}.test.ts`]: "test",
      "../../samples/catalog.ts": "catalog",
      "../../samples/testing.ts": "helpers",
      "../../samples/not-in-catalog.ts": "?",
    });
    expect(summaries.map((s) => s.id)).toEqual([id]);
    expect(sampleIdOf("C:\\repo\\samples\\pipeline.ts")).toBe("pipeline");
  });

  it("run as samples/<id>.ts, so source locations point at the sample's file", () => {
    const [summary] = sampleSummaries({ [`/x/samples/${SAMPLES[0]!.id}.ts`]: "src" });
    expect(sampleProgram(summary!)).toEqual({
      name: SAMPLES[0]!.title,
      id: SAMPLES[0]!.id,
      file: `samples/${SAMPLES[0]!.id}.ts`,
      source: "src",
    });
  });

  it("keep a sample's deadlock seed", () => {
    const withSeed = SAMPLES.find((s) => s.deadlockSeed !== undefined);
    if (withSeed === undefined) return;
    const [summary] = sampleSummaries({ [`samples/${withSeed.id}.ts`]: "src" });
    expect(summary?.deadlockSeed).toBe(withSeed.deadlockSeed);
  });

  it("carry each sample's Go original, which runs as samples/go/<id>.go under that id", () => {
    const id = SAMPLES[0]!.id;
    const [summary] = sampleSummaries({ [`../../samples/${id}.ts`]: "ts", [`../../samples/go/${id}.go`]: "package main" });
    expect(summary?.go).toEqual({ file: `samples/go/${id}.go`, source: "package main" });
    expect(sampleProgram(summary!, "go")).toEqual({
      name: `${SAMPLES[0]!.title} (Go)`,
      id: `samples/go/${id}.go`,
      file: `samples/go/${id}.go`,
      source: "package main",
    });
    expect(goSampleIdOf("C:\\repo\\samples\\go\\pipeline.go")).toBe("pipeline");
  });

  it("refuse to run a Go original a sample does not have", () => {
    const [summary] = sampleSummaries({ [`samples/${SAMPLES[0]!.id}.ts`]: "src" });
    expect(summary?.go).toBeUndefined();
    expect(() => sampleProgram(summary!, "go")).toThrow(/has no Go original/);
  });
});

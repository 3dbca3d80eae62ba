import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { SAMPLES } from "../../samples/catalog/catalog";
import { bundledSamples } from "./bundledSamples";

describe("the bundled samples", () => {
  it("are every catalog sample, in catalog order, each with its program's text and its Go original", async () => {
    const samples = bundledSamples();
    expect(samples.map((s) => s.id)).toEqual(SAMPLES.map((s) => s.id));
    for (const s of samples) {
      expect(s.file).toBe(`samples/${s.id}.ts`);
      expect(s.source).toBe(await readFile(new URL(`../../${s.file}`, import.meta.url), "utf8"));
      expect(s.go?.file).toBe(`samples/go/${s.id}.go`);
      expect(s.go?.source).toBe(await readFile(new URL(`../../samples/go/${s.id}.go`, import.meta.url), "utf8"));
    }
  });
});

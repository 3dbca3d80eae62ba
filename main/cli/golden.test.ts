import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { serializeTrace } from "../../traces/format/index";
import { GOLDEN_OPTIONS, goldenPath } from "../testing/golden";
import { runProgram } from "../core/runProgram";
import { SAMPLES, sampleProgram } from "./sampleFiles";

const root = fileURLToPath(new URL("../../", import.meta.url));

describe("golden traces", () => {
  for (const meta of SAMPLES) {
    it(`a fresh run of ${meta.id} with seed 1 equals its committed golden trace byte for byte`, async () => {
      const { header, result } = await runProgram(await sampleProgram(meta), GOLDEN_OPTIONS);
      const fresh = serializeTrace(header, result.events);
      let committed: string;
      try {
        committed = readFileSync(`${root}${goldenPath(meta.id)}`, "utf8");
      } catch {
        throw new Error(`${goldenPath(meta.id)} is missing: run 'npm run golden' and commit it`);
      }
      expect(fresh.length).toBe(committed.length);
      expect(fresh === committed, `${goldenPath(meta.id)} differs from a fresh run ('npm run golden' regenerates it)`).toBe(true);
    });
  }
});

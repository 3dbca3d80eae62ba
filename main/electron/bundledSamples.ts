/// <reference types="electron-vite/node" />
// The samples' source text, bundled into main by electron-vite (a vite glob),
// so the packaged app needs no samples/ folder on disk.
import type { SampleSummary } from "../contract/hostApi";
import { sampleSummaries } from "../core/sampleSummaries";

const sources: Record<string, string> = import.meta.glob(
  ["../../samples/*.ts", "!../../samples/*.test.ts", "!../../samples/catalog.ts", "!../../samples/testing.ts"],
  { query: "?raw", import: "default", eager: true },
);

export function bundledSamples(): readonly SampleSummary[] {
  return sampleSummaries(sources);
}

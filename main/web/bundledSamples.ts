// The samples' source text, bundled into the page by vite (a glob), for the
// browser host; the worker gets a program's text with its start message.
import type { SampleSummary } from "../contract/hostApi";
import { sampleSummaries } from "../core/sampleSummaries";

const sources: Record<string, string> = import.meta.glob<string>(
  ["../../samples/*.ts", "!../../samples/*.test.ts", "!../../samples/catalog.ts", "!../../samples/testing.ts"],
  { query: "?raw", import: "default", eager: true },
);

export function bundledSamples(): readonly SampleSummary[] {
  return sampleSummaries(sources);
}

/// <reference types="vite/types/import-meta.d.ts" />
// The samples' source text, bundled by the host's bundler (a vite glob, which
// electron-vite and vite both support) into Electron main and into the page, so
// neither needs a samples/ folder on disk. samples/ holds only the programs at
// its top, and their Go originals in go/; metadata, tests and their kit live in
// folders of their own.
import type { SampleSummary } from "../contract/hostApi";
import { sampleSummaries } from "./sampleSummaries";

const sources: Record<string, string> = import.meta.glob<string>(["../../samples/*.ts", "../../samples/go/*.go"], {
  query: "?raw",
  import: "default",
  eager: true,
});

export function bundledSamples(): readonly SampleSummary[] {
  return sampleSummaries(sources);
}

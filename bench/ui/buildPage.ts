// Builds the timeline's stand-alone page (bench/ui/index.html, which mounts
// bench/ui/TimelinePage.tsx) with vite into out/timeline-page, for
// the UI benchmark and the timeline's end-to-end test.
import { resolve } from "node:path";
import { build } from "vite";
import react from "@vitejs/plugin-react";

const repo = resolve(import.meta.dirname, "../..");
export const TIMELINE_PAGE_DIR = resolve(repo, "out/timeline-page");

/** `minify: false` keeps function names, for reading CPU profiles of the page. */
export async function buildTimelinePage(outDir = TIMELINE_PAGE_DIR, options: { readonly minify?: boolean } = {}): Promise<string> {
  await build({
    configFile: false,
    root: resolve(repo, "bench/ui"),
    base: "./",
    logLevel: "warn",
    plugins: [react()],
    build: {
      outDir,
      emptyOutDir: true,
      sourcemap: false,
      minify: options.minify ?? true,
      reportCompressedSize: false,
      chunkSizeWarningLimit: 4096,
    },
  });
  return outDir;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const dir = await buildTimelinePage(TIMELINE_PAGE_DIR, { minify: !process.argv.includes("--no-minify") });
  console.log(`built ${dir}`);
}

import { resolve } from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { chanscope: resolve(import.meta.dirname, "runtime/index.ts") } },
  test: {
    include: ["{runtime,traces,samples,main,renderer,tools,bench,gofront}/**/*.test.{ts,tsx}"],
    environment: "node",
    testTimeout: 30_000,
  },
});

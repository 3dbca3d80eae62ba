import { resolve } from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { chanscope: resolve(import.meta.dirname, "runtime/index.ts") } },
  test: {
    include: ["{runtime,traces,samples,gofront,main,renderer,tools,bench}/**/*.test.{ts,tsx}"],
    environment: "node",
    testTimeout: 30_000,
  },
});

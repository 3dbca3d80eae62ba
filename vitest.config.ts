import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["{runtime,traces,samples,main,renderer}/**/*.test.{ts,tsx}"],
    environment: "node",
    testTimeout: 30_000,
  },
});

import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";
import layers from "./tools/eslint-plugin-layers.js";

export default tseslint.config(
  { ignores: ["node_modules/", "out/", "dist/", "artifacts/", "traces/examples/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,js,mjs}"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { layers },
    rules: {
      "layers/allowed-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      "no-restricted-properties": [
        "error",
        { object: "Math", property: "random", message: "All randomness comes from the run's seeded PRNG (DESIGN.md §3)." },
      ],
    },
  },
  {
    // Programs and benches may use their own randomness; the JS tooling files are not TypeScript.
    files: ["bench/**", "e2e/**", "tools/**"],
    rules: { "no-restricted-properties": "off" },
  },
);

import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";
import layers from "./tools/eslint-plugin-layers.js";

export default tseslint.config(
  { ignores: ["node_modules/", "out/", "dist/", "artifacts/", "traces/examples/"] },
  js.configs.recommended,
  {
    files: ["**/*.{ts,tsx,js,mjs}"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { layers },
    rules: {
      "layers/allowed-imports": "error",
      "no-restricted-properties": [
        "error",
        { object: "Math", property: "random", message: "All randomness comes from the run's seeded PRNG (DESIGN.md §3)." },
      ],
    },
  },
  {
    // TypeScript is linted with type information: the checks that need to know
    // a value's type (a promise left floating, a switch missing a case, a
    // method passed without its object) are the ones that find real bugs.
    files: ["**/*.{ts,tsx}"],
    extends: [...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ["tools/neutral-host.d.ts"] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/switch-exhaustiveness-check": "error",
      "@typescript-eslint/no-floating-promises": "error",
    },
  },
  {
    files: ["**/*.{js,mjs}"],
    extends: [...tseslint.configs.recommended],
  },
  {
    // Programs and benches may use their own randomness; the JS tooling files are not TypeScript.
    files: ["bench/**", "e2e/**", "tools/**"],
    rules: { "no-restricted-properties": "off" },
  },
);

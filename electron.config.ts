// electron-vite: builds main, preload and renderer (passed with --config; see package.json).
import { resolve } from "node:path";
import { defineConfig } from "electron-vite";
import react from "@vitejs/plugin-react";

const alias = { chanscope: resolve(__dirname, "runtime/index.ts") };

export default defineConfig({
  main: {
    // main/electron/index.ts imports the run worker with `?nodeWorker`: electron-vite bundles it as its own chunk.
    resolve: { alias },
    build: {
      outDir: "out/main",
      rollupOptions: { input: { index: resolve(__dirname, "main/electron/index.ts") } },
    },
  },
  preload: {
    build: {
      outDir: "out/preload",
      rollupOptions: {
        input: { index: resolve(__dirname, "main/electron/preload.ts") },
        // A sandboxed preload cannot load ES modules.
        output: { format: "cjs", entryFileNames: "[name].cjs" },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, "renderer"),
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, "out/renderer"),
      rollupOptions: { input: { index: resolve(__dirname, "renderer/index.html") } },
    },
  },
});

// `npm run web` and the web build: the same renderer, with the browser host
// (main/web) installed as window.chanscope before the app mounts — the role the
// Electron preload plays on the desktop. Neither side imports the other.
import { resolve } from "node:path";
import { defineConfig, type Plugin } from "vite";
import react from "@vitejs/plugin-react";

const repo = import.meta.dirname;

function installWebHost(): Plugin {
  // Each page's placeholder and the script of main/web that takes its place.
  const scripts = { "<!-- host -->": "main/web/install.ts", "<!-- run frame -->": "main/web/runFrame.ts" };
  let serve = false;
  // The build resolves the script relative to the page; the dev server serves files outside its root under /@fs/.
  const src = (file: string): string => {
    if (!serve) return `../${file}`;
    const full = resolve(repo, file);
    return `/@fs${full.startsWith("/") ? "" : "/"}${full.replace(/\\/g, "/")}`;
  };
  return {
    name: "chanscope-install-web-host",
    configResolved(config) {
      serve = config.command === "serve";
    },
    transformIndexHtml: {
      order: "pre",
      handler: (html) =>
        Object.entries(scripts).reduce(
          (page, [mark, file]) => page.replace(mark, `<script type="module" src="${src(file)}"></script>`),
          html,
        ),
    },
  };
}

export default defineConfig({
  root: resolve(repo, "renderer"),
  base: "./",
  plugins: [installWebHost(), react()],
  resolve: { alias: { chanscope: resolve(repo, "runtime/index.ts") } },
  server: { port: 5173, strictPort: false, fs: { allow: [repo] } },
  worker: { format: "es" },
  build: {
    outDir: resolve(repo, "out/web"),
    emptyOutDir: true,
    // The app, and the run frame its run workers start from (main/web/runFrame.ts).
    rollupOptions: {
      input: { index: resolve(repo, "renderer/index.html"), runFrame: resolve(repo, "renderer/runFrame.html") },
      // web-tree-sitter (the Go parser, in the run worker only) is Emscripten's output: its eval
      // (run under the run frame's policy) and its Node-only imports are known and harmless.
      onwarn(warning, warn) {
        if (warning.code === "EVAL" && (warning.id ?? warning.message).includes("web-tree-sitter")) return;
        warn(warning);
      },
    },
  },
});

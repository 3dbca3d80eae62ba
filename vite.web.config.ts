// `npm run web` and the web build: the same renderer, with the browser host
// (main/web) installed as window.chanscope before the app mounts — the role the
// Electron preload plays on the desktop. Neither side imports the other.
import { resolve } from "node:path";
import { defineConfig, type Plugin } from "vite";
import react from "@vitejs/plugin-react";

const repo = import.meta.dirname;

function installWebHost(): Plugin {
  const install = resolve(repo, "main/web/install.ts");
  // The build resolves the script relative to the page; the dev server serves files outside its root under /@fs/.
  let src = "../main/web/install.ts";
  return {
    name: "chanscope-install-web-host",
    configResolved(config) {
      if (config.command === "serve") src = `/@fs${install.startsWith("/") ? "" : "/"}${install.replace(/\\/g, "/")}`;
    },
    transformIndexHtml: {
      order: "pre",
      handler: (html) => html.replace("<!-- host -->", `<script type="module" src="${src}"></script>`),
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
  build: { outDir: resolve(repo, "out/web"), emptyOutDir: true },
});

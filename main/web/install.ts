// Installs the browser host as window.chanscope before the renderer mounts
// (vite.web.config.ts puts this script ahead of the renderer's), the role the
// Electron preload plays on the desktop. The renderer never imports main/web.
import { HOST_GLOBAL } from "../contract/hostApi";
import { bundledSamples } from "../core/bundledSamples";
import { browserShortcuts } from "./browserShortcuts";
import { goParserLoader } from "./goParserBytes";
import { createWebHost } from "./webHost";
import { webRunWorkers } from "./webRunWorkers";

const host = createWebHost({ samples: bundledSamples(), createWorker: webRunWorkers(goParserLoader()) });
window.addEventListener(
  "keydown",
  browserShortcuts((command) => host.command(command)),
);
const { command: _command, ...api } = host;
(globalThis as unknown as Record<string, unknown>)[HOST_GLOBAL] = Object.freeze(api);

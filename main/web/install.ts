// Installs the browser host as window.chanscope before the renderer mounts.
import { APP_VERSION, HOST_GLOBAL, type HostApi } from "../contract/hostApi";

const webHost: HostApi = {
  info: async () => ({ kind: "web", version: APP_VERSION }),
};

(globalThis as unknown as Record<string, unknown>)[HOST_GLOBAL] = webHost;

// The preload: HostApi for the renderer over IPC (main/core/ipcHostApi.ts),
// handed Electron's ipcRenderer and webUtils.
import { contextBridge, ipcRenderer, webUtils } from "electron";
import { HOST_GLOBAL } from "../contract/hostApi";
import { IPC_REQUESTS } from "../contract/ipcChannels";
import { ipcHostApi } from "../core/ipcHostApi";

const host = ipcHostApi({
  invoke: (channel, ...args) => ipcRenderer.invoke(channel, ...args),
  on: (channel, listener) => {
    ipcRenderer.on(channel, (_event, payload: unknown) => listener(payload));
  },
  pathForFile: (file) => webUtils.getPathForFile(file),
});

contextBridge.exposeInMainWorld(HOST_GLOBAL, host);

// The files of a real drop, as the OS gives them, reach main before the window
// asks to open one (the capture phase runs before the page's handler, and IPC
// keeps the order): main opens only dropped paths granted here. The page
// cannot call this: it is not on the host object it sees.
/** The part of a drop event this needs (the preload is type-checked without the DOM's types). */
interface DropEvent {
  readonly isTrusted: boolean;
  readonly dataTransfer: { readonly files: ArrayLike<File> } | null;
}
const page = globalThis as unknown as { addEventListener(type: "drop", listener: (e: DropEvent) => void, capture: boolean): void };
page.addEventListener(
  "drop",
  (e) => {
    if (!e.isTrusted || e.dataTransfer === null) return;
    const paths = Array.from(e.dataTransfer.files, (f) => webUtils.getPathForFile(f)).filter((p) => p !== "");
    if (paths.length > 0) void ipcRenderer.invoke(IPC_REQUESTS.grantDroppedPaths, paths);
  },
  true,
);

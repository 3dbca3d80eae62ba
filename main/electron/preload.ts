// The preload: HostApi for the renderer over IPC (main/core/ipcHostApi.ts),
// handed Electron's ipcRenderer and webUtils.
import { contextBridge, ipcRenderer, webUtils } from "electron";
import { HOST_GLOBAL } from "../contract/hostApi";
import { ipcHostApi } from "../core/ipcHostApi";

const host = ipcHostApi({
  invoke: (channel, ...args) => ipcRenderer.invoke(channel, ...args),
  on: (channel, listener) => {
    ipcRenderer.on(channel, (_event, payload: unknown) => listener(payload));
  },
  pathForFile: (file) => webUtils.getPathForFile(file),
});

contextBridge.exposeInMainWorld(HOST_GLOBAL, host);

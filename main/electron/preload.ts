// The preload exposes one method per message, never a generic send/invoke bridge.
import { contextBridge, ipcRenderer } from "electron";
import { HOST_GLOBAL, type HostApi, type HostInfo } from "../contract/hostApi";
import { IPC } from "../contract/ipcChannels";

const api: HostApi = {
  info: () => ipcRenderer.invoke(IPC.info) as Promise<HostInfo>,
};

contextBridge.exposeInMainWorld(HOST_GLOBAL, api);

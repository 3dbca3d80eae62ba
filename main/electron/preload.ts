// The preload: HostApi for the renderer over IPC. One method per message of
// the contract (main/contract/ipcChannels.ts), never a generic
// send/invoke/on bridge; the renderer cannot name a channel.
import { contextBridge, ipcRenderer, webUtils } from "electron";
import { HOST_GLOBAL, type HostApi } from "../contract/hostApi";
import {
  IPC_EVENTS,
  IPC_REQUESTS,
  type IpcArgs,
  type IpcEventName,
  type IpcEvents,
  type IpcReply,
  type IpcRequestName,
} from "../contract/ipcChannels";
import { ListenerSet } from "../core/listenerSet";

// Internal to the preload, never exposed: typed against the contract.
function request<K extends IpcRequestName>(name: K, ...args: IpcArgs<K>): Promise<IpcReply<K>> {
  return ipcRenderer.invoke(IPC_REQUESTS[name], ...args) as Promise<IpcReply<K>>;
}

function events<K extends IpcEventName>(name: K, keepUntilListened = false): ListenerSet<IpcEvents[K]> {
  const listeners = new ListenerSet<IpcEvents[K]>({ keepUntilListened });
  ipcRenderer.on(IPC_EVENTS[name], (_event, payload: IpcEvents[K]) => listeners.emit(payload));
  return listeners;
}

const runBatches = events("runBatch");
const runEndings = events("runEnded");
const openProgress = events("openProgress");
// A file from the command line arrives as a command before the app has mounted.
const menuCommands = events("menuCommand", true);

const host: HostApi = {
  info: () => request("info"),
  listSamples: () => request("listSamples"),
  startRun: (program, settings) => request("startRun", program, settings),
  stopRun: (runId) => request("stopRun", runId),
  onRunBatch: (listener) => runBatches.add(listener),
  onRunEnded: (listener) => runEndings.add(listener),
  openTrace: () => request("openTrace"),
  openDroppedFile: async (file) => {
    // Only a file from the OS (a drop, a file input) has a path; main reads it there.
    const path = webUtils.getPathForFile(file);
    if (path === "") return { kind: "failed", problem: { file: file.name, message: "not a file on disk: cannot open it" } };
    return request("openDroppedPath", path);
  },
  openRecent: (path) => request("openRecent", path),
  recentFiles: () => request("recentFiles"),
  traceChunk: (contentId, index) => request("traceChunk", contentId, index),
  onOpenProgress: (listener) => openProgress.add(listener),
  pickProgram: () => request("pickProgram"),
  saveTrace: () => request("saveTrace"),
  exportPerfetto: () => request("exportPerfetto"),
  onMenuCommand: (listener) => menuCommands.add(listener),
  currentSession: () => request("currentSession"),
};

contextBridge.exposeInMainWorld(HOST_GLOBAL, host);

// HostApi over the IPC contract: what the preload exposes to the renderer. One
// method per message of the contract (main/contract/ipcChannels.ts), never a
// generic send/invoke/on bridge; the renderer cannot name a channel. Plain
// code the preload hands Electron's ipcRenderer to, so tests drive exactly
// these methods through main's real handlers without Electron.
import type { HostApi } from "../contract/hostApi";
import {
  IPC_EVENTS,
  IPC_REQUESTS,
  type IpcArgs,
  type IpcEventName,
  type IpcEvents,
  type IpcReply,
  type IpcRequestName,
} from "../contract/ipcChannels";
import { ListenerSet } from "./listenerSet";

/** The renderer's end of Electron's IPC, as the preload gets it (ipcRenderer, webUtils). */
export interface IpcRendererPort {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (payload: unknown) => void): void;
  /** The path of a file from the OS (a drop, a file input); "" for any other file. */
  pathForFile(file: File): string;
}

/**
 * The message main gave when a request failed. Electron rejects an invoke
 * with "Error invoking remote method '<channel>': Error: <message>"; the
 * renderer shows main's own words, as the browser host's.
 */
function remoteError(channel: string, err: unknown): Error {
  const text = err instanceof Error ? err.message : String(err);
  const prefix = `Error invoking remote method '${channel}': `;
  const said = text.startsWith(prefix) ? text.slice(prefix.length) : text;
  return new Error(said.replace(/^Error: /, ""));
}

export function ipcHostApi(ipc: IpcRendererPort): HostApi {
  function request<K extends IpcRequestName>(name: K, ...args: IpcArgs<K>): Promise<IpcReply<K>> {
    const channel = IPC_REQUESTS[name];
    return ipc.invoke(channel, ...args).then(
      (reply) => reply as IpcReply<K>,
      (err: unknown) => Promise.reject(remoteError(channel, err)),
    );
  }

  function events<K extends IpcEventName>(name: K, keepUntilListened = false): ListenerSet<IpcEvents[K]> {
    const listeners = new ListenerSet<IpcEvents[K]>({ keepUntilListened });
    ipc.on(IPC_EVENTS[name], (payload) => listeners.emit(payload as IpcEvents[K]));
    return listeners;
  }

  const runBatches = events("runBatch");
  const runEndings = events("runEnded");
  const openProgress = events("openProgress");
  // A file from the command line arrives as a command before the app has mounted.
  const menuCommands = events("menuCommand", true);

  return {
    info: () => request("info"),
    listSamples: () => request("listSamples"),
    startRun: (program, settings) => request("startRun", program, settings),
    stopRun: (runId) => request("stopRun", runId),
    onRunBatch: (listener) => runBatches.add(listener),
    onRunEnded: (listener) => runEndings.add(listener),
    openTrace: () => request("openTrace"),
    openDroppedFile: async (file) => {
      // Only a file from the OS (a drop, a file input) has a path; main reads it there.
      const path = ipc.pathForFile(file);
      if (path === "") return { kind: "failed", problem: { file: file.name, message: "not a file on disk: cannot open it" } };
      return request("openDroppedPath", path);
    },
    openRecent: (path) => request("openRecent", path),
    recentFiles: () => request("recentFiles"),
    traceChunk: (contentId, index) => request("traceChunk", contentId, index),
    onOpenProgress: (listener) => openProgress.add(listener),
    cancelOpen: () => request("cancelOpen"),
    pickProgram: () => request("pickProgram"),
    saveTrace: () => request("saveTrace"),
    exportPerfetto: () => request("exportPerfetto"),
    onMenuCommand: (listener) => menuCommands.add(listener),
    currentSession: () => request("currentSession"),
  };
}

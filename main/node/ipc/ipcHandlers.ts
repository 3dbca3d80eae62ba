// The IPC handlers, as plain functions the Electron layer registers one by one
// (ipcMain.handle) under their channels. Each refuses a sender that is not the
// app's own frame, then checks its arguments, then calls the host. And the
// events main pushes, by their channels (webContents.send).
import {
  IPC_EVENTS,
  IPC_REQUEST_NAMES,
  IPC_REQUESTS,
  type IpcArgs,
  type IpcEventName,
  type IpcEvents,
  type IpcReply,
  type IpcRequestName,
} from "../../contract/ipcChannels";
import { IPC_ARGUMENTS } from "./ipcArguments";
import type { IpcSender } from "./trustedSender";

/** What main does for each request. */
export type HostRequests = {
  readonly [K in IpcRequestName]: (...args: IpcArgs<K>) => Promise<IpcReply<K>>;
};

export type IpcHandler = (sender: IpcSender, args: readonly unknown[]) => Promise<unknown>;

export class IpcRefusedError extends Error {
  override readonly name = "IpcRefusedError";
}

export function ipcHandlers(host: HostRequests, isTrusted: (sender: IpcSender) => boolean): { readonly [K in IpcRequestName]: IpcHandler } {
  const handler =
    <K extends IpcRequestName>(name: K): IpcHandler =>
    async (sender, args) => {
      if (!isTrusted(sender)) {
        throw new IpcRefusedError(`refused ${name}: the message did not come from the app's own window`);
      }
      const checked = IPC_ARGUMENTS[name](args);
      // Called on the host: DesktopHost's methods need their `this`.
      const call = host[name] as (this: HostRequests, ...a: IpcArgs<K>) => Promise<IpcReply<K>>;
      return call.apply(host, checked);
    };
  return {
    info: handler("info"),
    listSamples: handler("listSamples"),
    startRun: handler("startRun"),
    stopRun: handler("stopRun"),
    openTrace: handler("openTrace"),
    grantDroppedPaths: handler("grantDroppedPaths"),
    openDroppedPath: handler("openDroppedPath"),
    openRecent: handler("openRecent"),
    recentFiles: handler("recentFiles"),
    traceChunk: handler("traceChunk"),
    cancelOpen: handler("cancelOpen"),
    pickProgram: handler("pickProgram"),
    saveTrace: handler("saveTrace"),
    exportPerfetto: handler("exportPerfetto"),
    currentSession: handler("currentSession"),
  };
}

/** Each request's handler under its channel, as the Electron layer registers them. */
export function handlersByChannel(handlers: { readonly [K in IpcRequestName]: IpcHandler }): ReadonlyMap<string, IpcHandler> {
  return new Map(IPC_REQUEST_NAMES.map((name) => [IPC_REQUESTS[name], handlers[name]]));
}

/** Main's events sent on their channels (`send` is the window's webContents.send). */
export function ipcEventSender(
  send: (channel: string, payload: unknown) => void,
): <K extends IpcEventName>(name: K, payload: IpcEvents[K]) => void {
  return (name, payload) => send(IPC_EVENTS[name], payload);
}

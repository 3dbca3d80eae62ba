// The IPC handlers, as plain functions the Electron layer registers one by one
// (ipcMain.handle). Each refuses a sender that is not the app's own frame,
// then checks its arguments, then calls the host.
import type { IpcArgs, IpcReply, IpcRequestName } from "../../contract/ipcChannels";
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

export function ipcHandlers(
  host: HostRequests,
  isTrusted: (sender: IpcSender) => boolean,
): { readonly [K in IpcRequestName]: IpcHandler } {
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
    openDroppedPath: handler("openDroppedPath"),
    openRecent: handler("openRecent"),
    recentFiles: handler("recentFiles"),
    traceChunk: handler("traceChunk"),
    pickProgram: handler("pickProgram"),
    saveTrace: handler("saveTrace"),
    exportPerfetto: handler("exportPerfetto"),
    currentSession: handler("currentSession"),
  };
}

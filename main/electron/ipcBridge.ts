// Registers the plain IPC handlers (main/node/ipc) with Electron: one handler per
// request channel, each told who sent the message.
import { ipcMain, type IpcMainInvokeEvent } from "electron";
import { IPC_REQUESTS, IPC_REQUEST_NAMES, type IpcRequestName } from "../contract/ipcChannels";
import type { IpcHandler } from "../node/ipc/ipcHandlers";
import type { IpcSender } from "../node/ipc/trustedSender";

function senderOf(e: IpcMainInvokeEvent): IpcSender {
  const frame = e.senderFrame;
  return {
    webContentsId: e.sender.id,
    frame: frame === null ? undefined : { url: frame.url, isTop: frame.parent === null },
  };
}

export function registerIpcHandlers(handlers: { readonly [K in IpcRequestName]: IpcHandler }): void {
  for (const name of IPC_REQUEST_NAMES) {
    const handler = handlers[name];
    ipcMain.handle(IPC_REQUESTS[name], (e, ...args: unknown[]) => handler(senderOf(e), args));
  }
}

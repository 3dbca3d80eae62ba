// Registers the plain IPC handlers (main/node/ipc) with Electron: one handler per
// request channel, each told who sent the message.
import { ipcMain, type IpcMainInvokeEvent } from "electron";
import type { IpcRequestName } from "../contract/ipcChannels";
import { handlersByChannel, type IpcHandler } from "../node/ipc/ipcHandlers";
import type { IpcSender } from "../node/ipc/trustedSender";

function senderOf(e: IpcMainInvokeEvent): IpcSender {
  const frame = e.senderFrame;
  return {
    webContentsId: e.sender.id,
    frame: frame === null ? undefined : { url: frame.url, isTop: frame.parent === null },
  };
}

export function registerIpcHandlers(handlers: { readonly [K in IpcRequestName]: IpcHandler }): void {
  for (const [channel, handler] of handlersByChannel(handlers)) {
    ipcMain.handle(channel, (e, ...args: unknown[]) => handler(senderOf(e), args));
  }
}

// Electron's IPC between main and the preload, as far as our code can tell it
// apart: ipcMain.handle / ipcRenderer.invoke with the arguments and the reply
// structured-cloned, a handler's failure turned into the renderer's "Error
// invoking remote method" rejection, webContents.send / ipcRenderer.on with
// the payload structured-cloned, and whatever main sends (replies, events)
// arriving a task later, in the order main sent it. Lets tests drive the
// preload's HostApi against main's real handlers without Electron.
import type { IpcRendererPort } from "../core/ipcHostApi";
import type { IpcHandler } from "../node/ipc/ipcHandlers";
import type { IpcSender } from "../node/ipc/trustedSender";

export class ElectronIpc {
  private readonly handlers = new Map<string, IpcHandler>();
  private readonly listeners = new Map<string, ((payload: unknown) => void)[]>();
  /** Main → renderer, in order: replies and events share one pipe. */
  private readonly toRenderer: (() => void)[] = [];
  private pumping = false;
  /** The channels the renderer invoked. */
  readonly invoked = new Set<string>();

  /** `sender`: who every request comes from (the app's own top frame, unless a test says otherwise). */
  constructor(private readonly sender: IpcSender) {}

  /** ipcMain.handle. */
  handle(channel: string, handler: IpcHandler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }

  /** webContents.send. */
  send(channel: string, payload: unknown): void {
    const copy = structuredClone(payload);
    this.deliver(() => {
      for (const listener of this.listeners.get(channel) ?? []) listener(copy);
    });
  }

  /** The preload's ipcRenderer and webUtils; `pathForFile` plays webUtils.getPathForFile. */
  renderer(pathForFile: (file: File) => string = () => ""): IpcRendererPort {
    return {
      invoke: (channel, ...args) => this.invoke(channel, args),
      on: (channel, listener) => {
        this.listeners.set(channel, [...(this.listeners.get(channel) ?? []), listener]);
      },
      pathForFile,
    };
  }

  private invoke(channel: string, args: readonly unknown[]): Promise<unknown> {
    this.invoked.add(channel);
    const sent = structuredClone(args);
    return new Promise((resolve, reject) => {
      const fail = (err: unknown): void =>
        this.deliver(() => reject(new Error(`Error invoking remote method '${channel}': ${String(err)}`)));
      const handler = this.handlers.get(channel);
      if (handler === undefined) {
        fail(new Error(`No handler registered for '${channel}'`));
        return;
      }
      // Main runs the handler in its own turn, as a message from the renderer.
      setImmediate(() => {
        handler(this.sender, sent).then((reply) => {
          let copy: unknown;
          try {
            copy = structuredClone(reply);
          } catch (err) {
            fail(err);
            return;
          }
          this.deliver(() => resolve(copy));
        }, fail);
      });
    });
  }

  private deliver(message: () => void): void {
    this.toRenderer.push(message);
    if (this.pumping) return;
    this.pumping = true;
    setImmediate(() => {
      this.pumping = false;
      for (const m of this.toRenderer.splice(0)) m();
    });
  }
}

// Electron main: the thin, fenced layer. Logic lives in plain modules beside it.
import { app, BrowserWindow, ipcMain, type IpcMainInvokeEvent } from "electron";
import { join } from "node:path";
import { APP_VERSION, type HostInfo } from "../contract/hostApi";
import { IPC } from "../contract/ipcChannels";

let mainWindow: BrowserWindow | undefined;

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    title: "chanscope",
    webPreferences: {
      preload: join(__dirname, "../preload/index.cjs"),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    },
  });
  // Never navigate away from the app or open other windows.
  win.webContents.on("will-navigate", (e) => e.preventDefault());
  win.webContents.setWindowOpenHandler(() => ({ action: "deny" }));
  const devUrl = process.env["ELECTRON_RENDERER_URL"];
  if (devUrl) void win.loadURL(devUrl);
  else void win.loadFile(join(__dirname, "../renderer/index.html"));
  return win;
}

/** Only the app's own top frame may talk to main. */
function fromOwnFrame(e: IpcMainInvokeEvent): boolean {
  return mainWindow !== undefined && e.sender === mainWindow.webContents && e.senderFrame === mainWindow.webContents.mainFrame;
}

app.whenReady().then(() => {
  ipcMain.handle(IPC.info, (e): HostInfo => {
    if (!fromOwnFrame(e)) throw new Error("refused: IPC from a foreign frame");
    return { kind: "electron", version: APP_VERSION };
  });
  mainWindow = createWindow();
  app.on("activate", () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
  });
});

app.on("window-all-closed", () => {
  if (process.platform !== "darwin") app.quit();
});

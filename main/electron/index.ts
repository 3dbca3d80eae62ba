/// <reference types="electron-vite/node" />
// Electron main: the thin, fenced layer. It makes the window, the menu and the
// dialogs, and wires IPC to the plain host (main/node/desktop), where the logic
// lives. Programs run in worker threads (main/node/runner), never on this thread.
import { app, BrowserWindow, Menu } from "electron";
import { basename } from "node:path";
import createRunThread from "../node/runner/nodeRunWorker?nodeWorker";
import type { RecentFile } from "../contract/hostApi";
import { fileArguments, fileKindOf } from "../node/desktop/commandLine";
import { DesktopHost } from "../node/desktop/desktopHost";
import { applicationMenu, menuActionPerformer } from "../node/desktop/menuModel";
import { ipcEventSender, ipcHandlers } from "../node/ipc/ipcHandlers";
import { isTrustedSender } from "../node/ipc/trustedSender";
import { RecentFiles } from "../node/recent/recentFiles";
import { nodeRunWorkers } from "../node/runner/nodeRunWorkers";
import { SessionStore } from "../node/session/sessionStore";
import { programTypeCheck } from "../node/check/typeCheck";
import { removeCrashLeftovers } from "../node/desktop/crashLeftovers";
import { buildMenu } from "./applicationMenu";
import { createAppWindow, isAppUrl, rendererRoot } from "./appWindow";
import { registerAppScheme, serveAppScheme } from "./appScheme";
import { bundledSamples } from "../core/bundledSamples";
import { isGoFile } from "../core/fileNames";
import type { ProgramSource } from "../core/traceHeader";
import { electronDialogs } from "./dialogs";
import { registerIpcHandlers } from "./ipcBridge";
import { applySecurityPolicy } from "./security";

let window: BrowserWindow | undefined;
/** Files to open once the window has loaded (command line, macOS open-file). */
const pendingFiles: string[] = [];
let openFiles: ((paths: readonly string[]) => void) | undefined;

function requestOpen(paths: readonly string[]): void {
  if (openFiles !== undefined) openFiles(paths);
  else pendingFiles.push(...paths);
}

// One app instance: a second launch hands its files to the first.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on("second-instance", (_event, argv, cwd) => {
    requestOpen(fileArguments(argv, process.defaultApp === true, cwd));
    if (window !== undefined) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });
  // macOS hands files to the app this way (Finder, the dock), possibly before it is ready.
  app.on("open-file", (event, path) => {
    event.preventDefault();
    requestOpen([path]);
  });
  pendingFiles.push(...fileArguments(process.argv, process.defaultApp === true, process.cwd()));
  registerAppScheme();
  app.whenReady().then(start, (err: unknown) => {
    console.error("chanscope failed to start:", err);
    app.exit(1);
  });
}

async function start(): Promise<void> {
  applySecurityPolicy();
  serveAppScheme(rendererRoot);
  const samples = bundledSamples();
  const recent = new RecentFiles(app.getPath("userData"));
  const session = new SessionStore(app.getPath("temp"));
  // What a crash of an earlier start left behind; nothing waits for it.
  void removeCrashLeftovers({ tempDir: app.getPath("temp"), recent }).catch(() => undefined);

  const emit = ipcEventSender((channel, payload) => {
    if (window !== undefined && !window.isDestroyed()) window.webContents.send(channel, payload);
  });
  const perform = menuActionPerformer({
    grant: (path) => host.grant(path),
    send: (command) => emit("menuCommand", command),
    reload: () => window?.webContents.reload(),
    quit: () => app.quit(),
  });
  const setMenu = (files: readonly RecentFile[]): void => {
    Menu.setApplicationMenu(buildMenu(applicationMenu(samples, files, process.platform), perform));
  };

  // TypeScript programs are type-checked before they run; the compiler's first check costs about a second, later ones tens
  // of ms. A Go program is checked by the Go compiler in its run worker, and a compile error ends the run as a load error.
  const checkTypeScript = programTypeCheck();
  const typeCheck =
    checkTypeScript === undefined ? undefined : (program: ProgramSource) => (isGoFile(program.file) ? [] : checkTypeScript(program));
  const host = new DesktopHost({
    samples,
    createWorker: nodeRunWorkers((options) => createRunThread({ name: "chanscope run", ...options })),
    session,
    recent,
    dialogs: electronDialogs(() => window),
    emit,
    recentChanged: setMenu,
    ...(typeCheck === undefined ? {} : { typeCheck }),
  });
  registerIpcHandlers(ipcHandlers(host, (sender) => isTrustedSender(sender, { webContentsId: () => window?.webContents.id, isAppUrl })));
  setMenu(await recent.list());

  const sendFiles = (paths: readonly string[]): void => {
    for (const path of paths) {
      emit("menuCommand", { kind: "open-recent", file: { path, name: basename(path), kind: fileKindOf(path) } });
    }
  };
  const showWindow = (): void => {
    const win = createAppWindow();
    window = win;
    // The preload keeps commands until the renderer listens, so sending once the page has loaded is enough.
    win.webContents.on("did-finish-load", () => sendFiles(pendingFiles.splice(0)));
    win.on("closed", () => {
      if (window === win) window = undefined;
    });
  };
  openFiles = (paths) => {
    // The renderer may now name these paths back to main.
    for (const path of paths) host.grant(path);
    if (window !== undefined && !window.webContents.isLoading()) {
      sendFiles(paths);
      return;
    }
    pendingFiles.push(...paths);
    if (window === undefined) showWindow();
  };
  for (const path of pendingFiles) host.grant(path);
  showWindow();

  app.on("activate", () => {
    if (BrowserWindow.getAllWindows().length === 0) showWindow();
  });
  app.on("window-all-closed", () => {
    if (process.platform !== "darwin") app.quit();
  });
  let disposed = false;
  app.on("will-quit", (event) => {
    if (disposed) return;
    // Stop the run and delete the session's temporary files before exiting.
    event.preventDefault();
    disposed = true;
    void host.dispose().finally(() => app.quit());
  });
}

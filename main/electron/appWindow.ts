// The app's one window, and which page it shows.
import { BrowserWindow } from "electron";
import { join } from "node:path";
import { APP_NAME } from "../contract/hostApi";
import { appUrlMatcher } from "../node/ipc/trustedSender";
import { APP_PAGE } from "../node/protocol/appProtocol";
import { SECURE_WEB_PREFERENCES } from "./security";

const here = import.meta.dirname;
/** The renderer's build, which app:// serves (appScheme.ts). */
export const rendererRoot = join(here, "../renderer");
const devServer = process.env["ELECTRON_RENDERER_URL"];

/** Whether a frame shows the app's own page (and so may talk to main). */
export const isAppUrl = appUrlMatcher({
  file: APP_PAGE,
  ...(devServer !== undefined ? { devServer } : {}),
});

export function createAppWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    title: APP_NAME,
    show: false,
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload: join(here, "../preload/index.cjs") },
  });
  win.once("ready-to-show", () => win.show());
  // A crashed renderer comes back and picks its session up from main (currentSession);
  // not more than once in a while, so a page that crashes at once cannot loop.
  let lastReload = 0;
  win.webContents.on("render-process-gone", (_event, details) => {
    if (details.reason === "clean-exit" || win.isDestroyed() || Date.now() - lastReload < 10_000) return;
    lastReload = Date.now();
    win.webContents.reload();
  });
  if (devServer !== undefined) void win.loadURL(devServer);
  else void win.loadURL(APP_PAGE);
  return win;
}

// Secure by default, for every webContents the app ever makes: no navigation,
// no new windows, no <webview>, no permissions, and the same strict
// Content-Security-Policy header on anything served over HTTP (the dev server;
// the built app's app:// pages get it from the protocol handler, appProtocol.ts).
import { app, session } from "electron";
import { CONTENT_SECURITY_POLICY } from "../core/contentSecurityPolicy";

export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  spellcheck: false,
} as const;

export function applySecurityPolicy(): void {
  app.on("web-contents-created", (_event, contents) => {
    contents.on("will-navigate", (e) => e.preventDefault());
    contents.on("will-redirect", (e) => e.preventDefault());
    contents.on("will-attach-webview", (e) => e.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: "deny" }));
  });
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, "Content-Security-Policy": [CONTENT_SECURITY_POLICY] },
    });
  });
}

// Who may talk to main: only the top frame of the app's own window, showing
// the app's own page. A frame the app did not make (an iframe, a page it was
// navigated to despite everything) is refused, whatever it asks.

/** What main knows about the sender of an IPC message (from Electron's event). */
export interface IpcSender {
  readonly webContentsId: number;
  /** Undefined when the frame is already gone. */
  readonly frame: { readonly url: string; readonly isTop: boolean } | undefined;
}

export interface AppFrame {
  /** The app window's webContents id (undefined before the window exists). */
  readonly webContentsId: () => number | undefined;
  readonly isAppUrl: (url: string) => boolean;
}

export function isTrustedSender(sender: IpcSender, app: AppFrame): boolean {
  const frame = sender.frame;
  return (
    frame !== undefined &&
    frame.isTop &&
    app.webContentsId() !== undefined &&
    sender.webContentsId === app.webContentsId() &&
    app.isAppUrl(frame.url)
  );
}

/**
 * The app's page: the built index.html (a file: URL), or in development the
 * dev server's origin. Query and hash do not matter; anything else does.
 */
export function appUrlMatcher(page: { readonly file?: string; readonly devServer?: string }): (url: string) => boolean {
  const file = page.file === undefined ? undefined : withoutQueryOrHash(page.file);
  const devOrigin = page.devServer === undefined ? undefined : originOf(page.devServer);
  return (url) => {
    if (file !== undefined && withoutQueryOrHash(url) === file) return true;
    return devOrigin !== undefined && originOf(url) === devOrigin;
  };
}

function withoutQueryOrHash(url: string): string {
  const cut = url.search(/[?#]/);
  return cut < 0 ? url : url.slice(0, cut);
}

function originOf(url: string): string | undefined {
  try {
    const u = new URL(url);
    // file: and other opaque origins never count as the dev server.
    return u.origin === "null" ? undefined : u.origin;
  } catch {
    return undefined;
  }
}

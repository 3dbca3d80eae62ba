// The built app's pages come from app://chanscope/, a scheme of its own, not
// from file://: a file: page may read any file: URL, and every file: URL is
// one origin. This is what a request for app://chanscope/<path> is answered
// with: a file inside the renderer's build directory, or a refusal. Plain and
// tested; the Electron glue (protocol.handle) only reads the file and replies.
import { extname, join, normalize, sep } from "node:path";

export const APP_SCHEME = "app";
export const APP_HOST = "chanscope";
/** The window's page. */
export const APP_PAGE = `${APP_SCHEME}://${APP_HOST}/index.html`;

const MIME: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".wasm": "application/wasm",
  ".txt": "text/plain; charset=utf-8",
};

export type AppResponse =
  | { readonly kind: "file"; readonly path: string; readonly mime: string }
  | { readonly kind: "refused"; readonly status: 400 | 404; readonly why: string };

/** What answers `url` from the build directory `root` (an absolute path). */
export function resolveAppRequest(url: string, root: string): AppResponse {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: "refused", status: 400, why: "not a URL" };
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST)
    return { kind: "refused", status: 404, why: "not the app's origin" };
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return { kind: "refused", status: 400, why: "a malformed escape in the path" };
  }
  if (path.includes("\0") || path.includes("\\")) return { kind: "refused", status: 400, why: "a NUL or a backslash in the path" };
  if (path === "/" || path === "") path = "/index.html";
  // URL parsing already folds "..", but not "%2e%2e" decoded afterwards: check the result, not the input.
  const inside = normalize(join(root, path));
  if (!inside.startsWith(root.endsWith(sep) ? root : root + sep)) return { kind: "refused", status: 404, why: "outside the app" };
  return { kind: "file", path: inside, mime: MIME[extname(inside).toLowerCase()] ?? "application/octet-stream" };
}

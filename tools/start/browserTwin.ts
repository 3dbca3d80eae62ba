// The browser twin of the desktop app, served by vite in development: what
// `npm run web` serves (vite.web.config.ts).
import { join } from "node:path";
import type { ServedApp } from "./launcher";

export interface BrowserTwinOptions {
  /** The repository's root (where vite.web.config.ts is). */
  readonly root: string;
  /** Opens the user's browser on it. */
  readonly open?: boolean;
  /** The port to try first (vite.web.config.ts's when absent; taken ones are skipped). */
  readonly port?: number;
}

export async function serveBrowserTwin(options: BrowserTwinOptions): Promise<ServedApp> {
  const { createServer } = await import("vite");
  const server = await createServer({
    configFile: join(options.root, "vite.web.config.ts"),
    clearScreen: false,
    logLevel: "warn",
    ...(options.port !== undefined ? { server: { port: options.port } } : {}),
  });
  await server.listen();
  const url = server.resolvedUrls?.local[0];
  if (url === undefined) {
    await server.close();
    throw new Error("vite serves the browser app on no local address");
  }
  if (options.open === true) server.openBrowser();
  return { url, close: () => server.close() };
}

// The app:// scheme's Electron glue: registered as a standard, secure scheme
// before the app is ready, then answered from the renderer's build directory
// (main/node/protocol/appProtocol.ts decides what each request gets) with the
// window's Content-Security-Policy as a header.
import { protocol } from "electron";
import { readFile } from "node:fs/promises";
import { CONTENT_SECURITY_POLICY } from "../core/contentSecurityPolicy";
import { APP_SCHEME, resolveAppRequest } from "../node/protocol/appProtocol";

/** Before the app is ready: a standard scheme gets origins, relative URLs and ES modules; a secure one is a secure context. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** Once ready: every app:// request is a file of `root` or a refusal. */
export function serveAppScheme(root: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const r = resolveAppRequest(request.url, root);
    if (r.kind === "refused") return new Response(r.why, { status: r.status, headers: { "content-type": "text/plain; charset=utf-8" } });
    const body = await readFile(r.path).catch(() => undefined);
    if (body === undefined) return new Response("no such file", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
    return new Response(new Uint8Array(body), {
      headers: { "content-type": r.mime, "content-security-policy": CONTENT_SECURITY_POLICY, "x-content-type-options": "nosniff" },
    });
  });
}

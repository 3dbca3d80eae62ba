import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CONTENT_SECURITY_POLICY, cspDirectives } from "../../core/contentSecurityPolicy";
import { APP_PAGE, resolveAppRequest } from "./appProtocol";

const ROOT = "/opt/chanscope/out/renderer";

describe("the app:// scheme", () => {
  it("serves the page and its assets from the build directory, with their types", () => {
    expect(resolveAppRequest(APP_PAGE, ROOT)).toEqual({ kind: "file", path: join(ROOT, "index.html"), mime: "text/html; charset=utf-8" });
    expect(resolveAppRequest("app://chanscope/", ROOT)).toMatchObject({ path: join(ROOT, "index.html") });
    expect(resolveAppRequest("app://chanscope/assets/index-x1.js?v=2#top", ROOT)).toEqual({
      kind: "file",
      path: join(ROOT, "assets/index-x1.js"),
      mime: "text/javascript; charset=utf-8",
    });
    expect(resolveAppRequest("app://chanscope/assets/a%20b.css", ROOT)).toMatchObject({
      path: join(ROOT, "assets/a b.css"),
      mime: "text/css; charset=utf-8",
    });
    expect(resolveAppRequest("app://chanscope/f.woff2", ROOT)).toMatchObject({ mime: "font/woff2" });
    expect(resolveAppRequest("app://chanscope/x.wasm", ROOT)).toMatchObject({ mime: "application/wasm" });
    expect(resolveAppRequest("app://chanscope/blob.bin", ROOT)).toMatchObject({ mime: "application/octet-stream" });
  });

  it("refuses anything outside the build directory, however it is spelled", () => {
    for (const url of [
      "app://chanscope/../../../etc/passwd",
      "app://chanscope/%2e%2e/%2e%2e/etc/passwd",
      "app://chanscope/assets/%2E%2E%2F%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
      "app://chanscope/..%2f..%2fsecret",
    ]) {
      const r = resolveAppRequest(url, ROOT);
      if (r.kind === "file") expect(r.path.startsWith(`${ROOT}/`)).toBe(true);
      else expect(r.status).toBe(404);
    }
    expect(resolveAppRequest("app://chanscope/a%5c..%5c..%5csecret", ROOT)).toMatchObject({ kind: "refused", status: 400 });
    expect(resolveAppRequest("app://chanscope/a%00.js", ROOT)).toMatchObject({ kind: "refused", status: 400 });
    expect(resolveAppRequest("app://chanscope/%E0%A4%A", ROOT)).toMatchObject({ kind: "refused", status: 400 });
    expect(resolveAppRequest("app://elsewhere/index.html", ROOT)).toMatchObject({ kind: "refused", status: 404 });
    expect(resolveAppRequest("file:///etc/passwd", ROOT)).toMatchObject({ kind: "refused", status: 404 });
    expect(resolveAppRequest("not a url", ROOT)).toMatchObject({ kind: "refused", status: 400 });
  });
});

describe("the window's Content-Security-Policy", () => {
  const header = cspDirectives(CONTENT_SECURITY_POLICY);
  const metaTag = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(
    readFileSync(new URL("../../../renderer/index.html", import.meta.url), "utf8"),
  )?.[1];

  it("as a header forbids plugins, <base>, form posts and framing, and never allows eval", () => {
    expect(header.get("object-src")).toBe("'none'");
    expect(header.get("base-uri")).toBe("'none'");
    expect(header.get("form-action")).toBe("'none'");
    expect(header.get("frame-ancestors")).toBe("'none'");
    expect(header.get("script-src")).toBe("'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain("unsafe-eval");
  });

  it("says the same in the page's meta tag, but for frame-ancestors, which only a header can carry", () => {
    expect(metaTag).toBeDefined();
    const meta = cspDirectives(metaTag!);
    expect(new Map([...header].filter(([name]) => name !== "frame-ancestors"))).toEqual(meta);
  });
});

// Shared per-file fixture: the built app served locally and one Chromium.
import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeAll } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "./browser";
import { serveStatic, type StaticServer } from "./staticServer";

export const SCREENSHOTS = resolve(import.meta.dirname, "../artifacts/screenshots");

export interface AppFixture {
  readonly url: string;
  newPage(): Promise<Page>;
}

export function useApp(): AppFixture {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    server = await serveStatic(resolve(import.meta.dirname, "../out/web"));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get url() {
      if (!server) throw new Error("server not started");
      return server.url;
    },
    async newPage() {
      if (!browser) throw new Error("browser not started");
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
      (page as Page & { errors: string[] }).errors = errors;
      return page;
    },
  };
}

export function pageErrors(page: Page): readonly string[] {
  return (page as Page & { errors?: string[] }).errors ?? [];
}

/** Closes every notice (they sit above the workspace and change its height), then lets the canvas repaint at its new size. */
export async function dismissNotices(page: Page): Promise<void> {
  const close = page.locator("[data-testid=notices] button[aria-label=Dismiss]");
  // Info notices also leave by themselves: a button may be gone by the time it is clicked.
  while ((await close.count()) > 0)
    await close
      .first()
      .click({ timeout: 1000 })
      .catch(() => undefined);
  await page.waitForTimeout(300);
}

/** Runs the program at `path` as a user does: Run program…, then the file chooser. */
export async function runProgramFile(page: Page, path: string): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.click("button:has-text('Run program…')")]);
  await chooser.setFiles(path);
}

import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { SCREENSHOTS, pageErrors, useApp } from "./fixture";

const app = useApp();

describe("the app in Chromium", () => {
  it("loads and shows the app's name and its host", async () => {
    const page = await app.newPage();
    await page.goto(app.url);
    await expect.poll(() => page.textContent("h1")).toBe("chanscope");
    await expect.poll(() => page.textContent(".app-status")).toMatch(/^web host /);
    await page.screenshot({ path: resolve(SCREENSHOTS, "app-loads.png") });
    expect(pageErrors(page)).toEqual([]);
  });
});

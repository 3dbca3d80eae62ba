// Screenshots of what is on screen, at the two sizes issue 19 asks every
// changed view to be looked at (a small laptop's 1280×720 and 1920×1080), in
// both themes. Leaves the page in the light theme at 1280×720.
import { resolve } from "node:path";
import type { Page } from "playwright-core";
import { SCREENSHOTS } from "./fixture";

export const SCREEN_SIZES = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
] as const;
export const THEMES = ["dark", "light"] as const;

/** Saves `<name>-<w>x<h>-<theme>.png` for each size and theme. */
export async function shootEverySize(page: Page, name: string): Promise<void> {
  for (const theme of THEMES) {
    await page.emulateMedia({ colorScheme: theme });
    for (const size of SCREEN_SIZES) {
      await page.setViewportSize(size);
      // Lets the canvas repaint at its new size.
      await page.waitForTimeout(150);
      await page.screenshot({ path: resolve(SCREENSHOTS, `${name}-${size.width}x${size.height}-${theme}.png`) });
    }
  }
}

// The stylesheets' colours, read from the CSS itself: every text colour they
// define meets 4.5:1 on the surfaces it is used on, in both themes, and the
// timeline's CSS agrees with the palette the canvas paints with.

import { describe, expect, it } from "vitest";
import { composite, contrastRatio, MIN_TEXT_CONTRAST, parseColor } from "./contrast";
import { TEXT_SURFACES, THEMES, type ThemeName } from "./palette";

interface CssBlock {
  readonly file: string;
  readonly selector: string;
  readonly decls: ReadonlyMap<string, string>;
}

/** The innermost rule blocks of a stylesheet (those inside @media included), comments dropped. */
function cssBlocks(file: string, text: string): CssBlock[] {
  const blocks: CssBlock[] = [];
  const plain = text.replace(/\/\*[\s\S]*?\*\//g, "");
  for (const m of plain.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const decls = new Map<string, string>();
    for (const d of (m[2] as string).split(";")) {
      const colon = d.indexOf(":");
      if (colon > 0) decls.set(d.slice(0, colon).trim(), d.slice(colon + 1).trim());
    }
    blocks.push({ file, selector: (m[1] as string).trim().replace(/\s+/g, " "), decls });
  }
  return blocks;
}

// Every stylesheet of the renderer, as text. Read with Node's fs, imported
// untyped: the renderer is type-checked without Node's types (and Vitest hands
// a test `?raw` CSS as an empty string).
interface Fs {
  readdirSync(dir: URL, options: { readonly recursive: true; readonly encoding: "utf8" }): string[];
  readFileSync(file: URL, encoding: "utf8"): string;
}
const NODE_FS: string = "node:fs";
const fs = (await import(NODE_FS)) as Fs;
const RENDERER = new URL("../", import.meta.url);
const SHEETS: readonly string[] = fs.readdirSync(RENDERER, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".css"));
const BLOCKS: readonly CssBlock[] = SHEETS.flatMap((f) => cssBlocks(f, fs.readFileSync(new URL(f, RENDERER), "utf8")));

function block(selector: string): CssBlock {
  const found = BLOCKS.find((b) => b.selector === selector);
  if (found === undefined) throw new Error(`no CSS rule for ${selector}`);
  return found;
}

/** The custom properties a theme's root rule defines (dark falls back on light's for those it leaves out). */
function customProperties(lightSelector: string, darkSelector: string, theme: ThemeName): ReadonlyMap<string, string> {
  const pick = (b: CssBlock): [string, string][] => [...b.decls].filter(([k]) => k.startsWith("--"));
  const light = pick(block(lightSelector));
  return new Map(theme === "light" ? light : [...light, ...pick(block(darkSelector))]);
}

const appVars = (theme: ThemeName) => customProperties(".app", '.app[data-theme="dark"]', theme);
const timelineVars = (theme: ThemeName) => customProperties(".cs-timeline-light", ".cs-timeline-dark", theme);

function value(vars: ReadonlyMap<string, string>, name: string): string {
  const v = vars.get(name);
  if (v === undefined || parseColor(v) === undefined) throw new Error(`${name} is not a colour: ${v}`);
  return v;
}

/** [what, text, background] → those below 4.5:1, with their ratios. */
function failing(pairs: readonly (readonly [string, string, string])[]): { what: string; ratio: number }[] {
  return pairs
    .map(([what, text, bg]) => ({ what, ratio: Math.round(contrastRatio(text, bg) * 100) / 100 }))
    .filter((p) => p.ratio < MIN_TEXT_CONTRAST);
}

const isLiteral = (v: string | undefined): v is string => v !== undefined && parseColor(v) !== undefined;

describe("the stylesheets' colours", () => {
  it("the parser reads custom properties in both themes, from every stylesheet", () => {
    expect(SHEETS).toEqual(expect.arrayContaining(["app/styles/base.css", "timeline/timeline.css"]));
    expect(value(appVars("light"), "--fg")).toMatch(/^#/);
    expect(value(appVars("dark"), "--fg")).not.toBe(value(appVars("light"), "--fg"));
    expect(appVars("dark").get("--code")).toBe(appVars("light").get("--code"));
  });

  it("every text colour of the app reads at 4.5:1 on the surfaces and washes it is used on, in both themes", () => {
    for (const theme of ["light", "dark"] as const) {
      const v = appVars(theme);
      const c = (name: string): string => value(v, name);
      const surfaces = ["--bg", "--panel", "--panel-2"].map((s) => [s, c(s)] as const);
      const washes = ["--hover", "--selected", "--playhead-bg"].map((w) => [`${w} on --panel`, composite(c(w), c("--panel"))] as const);
      const pairs: (readonly [string, string, string])[] = [
        ...[...surfaces, ...washes].flatMap(([where, bg]) =>
          ["--fg", "--muted", "--accent", "--danger"].map((text) => [`${text} on ${where}`, c(text), bg] as const),
        ),
        ...["--error-bg", "--warn-bg", "--info-bg"].flatMap((bg) =>
          ["--fg", "--muted"].map((text) => [`${text} on ${bg}`, c(text), c(bg)] as const),
        ),
        ["--error-fg on --error-bg", c("--error-fg"), c("--error-bg")],
        ["--warn-fg on --warn-bg", c("--warn-fg"), c("--warn-bg")],
        ["--info-fg on --info-bg", c("--info-fg"), c("--info-bg")],
        ["--accent-fg on --accent", c("--accent-fg"), c("--accent")],
      ];
      expect(failing(pairs), theme).toEqual([]);
    }
  });

  it("every text colour of the timeline's chrome reads at 4.5:1, and matches the palette the canvas paints with", () => {
    for (const theme of ["light", "dark"] as const) {
      const v = timelineVars(theme);
      const c = (name: string): string => value(v, name);
      const pairs = ["--cs-bg", "--cs-panel", "--cs-tip-bg"].flatMap((bg) =>
        ["--cs-fg", "--cs-muted"].map((text) => [`${text} on ${bg}`, c(text), c(bg)] as const),
      );
      expect(failing(pairs), theme).toEqual([]);
      const tokens = THEMES[theme];
      expect([c("--cs-bg"), c("--cs-fg"), c("--cs-muted"), c("--cs-panel"), c("--cs-tip-bg")]).toEqual([
        tokens.background,
        tokens.text,
        tokens.textMuted,
        tokens.gutter,
        tokens.tooltipBackground,
      ]);
    }
  });

  it("a rule's literal text colour reads on its own background, or on every panel when it has none", () => {
    const panels = (["light", "dark"] as const).flatMap((theme) =>
      ["--bg", "--panel", "--panel-2"].map((s) => [`${theme} ${s}`, value(appVars(theme), s)] as const),
    );
    const pairs: (readonly [string, string, string])[] = [];
    for (const b of BLOCKS) {
      const color = b.decls.get("color");
      if (!isLiteral(color)) continue;
      // Its variants (".ending-tag.ending-deadlock") bring their own backgrounds.
      const backgrounds = [b, ...BLOCKS.filter((o) => o.selector.startsWith(`${b.selector}.`))]
        .map((o) => [o.selector, o.decls.get("background")] as const)
        .filter((o): o is readonly [string, string] => isLiteral(o[1]));
      const under = backgrounds.length > 0 || b.decls.has("background") ? backgrounds : panels;
      for (const [where, bg] of under) pairs.push([`${b.file} ${b.selector} on ${where}`, color, bg]);
    }
    expect(pairs.length).toBeGreaterThan(0);
    expect(failing(pairs)).toEqual([]);
  });

  it("the palette's text surfaces are the stylesheets' surfaces", () => {
    for (const theme of ["light", "dark"] as const) {
      const app = appVars(theme);
      const tl = timelineVars(theme);
      const css = [
        ...["--bg", "--panel", "--panel-2", "--error-bg", "--warn-bg"].map((s) => value(app, s)),
        ...["--cs-bg", "--cs-panel"].map((s) => value(tl, s)),
      ];
      expect(TEXT_SURFACES[theme]).toEqual(expect.arrayContaining(css));
    }
  });
});

import { describe, expect, it } from "vitest";
import { composite, contrastRatio, luminance, parseColor, readableOn } from "./contrast";

describe("contrast between text and what it is drawn on", () => {
  it("black on white is 21:1 and a colour on itself 1:1, whichever way round", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#ffffff", "#000000")).toBeCloseTo(21, 5);
    expect(contrastRatio("#e64980", "#e64980")).toBe(1);
  });

  it("matches the WCAG figures for known pairs", () => {
    // #767676 on white is the classic lightest grey that passes AA (4.54:1).
    expect(contrastRatio("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
    // White on the dark theme's old deadlocked pink: the 3.7:1 of the report.
    expect(contrastRatio("#ffffff", "#e64980")).toBeCloseTo(3.73, 2);
  });

  it("reads hex, short hex, rgb() and rgba()", () => {
    expect(parseColor("#fff")).toEqual({ r: 255, g: 255, b: 255, a: 1 });
    expect(parseColor("#1c7ed6")).toEqual({ r: 28, g: 126, b: 214, a: 1 });
    expect(parseColor("rgb(1, 2, 3)")).toEqual({ r: 1, g: 2, b: 3, a: 1 });
    expect(parseColor("rgba(28, 126, 214, 0.12)")).toEqual({ r: 28, g: 126, b: 214, a: 0.12 });
    expect(parseColor("var(--fg)")).toBeUndefined();
    expect(luminance({ r: 255, g: 255, b: 255, a: 1 })).toBeCloseTo(1, 6);
  });

  it("a translucent colour is laid over the one under it", () => {
    expect(composite("rgba(0, 0, 0, 0.5)", "#ffffff")).toBe("#808080");
    expect(composite("#123456", "#ffffff")).toBe("#123456");
    // Translucent text reads as the mix it makes with its background.
    expect(contrastRatio("rgba(0, 0, 0, 0.5)", "#ffffff")).toBeCloseTo(contrastRatio("#808080", "#ffffff"), 6);
  });

  it("a colour too faint for text is darkened on light backgrounds and lightened on dark ones, just enough", () => {
    const onLight = readableOn("#e8590c", ["#ffffff", "#f1f3f5"]);
    expect(contrastRatio(onLight, "#f1f3f5")).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(onLight, "#f1f3f5")).toBeLessThan(5);
    const onDark = readableOn("#1f77b4", ["#16181d"]);
    expect(contrastRatio(onDark, "#16181d")).toBeGreaterThanOrEqual(4.5);
    expect(parseColor(onDark)?.b).toBeGreaterThan(parseColor(onDark)?.r ?? 255);
    // A colour that already reads is left alone.
    expect(readableOn("#1b1f24", ["#ffffff"])).toBe("#1b1f24");
  });
});

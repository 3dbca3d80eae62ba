import { describe, expect, it } from "vitest";
import { clampPref, DEFAULT_LAYOUT_PREFS, parseLayoutPrefs, serializeLayoutPrefs, type LayoutPrefs } from "./layoutPrefs";

const custom: LayoutPrefs = {
  gutterWidth: 240,
  sideWidth: 420,
  bottomHeight: 260,
  graphHeight: 300,
  eventsShare: 0.6,
  sideCollapsed: false,
  bottomCollapsed: true,
};

describe("the layout's stored sizes", () => {
  it("read back what was written", () => {
    expect(parseLayoutPrefs(serializeLayoutPrefs(custom))).toEqual(custom);
    expect(parseLayoutPrefs(serializeLayoutPrefs(DEFAULT_LAYOUT_PREFS))).toEqual(DEFAULT_LAYOUT_PREFS);
  });

  it("are written as whole pixels", () => {
    const text = serializeLayoutPrefs({ ...custom, sideWidth: 420.6, eventsShare: 0.61234 });
    expect(JSON.parse(text)).toMatchObject({ sideWidth: 421, eventsShare: 0.612 });
  });

  it("leave out the sizes the budget decides", () => {
    expect(JSON.parse(serializeLayoutPrefs(DEFAULT_LAYOUT_PREFS))).toEqual({ v: 1 });
  });

  it("are the defaults when nothing was stored", () => {
    expect(parseLayoutPrefs(null)).toEqual(DEFAULT_LAYOUT_PREFS);
    expect(parseLayoutPrefs(undefined)).toEqual(DEFAULT_LAYOUT_PREFS);
    expect(parseLayoutPrefs("")).toEqual(DEFAULT_LAYOUT_PREFS);
  });

  it("are the defaults when the stored text is not JSON, not an object, or of another version", () => {
    for (const text of ["{", "not json", "42", "null", "[1,2]", '"text"', '{"gutterWidth":240}', '{"v":2,"gutterWidth":240}'])
      expect(parseLayoutPrefs(text), text).toEqual(DEFAULT_LAYOUT_PREFS);
  });

  it("fall back to the default one field at a time when a value is of the wrong type or out of bounds", () => {
    const text = JSON.stringify({
      v: 1,
      gutterWidth: 5000,
      sideWidth: "wide",
      bottomHeight: -20,
      graphHeight: 280,
      eventsShare: 2,
      sideCollapsed: "yes",
      bottomCollapsed: true,
    });
    expect(parseLayoutPrefs(text)).toEqual({ ...DEFAULT_LAYOUT_PREFS, graphHeight: 280, bottomCollapsed: true });
  });

  it("refuse numbers that are not finite", () => {
    // JSON cannot say Infinity or NaN; a hand-edited value can still be absurdly large.
    expect(parseLayoutPrefs('{"v":1,"sideWidth":1e400}').sideWidth).toBeUndefined();
  });

  it("are kept within bounds when a splitter sets them", () => {
    expect(clampPref("gutterWidth", 10)).toBe(96);
    expect(clampPref("gutterWidth", 9999)).toBe(420);
    expect(clampPref("eventsShare", 0.5)).toBe(0.5);
  });
});

import { describe, expect, it } from "vitest";
import { meaningOfKey, type KeyPress } from "./keyboard";

const key = (k: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key: k,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

describe("the keyboard map", () => {
  it("steps with the arrows, within the selection with Shift", () => {
    expect(meaningOfKey(key("ArrowRight"), false, false)).toEqual({ type: "playhead/stepped", direction: 1, scope: "all" });
    expect(meaningOfKey(key("ArrowLeft", { shiftKey: true }), false, false)).toEqual({
      type: "playhead/stepped",
      direction: -1,
      scope: "selection",
    });
  });

  it("zooms with W/S, pans with A/D and fits with F, either case", () => {
    expect(meaningOfKey(key("w"), false, false)).toEqual({ type: "viewport/zoomed", direction: "in" });
    expect(meaningOfKey(key("S"), false, false)).toEqual({ type: "viewport/zoomed", direction: "out" });
    expect(meaningOfKey(key("a"), false, false)).toEqual({ type: "viewport/panned", direction: -1 });
    expect(meaningOfKey(key("d"), false, false)).toEqual({ type: "viewport/panned", direction: 1 });
    expect(meaningOfKey(key("f"), false, false)).toEqual({ type: "viewport/fitted" });
  });

  it("plays with Space, jumps with Home/End and focuses the search with /", () => {
    expect(meaningOfKey(key(" "), false, false)).toEqual({ type: "playback/toggled" });
    expect(meaningOfKey(key("Home"), false, false)).toEqual({ type: "playhead/jumpedToStart" });
    expect(meaningOfKey(key("End"), false, false)).toEqual({ type: "playhead/jumpedToEnd" });
    expect(meaningOfKey(key("/"), false, false)).toEqual({ type: "search/focusRequested" });
  });

  it("leaves letters and arrows to a text field being typed in", () => {
    expect(meaningOfKey(key("w"), true, false)).toBeUndefined();
    expect(meaningOfKey(key("ArrowLeft"), true, false)).toBeUndefined();
    expect(meaningOfKey(key(" "), true, false)).toBeUndefined();
  });

  it("leaves Ctrl and ⌘ combinations to the host's menu", () => {
    expect(meaningOfKey(key("s", { ctrlKey: true }), false, false)).toBeUndefined();
    expect(meaningOfKey(key("o", { metaKey: true }), false, false)).toBeUndefined();
  });

  it("closes an open overlay with Escape, else clears the selection", () => {
    expect(meaningOfKey(key("Escape"), false, true)).toEqual({ type: "overlay/shown", overlay: "none" });
    expect(meaningOfKey(key("Escape"), true, false)).toEqual({ type: "selection/changed", selection: undefined });
  });
});

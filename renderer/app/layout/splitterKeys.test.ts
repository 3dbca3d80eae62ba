import { describe, expect, it } from "vitest";
import { splitterDragValue, splitterKeyValue } from "./splitterKeys";

const column = { value: 300, min: 200, max: 600, orientation: "vertical", grows: 1 } as const;
const bottomPanel = { value: 300, min: 100, max: 500, orientation: "horizontal", grows: -1 } as const;

describe("a splitter's keys", () => {
  it("move a column's edge by a step with the arrows along its axis, a bigger one with Shift", () => {
    expect(splitterKeyValue("ArrowRight", false, column)).toBe(310);
    expect(splitterKeyValue("ArrowLeft", false, column)).toBe(290);
    expect(splitterKeyValue("ArrowRight", true, column)).toBe(350);
  });

  it("grow a panel below when moving up, since its top edge is what moves", () => {
    expect(splitterKeyValue("ArrowUp", false, bottomPanel)).toBe(310);
    expect(splitterKeyValue("ArrowDown", false, bottomPanel)).toBe(290);
  });

  it("go to the ends with Home and End", () => {
    expect(splitterKeyValue("Home", false, column)).toBe(200);
    expect(splitterKeyValue("End", false, column)).toBe(600);
  });

  it("never leave the bounds", () => {
    expect(splitterKeyValue("ArrowRight", true, { ...column, value: 590 })).toBe(600);
    expect(splitterKeyValue("ArrowUp", true, { ...bottomPanel, value: 480 })).toBe(500);
  });

  it("ignore the keys across the axis and every other key", () => {
    expect(splitterKeyValue("ArrowUp", false, column)).toBeUndefined();
    expect(splitterKeyValue("ArrowLeft", false, bottomPanel)).toBeUndefined();
    expect(splitterKeyValue("a", false, column)).toBeUndefined();
  });
});

describe("dragging a splitter", () => {
  it("moves the size with the pointer, the other way for a panel below or on the right", () => {
    expect(splitterDragValue(300, 40, column)).toBe(340);
    expect(splitterDragValue(300, 40, bottomPanel)).toBe(260);
  });

  it("stops at the bounds, in whole pixels", () => {
    expect(splitterDragValue(300, 1000, column)).toBe(600);
    expect(splitterDragValue(300, 0.4, column)).toBe(300);
  });
});

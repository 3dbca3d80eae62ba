import { describe, expect, it } from "vitest";
import { firstOf, rowsInView, scrollToShow } from "./listWindow";

describe("rows in view", () => {
  it("are the rows the viewport covers, with overscan either side", () => {
    expect(rowsInView(0, 100, 1000, 20, 2)).toEqual({ first: 0, last: 7 });
    expect(rowsInView(400, 100, 1000, 20, 2)).toEqual({ first: 18, last: 27 });
  });

  it("never run past the list, however far it is scrolled", () => {
    expect(rowsInView(19_900, 100, 1000, 20, 8)).toEqual({ first: 987, last: 1000 });
    expect(rowsInView(50_000, 100, 1000, 20, 8)).toEqual({ first: 1000, last: 1000 });
    expect(rowsInView(0, 100, 0, 20, 8)).toEqual({ first: 0, last: 0 });
  });
});

describe("scrolling a row into view", () => {
  it("leaves the list where it is when the row is in view", () => {
    expect(scrollToShow(100, 200, 120, 20)).toBeUndefined();
    expect(scrollToShow(100, 200, 280, 20)).toBeUndefined();
  });

  it("brings a row below or above the view to the middle of it", () => {
    expect(scrollToShow(100, 200, 500, 20)).toBe(400);
    expect(scrollToShow(400, 200, 100, 20)).toBe(0);
  });

  it("shows rows where the list is scrolled to at once, not where it was (a streaming run's newest rows)", () => {
    // 1,000 rows so far, the view at the top; the newest row is the playhead's.
    const top = scrollToShow(0, 220, 999 * 22, 22) ?? 0;
    const { first, last } = rowsInView(top, 220, 1000, 22, 8);
    expect(first).toBeLessThanOrEqual(999);
    expect(last).toBe(1000);
  });
});

describe("the first items of a long list", () => {
  it("are all of a short list", () => {
    const items = [1, 2, 3];
    expect(firstOf(items, 5)).toEqual({ shown: items, hidden: 0 });
  });

  it("cut a long one at the limit and count what is left out", () => {
    const items = Array.from({ length: 300_000 }, (_, k) => k);
    const { shown, hidden } = firstOf(items, 100);
    expect(shown).toEqual(items.slice(0, 100));
    expect(hidden).toBe(299_900);
  });

  it("keep an item past the limit that must stay in sight, in order", () => {
    const items = Array.from({ length: 1000 }, (_, k) => k);
    expect(firstOf(items, 3, (k) => k === 700)).toEqual({ shown: [0, 1, 2, 700], hidden: 996 });
  });
});

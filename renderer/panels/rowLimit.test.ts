import { describe, expect, it } from "vitest";
import { limitRows } from "./rowLimit";

describe("limiting a full list's rows", () => {
  it("shows a short list whole", () => {
    const items = [1, 2, 3];
    expect(limitRows(items, () => false, 5)).toEqual({ shown: items, hidden: 0 });
  });

  it("shows the first rows of a long one, keeps the ones asked for, and counts the rest", () => {
    const items = Array.from({ length: 1000 }, (_, i) => i);
    const { shown, hidden } = limitRows(items, (i) => i === 700, 10);
    expect(shown).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 700]);
    expect(hidden).toBe(989);
  });
});

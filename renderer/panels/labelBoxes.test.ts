import { describe, expect, it } from "vitest";
import { boxAround, boxesOverlap, labelWidth, overlappingLabels, type LabelBox } from "./labelBoxes";

describe("label boxes", () => {
  it("overlap when they share area, not when they only touch", () => {
    const a = boxAround(0, 0, 10, 5);
    expect(boxesOverlap(a, boxAround(15, 0, 10, 5))).toBe(true);
    expect(boxesOverlap(a, boxAround(20, 0, 10, 5))).toBe(false);
    expect(boxesOverlap(a, boxAround(0, 10, 10, 5))).toBe(false);
    expect(boxesOverlap(a, boxAround(0, 10, 10, 5), 1)).toBe(true);
  });

  it("are found overlapping in exactly the pairs a comparison of every pair finds", () => {
    // A fixed pseudo-random scatter (no Math.random: the run must be the same every time).
    let seed = 7;
    const next = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const labels: LabelBox[] = Array.from({ length: 200 }, (_, i) => ({
      key: `l${i}`,
      box: boxAround(next() * 600, next() * 400, 5 + next() * 40, 7),
    }));
    const brute: string[] = [];
    for (let i = 0; i < labels.length; i++)
      for (let j = i + 1; j < labels.length; j++)
        if (boxesOverlap((labels[i] as LabelBox).box, (labels[j] as LabelBox).box)) brute.push(`l${i}|l${j}`);
    const swept = overlappingLabels(labels).map(([a, b]) => [a, b].sort((x, y) => Number(x.slice(1)) - Number(y.slice(1))).join("|"));
    expect(brute.length).toBeGreaterThan(0);
    expect(swept.sort()).toEqual(brute.sort());
  });
});

describe("a label's width", () => {
  // What Chromium drew on Debian, where system-ui is DejaVu Sans (the widest font the CSS may get).
  it.each([
    ["G4 worker 2 · sleep", "node", 120],
    ["12 goroutines (G2…G13)", "node", 152],
    ["WaitGroup merge", "node", 109],
    ["chan worker 1 out", "code", 113],
    ["parked receiver", "edge", 78],
    ["Add/Done", "edge", 50],
    ["recv ×12", "edge", 46],
  ] as const)("is never narrower than a browser draws %j", (text, font, drawn) => {
    expect(labelWidth(text, font)).toBeGreaterThanOrEqual(drawn);
    // …and not so much wider that nodes look padded.
    expect(labelWidth(text, font)).toBeLessThan(drawn * 1.2);
  });

  it("grows with the text and gives every character of a monospace font the same width", () => {
    expect(labelWidth("G12 worker", "node")).toBeGreaterThan(labelWidth("G1 worker", "node"));
    expect(labelWidth("chan iiii", "code")).toBe(labelWidth("chan mmmm", "code"));
    expect(labelWidth("", "edge")).toBe(0);
  });
});

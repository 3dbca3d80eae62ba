import { describe, expect, it } from "vitest";
import { StateCode } from "../../../traces/model/index";
import { OVERVIEW_STACK, overviewSummary } from "./overview";
import { busyModel, handoffModel } from "../../testing/timelineFixtures";

describe("the overview strip's summary", () => {
  it("each column counts the goroutines in each state, on average over its stretch", () => {
    const model = handoffModel();
    // One column per event: column i covers event i's stretch.
    const s = overviewSummary(model, "sequence", model.length);
    const at = (code: number, i: number): number => s.load[code]?.[i] ?? 0;
    expect(at(StateCode.running, 5)).toBeCloseTo(1);
    expect(at(StateCode.blockedRecv, 7)).toBeCloseTo(1);
    expect(at(StateCode.running, 7)).toBeCloseTo(1);
    expect(at(StateCode.blockedRecv, 9)).toBeCloseTo(0);
  });

  it("partial columns count the share of the column a span covers", () => {
    const model = handoffModel();
    // 17 events in 5 columns of 3.4 events: the worker's wait, events [6, 9), covers
    // columns 1.76..2.65, so 0.24 of column 1 and 0.65 of column 2.
    const s = overviewSummary(model, "sequence", 5);
    const blocked = s.load[StateCode.blockedRecv];
    expect(blocked?.[0]).toBeCloseTo(0);
    expect(blocked?.[1]).toBeCloseTo(2 - 6 / 3.4);
    expect(blocked?.[2]).toBeCloseTo(9 / 3.4 - 2);
    expect(blocked?.[3]).toBeCloseTo(0);
  });

  it("exited goroutines are not stacked and the peak bounds every column", () => {
    const model = busyModel(50);
    const s = overviewSummary(model, "sequence", 40);
    expect(OVERVIEW_STACK).not.toContain(StateCode.exited);
    for (let c = 0; c < s.columns; c++) {
      const total = OVERVIEW_STACK.reduce((n, code) => n + (s.load[code]?.[c] ?? 0), 0);
      expect(total).toBeLessThanOrEqual(s.peak + 1e-5);
      expect(total).toBeLessThanOrEqual(2 + 1e-5);
    }
  });
});

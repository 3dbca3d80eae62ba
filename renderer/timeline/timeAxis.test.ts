import { describe, expect, it } from "vitest";
import { buildModel } from "../../traces/model/index";
import { bufferedModel, instantDeadlockEvents, instantDeadlockModel } from "../testing/fixtureTraces";
import { openingAxis, timeAxisNote, timeAxisTitle, tookNoTime } from "./timeAxis";

describe("a run that took no time, by time", () => {
  const instant = instantDeadlockModel();
  const timed = bufferedModel();

  it("is one whose events all happened at one instant", () => {
    expect(tookNoTime(instant)).toBe(true);
    expect(tookNoTime(timed)).toBe(false);
    expect(tookNoTime(buildModel([]))).toBe(false);
  });

  it("opens by event, whichever axis was chosen", () => {
    expect(openingAxis(instant, "time")).toBe("sequence");
    expect(openingAxis(instant, "sequence")).toBe("sequence");
  });

  it("leaves a run that took time on the chosen axis", () => {
    expect(openingAxis(timed, "time")).toBe("time");
    expect(openingAxis(timed, "sequence")).toBe("sequence");
  });

  it("says why by time is empty, and what shows the events", () => {
    expect(timeAxisNote(instant, "time")).toBe(
      `This run took 0ns of virtual time: all ${instant.length} events happened at t = 0ns. Switch to by event to see them in order.`,
    );
  });

  it("says it of the run so far while the run is still going", () => {
    const live = buildModel(instantDeadlockEvents().slice(0, 8));
    expect(timeAxisNote(live, "time")).toBe(
      "So far this run has taken 0ns of virtual time: all 8 events happened at t = 0ns. Switch to by event to see them in order.",
    );
  });

  it("says nothing by event, or for a run that took time", () => {
    expect(timeAxisNote(instant, "sequence")).toBeUndefined();
    expect(timeAxisNote(timed, "time")).toBeUndefined();
  });

  it("the by-time switch's tooltip says so too", () => {
    expect(timeAxisTitle(timed)).toBe("x = virtual time");
    expect(timeAxisTitle(undefined)).toBe("x = virtual time");
    expect(timeAxisTitle(instant)).toBe(
      "x = virtual time. This run took 0ns of it, so every event sits at t = 0ns: by event shows them in order",
    );
  });
});

import { describe, expect, it } from "vitest";
import { playheadReadout } from "./readout";

describe("the toolbar's playhead readout", () => {
  it("names the last of 48 events #47, as the event list and the inspector do", () => {
    expect(playheadReadout(47, 48)).toBe("event #47 · 48 events");
  });

  it("names the first event #0", () => {
    expect(playheadReadout(0, 48)).toBe("event #0 · 48 events");
  });

  it("says the playhead is before event #0 at the start", () => {
    expect(playheadReadout(-1, 48)).toBe("before event #0 · 48 events");
  });

  it("counts one event in the singular and many with separators", () => {
    expect(playheadReadout(0, 1)).toBe("event #0 · 1 event");
    expect(playheadReadout(1233, 1234)).toBe("event #1233 · 1,234 events");
  });

  it("says a trace without events has none", () => {
    expect(playheadReadout(-1, 0)).toBe("no events");
  });
});

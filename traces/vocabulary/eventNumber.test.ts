import { describe, expect, it } from "vitest";
import { eventIndex } from "../events";
import { eventNumber } from "./eventNumber";

describe("an event's number", () => {
  it("counts from #0, the trace's first event", () => {
    expect(eventNumber(eventIndex(0))).toBe("#0");
    expect(eventNumber(eventIndex(47))).toBe("#47");
  });

  it("is written without separators, as explain --at and the search take it", () => {
    expect(eventNumber(eventIndex(1_234_567))).toBe("#1234567");
  });
});

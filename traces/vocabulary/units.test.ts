import { describe, expect, it } from "vitest";
import { formatBytes, formatTime, MS, nanos } from "./units";

describe("formatTime", () => {
  it.each([
    [0, "0ns"],
    [12, "12ns"],
    [999, "999ns"],
    [1000, "1µs"],
    [250_000, "250µs"],
    [999_999, "999.999µs"],
    [1_000_000, "1ms"],
    [1_500_000, "1.5ms"],
    [123_456_789, "123.457ms"],
    [1e9, "1s"],
    [90e9, "90s"],
  ])("says %d ns as %s", (ns, text) => {
    expect(formatTime(ns)).toBe(text);
  });

  it("says a time that rounds up to a whole next unit in that unit", () => {
    expect(formatTime(999_999_999)).toBe("1s");
    expect(formatTime(999_999.9996)).toBe("1ms");
    expect(formatTime(999.9996)).toBe("1µs");
  });

  it("keeps the sign of a negative time and picks the unit by its size", () => {
    expect(formatTime(-1_500_000)).toBe("-1.5ms");
    expect(formatTime(-12)).toBe("-12ns");
    expect(formatTime(-999_999_999)).toBe("-1s");
  });

  it("never says minus zero", () => {
    expect(formatTime(-0)).toBe("0ns");
    expect(formatTime(-0.0001)).toBe("0ns");
  });

  it("rounds a fraction of a nanosecond to three decimals", () => {
    expect(formatTime(0.1 + 0.2)).toBe("0.3ns");
  });

  it("takes Nanos as they come out of the trace", () => {
    expect(formatTime(nanos(3 * MS))).toBe("3ms");
  });

  it("says a time that is not a number as it is", () => {
    expect(formatTime(Number.NaN)).toBe("NaN");
    expect(formatTime(Infinity)).toBe("Infinity");
  });
});

describe("formatBytes", () => {
  it.each([
    [0, "0 B"],
    [512, "512 B"],
    [1023, "1023 B"],
    [1024, "1.0 KB"],
    [1536, "1.5 KB"],
    [5 * 1024 ** 2, "5.0 MB"],
    [3.25 * 1024 ** 3, "3.3 GB"],
  ])("says %d bytes as %s", (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });

  it("says a size that rounds up to a whole next unit in that unit", () => {
    expect(formatBytes(1024 ** 2 - 1)).toBe("1.0 MB");
  });
});

import { describe, expect, it } from "vitest";
import { durationString } from "./duration";
import { goString } from "./values";

const ns = 1;
const us = 1e3;
const ms = 1e6;
const s = 1e9;
const m = 60 * s;
const h = 60 * m;

describe("time.Duration.String", () => {
  it("prints zero as 0s", () => {
    expect(durationString(0)).toBe("0s");
  });

  it("prints less than a second in the largest unit below it, with a fraction", () => {
    expect([1 * ns, 999 * ns, 1 * us, 1.5 * us, 250 * ms, 1.5 * ms, 999999999 * ns].map(durationString)).toEqual([
      "1ns",
      "999ns",
      goString("1µs"),
      goString("1.5µs"),
      "250ms",
      "1.5ms",
      "999.999999ms",
    ]);
  });

  it("writes µ as U+00B5's two UTF-8 bytes", () => {
    expect(durationString(2 * us)).toBe("2\xc2\xb5s");
  });

  it("prints seconds, minutes and hours, stopping at hours", () => {
    expect([1.5 * s, 59 * s, 90 * s, 2 * h, 3723004005006 * ns, 100 * h].map(durationString)).toEqual([
      "1.5s",
      "59s",
      "1m30s",
      "2h0m0s",
      "1h2m3.004005006s",
      "100h0m0s",
    ]);
  });

  it("prints a negative duration with a minus", () => {
    expect([-1.5 * us, -90 * s].map(durationString)).toEqual([goString("-1.5µs"), "-1m30s"]);
  });
});

import { describe, expect, it } from "vitest";
import * as math from "./math";

describe("math", () => {
  it("rounds half away from zero, keeping the sign of zero", () => {
    expect([2.5, -2.5, 0.49999999999999994, -0.4].map(math.Round)).toEqual([3, -3, 0, -0]);
    expect([2.5, 3.5, -2.5].map(math.RoundToEven)).toEqual([2, 4, -2]);
  });

  it("has Go's special cases for Pow, Max, Min and Mod", () => {
    expect(math.Pow(1, NaN)).toBe(1);
    expect(math.Pow(-1, Infinity)).toBe(1);
    expect(math.Pow(2, 10)).toBe(1024);
    expect(math.Pow(-0, -3)).toBe(-Infinity);
    expect(math.Max(NaN, Infinity)).toBe(Infinity);
    expect(Object.is(math.Max(-0, 0), 0) && Object.is(math.Min(0, -0), -0)).toBe(true);
    expect(math.Min(NaN, 1)).toBeNaN();
    expect(math.Mod(-7, 3)).toBe(-1);
    expect(math.Mod(1, 0)).toBeNaN();
  });

  it("takes floats apart and puts them together", () => {
    expect(math.Frexp(8)).toEqual([0.5, 4]);
    expect(math.Frexp(5e-324)).toEqual([0.5, -1073]);
    expect(math.Ldexp(0.5, -1073)).toBe(5e-324);
    expect(math.Ldexp(1, 1024)).toBe(Infinity);
    expect(math.Modf(-3.25)).toEqual([-3, -0.25]);
    expect(math.Signbit(-0) && !math.Signbit(0)).toBe(true);
    expect(math.Copysign(3, -0)).toBe(-3);
  });

  it("computes logarithms as Go's amd64 build does, powers of two exactly", () => {
    expect(math.Log2(1024)).toBe(10);
    expect(math.Log10(0.5)).toBe(-0.3010299956639812);
    expect(math.Log(0)).toBe(-Infinity);
    expect(math.Log(-1)).toBeNaN();
  });

  it("has Inf, NaN and their tests", () => {
    expect([math.Inf(1), math.Inf(-1), math.Inf(0)]).toEqual([Infinity, -Infinity, Infinity]);
    expect(math.IsInf(-Infinity, 0) && !math.IsInf(-Infinity, 1)).toBe(true);
    expect(math.IsNaN(math.NaN())).toBe(true);
    expect(math.Hypot(3, 4)).toBe(5);
    expect(math.Sin(0) + math.Cos(0)).toBe(1);
  });
});

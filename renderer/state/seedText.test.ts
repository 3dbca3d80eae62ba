import { describe, expect, it } from "vitest";
import { seedOfText } from "./seedText";

describe("the seed field", () => {
  it("accepts a whole number from 0 to 2^31-1, spaces around it allowed", () => {
    expect(seedOfText("0")).toEqual({ seed: 0 });
    expect(seedOfText(" 42 ")).toEqual({ seed: 42 });
    expect(seedOfText("2147483647")).toEqual({ seed: 2147483647 });
  });

  it("says why it refuses a negative, a fraction, an empty field, a word or a number too large", () => {
    expect(seedOfText("-3")).toEqual({ problem: "A seed cannot be negative (-3); use 0 to 2,147,483,647." });
    expect(seedOfText("1.5")).toEqual({ problem: "A seed is a whole number; 1.5 has a fraction." });
    expect(seedOfText("")).toEqual({ problem: "Enter a seed: a whole number from 0 to 2,147,483,647." });
    expect(seedOfText("abc")).toEqual({ problem: '"abc" is not a number; a seed is a whole number from 0 to 2,147,483,647.' });
    expect(seedOfText("2147483648")).toEqual({ problem: "2147483648 is too large for a seed; the largest is 2,147,483,647." });
  });
});

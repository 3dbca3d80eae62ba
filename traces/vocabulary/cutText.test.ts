import { describe, expect, it } from "vitest";
import { cutText } from "./cutText";

describe("cutText", () => {
  it("keeps a text that fits", () => {
    expect(cutText("hello", 5)).toBe("hello");
  });

  it("cuts a long text and says how much is gone", () => {
    expect(cutText("x".repeat(1_234_577), 10)).toBe(`${"x".repeat(10)}… [cut: 1,234,567 more characters]`);
  });

  it("never cuts a surrogate pair in half", () => {
    expect(cutText("ab😀cd", 3)).toBe("ab… [cut: 4 more characters]");
  });
});

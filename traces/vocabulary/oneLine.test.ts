import { describe, expect, it } from "vitest";
import { oneLine } from "./oneLine";

describe("a name or value set into a line", () => {
  it("keeps ordinary text as it is", () => {
    expect(oneLine("jobs ✓ 42")).toBe("jobs ✓ 42");
  });

  it("writes line breaks as escapes, so it cannot start a line of its own", () => {
    expect(oneLine("x\nstatus: ok")).toBe("x\\nstatus: ok");
    expect(oneLine("a\r\nb\u2028c\u2029d")).toBe("a\\r\\nb\\u2028c\\u2029d");
  });
});

import { describe, expect, it } from "vitest";
import { promiseOf } from "./promiseOf";

describe("promiseOf", () => {
  it("resolves with what the function returns", async () => {
    await expect(promiseOf(() => 42)).resolves.toBe(42);
  });

  it("rejects with what the function throws, instead of throwing it", async () => {
    const boom = new Error("boom");
    const p = promiseOf(() => {
      throw boom;
    });
    await expect(p).rejects.toBe(boom);
  });

  it("runs the function at once, not in a later tick", () => {
    let ran = false;
    void promiseOf(() => {
      ran = true;
    });
    expect(ran).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import { trace } from "../testing/traceBuilder";
import { isVerdict, verdictFrom } from "./verdict";

describe("when stuck means stuck for good", () => {
  const waiting = () => trace().main().make(1, 1, 0, "c").spawn(1, 2, "w").run(2).block(2, "chan receive", { ch: 1 }).run(1); // 0-6

  it("mid-run it never is: a goroutine that has not touched the channel yet may still wake the waiter", () => {
    const m = waiting().model();
    expect(verdictFrom(m.ending)).toBeUndefined();
    expect(isVerdict(m.ending, 6)).toBe(false);
  });

  it("from the runtime's deadlock on", () => {
    const m = waiting().block(1, "chan receive", { ch: 1 }).deadlock().end("deadlock").model(); // 7, 8, 9
    expect(verdictFrom(m.ending)).toBe(8);
    expect(isVerdict(m.ending, 7)).toBe(false);
    expect(isVerdict(m.ending, 9)).toBe(true);
  });

  it("from main's return on, at the first leak", () => {
    const m = waiting().exit(1).leak(2, "chan receive", { ch: 1 }).end("ok").model(); // 7, 8, 9
    expect(verdictFrom(m.ending)).toBe(8);
  });

  it("never in a run a limit stopped: the program was still going", () => {
    const m = waiting().end("timeout", { limit: "events" }).model();
    expect(verdictFrom(m.ending)).toBeUndefined();
  });
});

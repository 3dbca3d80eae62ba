import { describe, expect, it } from "vitest";
import { goroutineId } from "../events";
import { DEADLOCK_MESSAGE, goroutineHeader, panicHeadline, SEND_ON_CLOSED_CHANNEL } from "./goMessages";

describe("Go's messages", () => {
  it("spell the deadlock as Go prints it", () => {
    expect(DEADLOCK_MESSAGE).toBe("fatal error: all goroutines are asleep - deadlock!");
  });

  it("spell the panic of a send on a closed channel as Go does", () => {
    expect(SEND_ON_CLOSED_CHANNEL).toBe("send on closed channel");
  });

  it("head a panic with panic: and a fatal error with fatal error:", () => {
    expect(panicHeadline("send on closed channel", false)).toBe("panic: send on closed channel");
    expect(panicHeadline("sync: unlock of unlocked mutex", true)).toBe("fatal error: sync: unlock of unlocked mutex");
  });

  it("head a goroutine as Go's goroutine dump does, with its name when it has one", () => {
    expect(goroutineHeader({ id: goroutineId(2), name: "worker" }, "chan receive")).toBe("goroutine 2 (worker) [chan receive]");
    expect(goroutineHeader({ id: goroutineId(2), name: undefined }, "runnable")).toBe("goroutine 2 [runnable]");
    expect(goroutineHeader({ id: goroutineId(2), name: "worker" })).toBe("goroutine 2 (worker)");
  });
});

import { describe, expect, it } from "vitest";
import { ENDING_TITLES, mainReturnedHeadline, mainReturnedKind, unawaitedWhy } from "./endings";

describe("the words for how a run ended", () => {
  it("calls a run by the most telling thing main's return left behind", () => {
    expect(mainReturnedKind({ leaked: 0, unawaited: 0, unfinished: 0 })).toBe("finished");
    expect(mainReturnedKind({ leaked: 0, unawaited: 0, unfinished: 2 })).toBe("unfinished");
    expect(mainReturnedKind({ leaked: 1, unawaited: 0, unfinished: 2 })).toBe("leak");
    expect(mainReturnedKind({ leaked: 1, unawaited: 1, unfinished: 0 })).toBe("unawaited");
  });

  it("calls sleeping goroutines cut off by main's return unfinished, not leaked", () => {
    expect(mainReturnedHeadline({ leaked: 0, unawaited: 0, unfinished: 2 })).toBe(
      "main returned while 2 goroutines had not finished: the program ended under them.",
    );
    expect(ENDING_TITLES[mainReturnedKind({ leaked: 0, unawaited: 0, unfinished: 2 })]).toBe("Main returned early");
  });

  it("says a leak and a missing await in one sentence each", () => {
    expect(mainReturnedHeadline({ leaked: 1, unawaited: 0, unfinished: 0 })).toBe(
      "main returned while 1 goroutine was still blocked: it leaked.",
    );
    expect(mainReturnedHeadline({ leaked: 0, unawaited: 1, unfinished: 0 })).toBe(
      "main returned while 1 goroutine was left on an operation never awaited: a missing await.",
    );
    expect(mainReturnedHeadline({ leaked: 2, unawaited: 1, unfinished: 1 })).toBe(
      "main returned while 2 goroutines were still blocked (they leaked), 1 goroutine was left on an operation never awaited and 1 goroutine had not finished.",
    );
    expect(mainReturnedHeadline({ leaked: 0, unawaited: 0, unfinished: 0 })).toBe("The program finished normally.");
  });

  it("says where the missing await goes", () => {
    expect(unawaitedWhy("prog.ts:6")).toBe(
      "and its function returned without awaiting it (the call at prog.ts:6), so it stays blocked on it: add `await`",
    );
    expect(unawaitedWhy(undefined)).toBe("and its function returned without awaiting it, so it stays blocked on it: add `await`");
  });
});

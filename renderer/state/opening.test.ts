import { describe, expect, it } from "vitest";
import { openingOfProgress, openingText } from "./opening";

describe("the status line while a trace opens", () => {
  it("says the host is reading, with how far, then that the timeline is being built", () => {
    expect(openingText(openingOfProgress({ name: "a.jsonl", bytesRead: 450, totalBytes: 1000 }))).toBe("Opening a.jsonl… 45%");
    expect(openingText(openingOfProgress({ name: "a.jsonl", bytesRead: 1000, totalBytes: 1000 }))).toBe(
      "Building the timeline of a.jsonl…",
    );
    expect(openingText(openingOfProgress({ name: "pipe", bytesRead: 4096, totalBytes: undefined }))).toBe("Opening pipe…");
  });

  it("counts the window's own reading of chunks as building, up to 100%", () => {
    expect(openingText({ name: "a.jsonl", phase: "building", bytesRead: 8, totalBytes: 10 })).toBe("Building the timeline of a.jsonl… 80%");
    expect(openingText({ name: "a.jsonl", phase: "building", bytesRead: 12, totalBytes: 10 })).toBe(
      "Building the timeline of a.jsonl… 100%",
    );
    expect(openingText({ name: "empty", phase: "building", bytesRead: 0, totalBytes: 0 })).toBe("Building the timeline of empty…");
  });
});

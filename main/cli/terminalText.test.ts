import { describe, expect, it } from "vitest";
import { terminalText, tracebackText } from "./terminalText";

describe("terminalText", () => {
  it("shows ESC, OSC title and clipboard sequences visibly", () => {
    expect(terminalText("a\x1b[2Jb")).toBe("a\\x1b[2Jb");
    expect(terminalText("\x1b]0;pwned\x07")).toBe("\\x1b]0;pwned\\x07");
    expect(terminalText("\x1b]52;c;aGk=\x1b\\")).toBe("\\x1b]52;c;aGk=\\x1b\\");
  });

  it("escapes carriage return, tab, DEL and C1 but keeps line breaks", () => {
    expect(terminalText("x\ry\tz\x7f\u009b2J\n")).toBe("x\\x0dy\\x09z\\x7f\\u009b2J\n");
  });

  it("leaves printable text, including non-ASCII, as it is", () => {
    expect(terminalText("G2 alice — `b` ≥ 1 ✓")).toBe("G2 alice — `b` ≥ 1 ✓");
  });

  it("keeps the tab that starts a Go traceback's file:line, and escapes the rest", () => {
    expect(tracebackText("panic: a\tb\x1b[2J\n\ngoroutine 1 [running]:\nmain.main()\n\tprog.go:4\n")).toBe(
      "panic: a\\x09b\\x1b[2J\n\ngoroutine 1 [running]:\nmain.main()\n\tprog.go:4\n",
    );
  });
});

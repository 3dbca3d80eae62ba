import { describe, expect, it } from "vitest";
import { GoPanic } from "../../../runtime/index";
import { Slice, goString } from "../values";
import * as utf8 from "./utf8";

const bytes = (s: string): Slice<number> => Slice.of(Array.from(s, (c) => c.charCodeAt(0)));

describe("unicode/utf8", () => {
  it("counts runes, an invalid byte as one", () => {
    expect(utf8.RuneCountInString(goString("héllo, 世界"))).toBe(9);
    expect(utf8.RuneCountInString("a\xffb\xe4\xb8")).toBe(5);
    expect(utf8.RuneCount(bytes(goString("€")))).toBe(1);
  });

  it("decodes the first and last rune, RuneError with width 1 for invalid bytes", () => {
    expect(utf8.DecodeRuneInString(goString("世界"))).toEqual([0x4e16, 3]);
    expect(utf8.DecodeRuneInString("")).toEqual([0xfffd, 0]);
    expect(utf8.DecodeRuneInString("\xff")).toEqual([0xfffd, 1]);
    expect(utf8.DecodeLastRuneInString(goString("世界"))).toEqual([0x754c, 3]);
    expect(utf8.DecodeLastRuneInString("a\xe4\xb8")).toEqual([0xfffd, 1]);
    expect(utf8.DecodeLastRuneInString("")).toEqual([0xfffd, 0]);
  });

  it("tells valid UTF-8 and runes", () => {
    expect(utf8.ValidString(goString("héllo"))).toBe(true);
    expect(utf8.ValidString("\xed\xa0\x80")).toBe(false); // a surrogate
    expect(utf8.ValidString(goString("\ufffd"))).toBe(true);
    expect(utf8.Valid(bytes("\xc0\x80"))).toBe(false);
    expect(utf8.ValidRune(0xd800)).toBe(false);
    expect(utf8.ValidRune(0x10ffff)).toBe(true);
    expect([0x41, 0xe9, 0x20ac, 0x1f600, -1, 0x110000, 0xdfff].map(utf8.RuneLen)).toEqual([1, 2, 3, 4, -1, -1, -1]);
  });

  it("encodes into a []byte, panicking when it is too short", () => {
    const p = Slice.of([0, 0, 0, 0]);
    expect(utf8.EncodeRune(p, 0x20ac)).toBe(3);
    expect(p.toArray()).toEqual([0xe2, 0x82, 0xac, 0]);
    expect(utf8.EncodeRune(p, 0xd800)).toBe(3); // invalid: U+FFFD
    expect(() => utf8.EncodeRune(Slice.of([0]), 0x20ac)).toThrow(GoPanic);
    expect(() => utf8.EncodeRune(Slice.of([0]), 0x20ac)).toThrow("index out of range [2] with length 1");
  });

  it("appends a rune with Go's growth", () => {
    const out = utf8.AppendRune(null, 0x20ac);
    expect([out?.toArray(), out?.cap]).toEqual([[0xe2, 0x82, 0xac], 8]);
    const more = utf8.AppendRune(out, 0x41);
    expect([more?.toArray(), more?.cap, more?.array === out?.array]).toEqual([[0xe2, 0x82, 0xac, 0x41], 8, true]);
  });

  it("tells whether bytes begin a full rune", () => {
    expect(utf8.FullRuneInString("\xe2\x82")).toBe(false);
    expect(utf8.FullRuneInString("\xe2\x82\xac")).toBe(true);
    expect(utf8.FullRuneInString("\xe2A")).toBe(true); // can never become one
    expect(utf8.FullRuneInString("")).toBe(false);
    expect(utf8.RuneStart(0x82)).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import type { Iface } from "../values";
import { Slice, goString } from "../values";
import { Is, errorText } from "./errors";
import * as strconv from "./strconv";

const text = (err: Iface | null): string => (err === null ? "<nil>" : errorText(err));

describe("strconv", () => {
  it("parses with Go's *NumError, whose Err is ErrSyntax or ErrRange itself", () => {
    const [n, err] = strconv.Atoi("12a");
    expect([n, text(err)]).toEqual([0, 'strconv.Atoi: parsing "12a": invalid syntax']);
    expect(Is(err, strconv.ErrSyntax)).toBe(true);
    const numErr = err?.value as strconv.NumError;
    expect([numErr.Func, numErr.Num, numErr.Err]).toEqual(["Atoi", "12a", strconv.ErrSyntax]);
    const [v, rangeErr] = strconv.ParseInt("300", 10, 8);
    expect([v, text(rangeErr), Is(rangeErr, strconv.ErrRange)]).toEqual([127, 'strconv.ParseInt: parsing "300": value out of range', true]);
    expect(text(strconv.ParseInt("1", 1, 64)[1])).toBe('strconv.ParseInt: parsing "1": invalid base 1');
    expect(strconv.ParseFloat("1e3", 64)).toEqual([1000, null]);
    expect(strconv.ParseBool("T")).toEqual([true, null]);
    expect(strconv.ParseUint("0x1f", 0, 64)).toEqual([31, null]);
  });

  it("formats, with FormatFloat's verb as a byte", () => {
    expect(strconv.Itoa(-42)).toBe("-42");
    expect(strconv.FormatInt(255, 16)).toBe("ff");
    expect(strconv.FormatFloat(3.14159, 0x66, 2, 64)).toBe("3.14");
    expect(strconv.FormatBool(false)).toBe("false");
    expect(strconv.Quote(goString("hé\n"))).toBe('"h\xc3\xa9\\n"');
    expect(strconv.QuoteToASCII(goString("hé"))).toBe('"h\\u00e9"');
    expect(strconv.QuoteRune(0x263a)).toBe(goString("'☺'"));
  });

  it("unquotes Go literals", () => {
    expect(strconv.Unquote('"a\\tb\\u00e9"')).toEqual([goString("a\tbé"), null]);
    expect(strconv.Unquote("`raw\\n`")).toEqual(["raw\\n", null]);
    expect(strconv.Unquote("'x'")).toEqual(["x", null]);
    expect(strconv.Unquote("'xy'")).toEqual(["", strconv.ErrSyntax]);
    expect(strconv.Unquote('"\\q"')).toEqual(["", strconv.ErrSyntax]);
    expect(strconv.Unquote('"abc')).toEqual(["", strconv.ErrSyntax]);
  });

  it("appends with Go's growth", () => {
    const out = strconv.AppendInt(Slice.of([0x78]), -5, 10);
    expect([out?.toArray(), out?.cap]).toEqual([[0x78, 0x2d, 0x35], 8]);
  });
});

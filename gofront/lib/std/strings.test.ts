import { describe, expect, it } from "vitest";
import { GoPanic } from "../../../runtime/index";
import { pointerTo } from "../types";
import { Slice, goString } from "../values";
import * as strings from "./strings";

const g = goString;
const arr = (s: Slice<string> | null): string[] | null => s?.toArray() ?? null;

describe("strings", () => {
  it("Builder collects bytes and reports Go's results", () => {
    const b = new strings.Builder();
    expect(b.WriteString(g("hé"))).toEqual([3, null]);
    expect(b.WriteByte(0x21)).toBe(null);
    expect(b.WriteRune(0x20ac)).toEqual([3, null]);
    expect(b.Write(Slice.of([0x41]))).toEqual([1, null]);
    expect([b.String(), b.Len()]).toEqual([g("hé!€A"), 8]);
    b.Reset();
    expect(b.Len()).toBe(0);
    expect(() => b.Grow(-1)).toThrow("strings.Builder.Grow: negative count");
  });

  it("a *Builder's method table serves io.Writer and fmt.Stringer", () => {
    const b = new strings.Builder();
    const table = pointerTo(strings.Builder$type).methods;
    table.get("Write")?.(b, Slice.of([0x78]));
    expect(table.get("String")?.(b)).toBe("x");
    expect(strings.Builder$type.methods.size).toBe(0); // pointer receivers only
  });

  it("splits as Go does, with its nil and n rules", () => {
    expect(arr(strings.Split("a,b,,c", ","))).toEqual(["a", "b", "", "c"]);
    expect(arr(strings.SplitN("a,b,c", ",", 2))).toEqual(["a", "b,c"]);
    expect(arr(strings.SplitN("a,b,c", ",", 0))).toBe(null);
    expect(arr(strings.SplitAfter("a,b", ","))).toEqual(["a,", "b"]);
    expect(arr(strings.Split(g("hé"), ""))).toEqual(["h", g("é")]);
    expect(arr(strings.Fields(g(" a\u00a0b\t c \u3000")))).toEqual(["a", "b", "c"]);
    expect(arr(strings.FieldsFunc("a1b22c", (r) => r >= 0x30 && r <= 0x39))).toEqual(["a", "b", "c"]);
  });

  it("searches by bytes, and by runes where Go decodes", () => {
    expect(strings.Index(g("héllo"), "l")).toBe(3);
    expect(strings.IndexRune(g("héllo"), 0xe9)).toBe(1);
    expect(strings.IndexRune("a\xff", 0xfffd)).toBe(1);
    expect(strings.IndexAny(g("héllo"), g("lé"))).toBe(1);
    expect(strings.ContainsRune("abc", 0x62)).toBe(true);
    expect(strings.Count("cheese", "e")).toBe(3);
    expect(strings.Count(g("five"), "")).toBe(5);
    expect(strings.Cut("k=v", "=")).toEqual(["k", "v", true]);
    expect(strings.IndexFunc("ab1", (r) => r === 0x31)).toBe(2);
  });

  it("maps case rune by rune with Go's simple mappings", () => {
    expect(strings.ToUpper(g("straße ǆ ᾳ"))).toBe(g("STRASSE Ǆ ᾼ").replace(g("SS"), g("ß")));
    expect(strings.ToLower(g("İSTANBUL"))).toBe(g("istanbul"));
    expect(strings.ToTitle(g("ǆ"))).toBe(g("ǅ"));
    expect(strings.Title(g("hello wörld-x"))).toBe(g("Hello Wörld-X"));
    expect(strings.ToUpper("a\xffb")).toBe(g("A\ufffdB"));
    expect(strings.EqualFold("Go", "GO")).toBe(true);
    expect(strings.EqualFold(g("k"), g("\u212a"))).toBe(true);
    expect(strings.EqualFold(g("İ"), "i")).toBe(false);
  });

  it("trims runes of a cutset or a predicate", () => {
    expect(strings.TrimSpace(g("\u00a0 x \u2028"))).toBe("x");
    expect(strings.Trim(g("ééxé"), g("é"))).toBe("x");
    expect(strings.TrimLeft("xxaxx", "x")).toBe("axx");
    expect(strings.TrimRight("xxaxx", "x")).toBe("xxa");
    expect(strings.TrimPrefix("prefix", "pre")).toBe("fix");
    expect(strings.TrimSuffix("a.go", ".go")).toBe("a");
    expect(strings.TrimFunc("123abc456", (r) => r < 0x40)).toBe("abc");
  });

  it("makes new strings: Replace, Repeat, Map, Join, NewReplacer", () => {
    expect(strings.Replace("oink oink oink", "k", "ky", 2)).toBe("oinky oinky oink");
    expect(strings.Replace("ab", "", "-", -1)).toBe("-a-b-");
    expect(strings.ReplaceAll("aaa", "a", "b")).toBe("bbb");
    expect(strings.Repeat("ab", 3)).toBe("ababab");
    expect(() => strings.Repeat("x", -1)).toThrow(GoPanic);
    expect(() => strings.Repeat("x", -1)).toThrow("strings: negative Repeat count");
    expect(strings.Map((r) => (r === 0x61 ? -1 : r + 1), "abc")).toBe("cd");
    expect(strings.Join(Slice.of(["a", "b"]), ", ")).toBe("a, b");
    expect(strings.Join(null, ",")).toBe("");
    expect(strings.NewReplacer(Slice.of(["<", "&lt;", ">", "&gt;"])).Replace("<a>")).toBe("&lt;a&gt;");
    expect(() => strings.NewReplacer(Slice.of(["a"]))).toThrow("strings.NewReplacer: odd argument count");
  });

  it("says so when a function passed to it blocks", () => {
    expect(() => strings.Map(() => Promise.resolve(1), "a")).toThrow(
      "strings.Map: the function passed to it blocks, which chanscope does not support",
    );
  });

  it("compares bytewise", () => {
    expect([strings.Compare("a", "b"), strings.Compare("b", "a"), strings.Compare("a", "a")]).toEqual([-1, 1, 0]);
    expect(strings.HasPrefix("golang", "go") && strings.HasSuffix("golang", "ng")).toBe(true);
  });
});

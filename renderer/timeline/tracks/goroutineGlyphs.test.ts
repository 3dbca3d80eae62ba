import { describe, expect, it } from "vitest";
import { channelId, eventIndex, goroutineId } from "../../../traces/events";
import { channelColor, STATE_COLORS, THEMES } from "../../theme/palette";
import { RecordingCanvas } from "../../testing/recordingCanvas";
import { contextFor, handoffModel } from "../../testing/timelineFixtures";
import { trace } from "../../../traces/testing/traceBuilder";
import { GLYPH_RADIUS, OUTPUT_MARK_RISE } from "../geometry";
import { layoutTimeline } from "../layout";
import type { Glyph } from "../layoutTypes";
import { goroutineLaneMiddle } from "../renderContext";
import { glyphKindOf, hitGlyph, layoutGlyphs, paintGlyph } from "./goroutineGlyphs";

const model = handoffModel();
const rc = contextFor(model);
const light = THEMES.light;
const glyph = (g: Partial<Glyph>): Glyph => ({
  kind: "send",
  index: eventIndex(4),
  g: goroutineId(1),
  x: 400,
  y: 120,
  ch: channelId(1),
  empty: false,
  childY: undefined,
  ...g,
});

describe("which events get a glyph", () => {
  it("channel operations, spawns, selects, cancels and panics do; scheduling does not", () => {
    expect(glyphKindOf("send")).toBe("send");
    expect(glyphKindOf("ctx.cancel")).toBe("cancel");
    expect(glyphKindOf("output")).toBe("output");
    expect(glyphKindOf("yield")).toBeUndefined();
    expect(glyphKindOf("block")).toBeUndefined();
  });
});

describe("painting glyphs", () => {
  it("a send is a dot filled with its channel's colour and outlined for contrast", () => {
    const canvas = new RecordingCanvas();
    paintGlyph(canvas.ctx, glyph({}), rc, light, 1);
    expect(canvas.ops("arc")[0]?.args).toEqual([400, 120, GLYPH_RADIUS, 0, Math.PI * 2]);
    expect(canvas.ops("fill")[0]?.fillStyle).toBe(channelColor(channelId(1), "light"));
    expect(canvas.ops("stroke")[0]?.strokeStyle).toBe(light.glyphOutline);
  });

  it("a receive is a ring in its channel's colour; the zero value of a closed channel is slashed", () => {
    const plain = new RecordingCanvas();
    paintGlyph(plain.ctx, glyph({ kind: "recv" }), rc, light, 1);
    expect(plain.ops("fill")[0]?.fillStyle).toBe(light.glyphOutline);
    expect(plain.ops("stroke")[0]?.strokeStyle).toBe(channelColor(channelId(1), "light"));
    expect(plain.ops("lineTo")).toHaveLength(0);
    const empty = new RecordingCanvas();
    paintGlyph(empty.ctx, glyph({ kind: "recv", empty: true }), rc, light, 1);
    expect(empty.ops("lineTo")[0]?.args).toEqual([400 + GLYPH_RADIUS, 120 - GLYPH_RADIUS]);
  });

  it("a panic is a triangle in the panicked colour with the theme's mark", () => {
    const canvas = new RecordingCanvas();
    paintGlyph(canvas.ctx, glyph({ kind: "panic", ch: undefined }), rc, light, 1);
    expect(canvas.ops("fill")[0]?.fillStyle).toBe(STATE_COLORS.light.panicked);
    const mark = canvas.ops("fillText")[0];
    expect(mark?.args[0]).toBe("!");
    expect(mark?.fillStyle).toBe(light.glyphMark);
    expect(mark?.font).toBe(`700 8px ${light.glyphFontFamily}`);
  });

  it("a glyph without a channel is drawn in the text colour", () => {
    const canvas = new RecordingCanvas();
    paintGlyph(canvas.ctx, glyph({ kind: "select", ch: undefined, empty: false }), rc, light, 1);
    expect(canvas.ops("fill")[0]?.fillStyle).toBe(light.text);
  });

  it("a hovered glyph is drawn larger", () => {
    const canvas = new RecordingCanvas();
    paintGlyph(canvas.ctx, glyph({}), rc, light, 1.5);
    expect(canvas.ops("arc")[0]?.args[2]).toBe(GLYPH_RADIUS * 1.5);
    expect(canvas.ops("stroke")[0]?.lineWidth).toBe(1.25 * 1.5);
  });
});

describe("hitting glyphs", () => {
  it("the pointer near a glyph's centre hits it, farther away it does not", () => {
    const layout = layoutTimeline(model, rc);
    const g = layout.glyphs[0];
    if (g === undefined) throw new Error("the handoff has glyphs");
    expect(hitGlyph(layout, g.x + 3, g.y + 3)?.glyph).toBe(g);
    expect(hitGlyph(layout, g.x + 30, g.y + 30)).toBeUndefined();
  });
});

describe("the marks of printed lines", () => {
  // 0 spawn main · 1 run main · 2 main prints · 3 spawn worker · 4 worker prints to stderr · 5 exit · 6 end
  const printing = trace()
    .main()
    .output(1, "hello")
    .spawn(1, 2, "worker")
    .output(2, "oops", { stream: "stderr" })
    .exit(1)
    .end("ok")
    .model();
  const prc = contextFor(printing);
  const marks = (eventDetail: boolean) =>
    layoutGlyphs(printing, prc, [eventIndex(0), eventIndex(printing.length)], eventDetail).filter((g) => g.kind === "output");

  it("sit on the top edge of the printing goroutine's lane, a stderr line marked as such", () => {
    const [hello, oops] = marks(true);
    expect(hello).toMatchObject({ index: 2, g: 1, y: goroutineLaneMiddle(prc, goroutineId(1)) - OUTPUT_MARK_RISE, empty: false });
    expect(oops).toMatchObject({ index: 4, g: 2, y: goroutineLaneMiddle(prc, goroutineId(2)) - OUTPUT_MARK_RISE, empty: true });
  });

  it("stay when the window holds too many events for the other glyphs", () => {
    expect(marks(false).map((g) => g.index)).toEqual([2, 4]);
  });

  it("are a small flag in the text colour, or the panicked colour for stderr", () => {
    const out = new RecordingCanvas();
    paintGlyph(out.ctx, glyph({ kind: "output", ch: undefined }), rc, light, 1);
    expect(out.ops("fill")[0]?.fillStyle).toBe(light.text);
    expect(out.ops("lineTo")).toHaveLength(2);
    const err = new RecordingCanvas();
    paintGlyph(err.ctx, glyph({ kind: "output", ch: undefined, empty: true }), rc, light, 1);
    expect(err.ops("fill")[0]?.fillStyle).toBe(STATE_COLORS.light.panicked);
  });
});

import { describe, expect, it } from "vitest";
import { eventIndex } from "../../../traces/events";
import { trace } from "../../../traces/testing/traceBuilder";
import { THEMES } from "../../theme/palette";
import { RecordingCanvas } from "../../testing/recordingCanvas";
import { bufferModel, contextFor } from "../../testing/timelineFixtures";
import { layoutTimeline } from "../layout";
import { CLOSED_WORD, GUTTER_VALUE_WIDTH, gutterMarks, gutterValueWidth, paintGutterMarks } from "./gutter";

/** main makes an unbuffered `done` (event 2), a worker takes a value from it and main closes it (event 6). */
function unbufferedClosed() {
  return trace()
    .main()
    .make(1, 1, 0, "done") // 2
    .spawn(1, 2, "worker") // 3
    .send(1, 1, "x", 0, { peer: 2 }) // 4
    .recv(2, 1, "x", { from: 4 }) // 5
    .close(1, 1) // 6
    .exit(2) // 7
    .exit(1) // 8
    .end("ok")
    .model();
}

const channelMark = (model: ReturnType<typeof bufferModel>, playhead: number) =>
  gutterMarks(layoutTimeline(model, contextFor(model)), eventIndex(playhead)).find((m) => m.kind === "channel");

describe("the gutter says a channel is closed", () => {
  it("in a word once the playhead is past its close, never a cross that reads as a dismiss button", () => {
    const model = bufferModel();
    expect(CLOSED_WORD).toBe("closed");
    expect(channelMark(model, 7)).toMatchObject({ text: "1/3", closed: false });
    expect(channelMark(model, 8)).toMatchObject({ text: "1/3", closed: true });
    const layout = layoutTimeline(model, contextFor(model));
    const canvas = new RecordingCanvas();
    paintGutterMarks(canvas.ctx, layout.context, gutterMarks(layout, eventIndex(8)), THEMES.light);
    const texts = canvas.ops("fillText");
    expect(texts.map((t) => t.args[0])).toEqual(["1/3", "closed"]);
    expect(texts.some((t) => /[×✕✖x]$/.test(String(t.args[0])))).toBe(false);
  });

  it("below a buffered channel's length, in the muted text colour", () => {
    const model = bufferModel();
    const layout = layoutTimeline(model, contextFor(model));
    const canvas = new RecordingCanvas();
    const marks = gutterMarks(layout, eventIndex(8));
    paintGutterMarks(canvas.ctx, layout.context, marks, THEMES.light);
    const [length, closed] = canvas.ops("fillText");
    expect(Number(closed?.args[2])).toBeGreaterThan(Number(length?.args[2]));
    expect(closed?.args[1]).toBe(length?.args[1]);
    expect(closed?.fillStyle).toBe(THEMES.light.textMuted);
  });

  it("for an unbuffered channel too, which has no length to show: only from its close on", () => {
    const model = unbufferedClosed();
    expect(channelMark(model, 5)).toBeUndefined();
    expect(channelMark(model, 6)).toMatchObject({ text: undefined, closed: true });
    const layout = layoutTimeline(model, contextFor(model));
    const canvas = new RecordingCanvas();
    paintGutterMarks(canvas.ctx, layout.context, gutterMarks(layout, eventIndex(6)), THEMES.dark);
    const mark = canvas.ops("fillText").find((t) => t.args[0] === "closed");
    expect(mark?.fillStyle).toBe(THEMES.dark.textMuted);
  });

  it("a channel that gets closed keeps the gutter's right part free for the word", () => {
    const model = unbufferedClosed();
    const layout = layoutTimeline(model, contextFor(model));
    const { gutter } = layout.context.geometry;
    const info = model.channels[0];
    if (info === undefined) throw new Error("no channel");
    const room = gutterValueWidth(info, layout.context.measureText);
    expect(room).toBeGreaterThanOrEqual(layout.context.measureText("closed", "axis"));
    expect(room).toBeLessThan(GUTTER_VALUE_WIDTH);
    const labels = layout.labels.filter((l) => l.role === "gutter" || l.role === "gutter-muted");
    const done = labels.filter((l) => l.text.startsWith("done") || l.text === "unbuffered");
    expect(done.length).toBeGreaterThan(0);
    for (const l of done) expect(l.x + l.width).toBeLessThanOrEqual(gutter.width - 10 - room);
  });
});

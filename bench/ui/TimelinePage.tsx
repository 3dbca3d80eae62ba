// A page that mounts the Timeline alone over a real trace, for the UI benchmark
// (bench/ui.bench.ts) and the timeline's end-to-end test: the same component
// the app mounts, driven by the same controlled props, with a small state
// holder in place of the app's reducer. Not part of the app: it generates
// traces with the traces test kit.
//
//   ?trace=URL          a JSONL trace file to fetch and read
//   ?synthetic=N&seed=S a generated trace of about N events, serialized to JSONL first
//   &theme=dark &axis=time &window=a,b &playhead=i &dpr-test

import { useLayoutEffect, useState } from "react";
import { createRoot } from "react-dom/client";
import { eventIndex, type TraceEvent } from "../../traces/events";
import { serializeEvent, serializeHeader, TraceReader } from "../../traces/format/index";
import { TraceModelBuilder, type TraceModel } from "../../traces/model/index";
import { BENCH_SHAPE, syntheticEvents } from "../../traces/testing/syntheticTrace";
import type { ThemeName } from "../../renderer/theme/palette";
import type { AxisMode, Selection, TimeWindow } from "../../renderer/timeline/contract";
import { themeTokens } from "../../renderer/theme/palette";
import { Timeline } from "../../renderer/timeline/Timeline";
import { fitWindow, followEnd } from "../../renderer/timeline/viewport";
import { timeWindow } from "../../renderer/timeline/axisScale";
import type { FrameRecord, TimelinePageApi } from "./pageApi";

const params = new URLSearchParams(location.search);
const frameWaiters: ((f: FrameRecord) => void)[] = [];
const timings: Record<string, number> = {};
const api: { -readonly [K in keyof TimelinePageApi]: TimelinePageApi[K] } = {
  status: "loading",
  error: undefined,
  timings,
  frames: [],
  lastCommit: 0,
  model: undefined,
  state: () => {
    throw new Error("not mounted yet");
  },
  setWindow: () => {},
  setPlayhead: () => {},
  setSelection: () => {},
  setTheme: () => {},
  setAxis: () => {},
  appendBatch: () => ({ events: 0, modelMs: 0 }),
  proceed: () => {},
  nextFrame: () => new Promise((ok) => frameWaiters.push(ok)),
  heapMB: () => {
    const m = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
    return m === undefined ? undefined : m.usedJSHeapSize / 2 ** 20;
  },
};
(globalThis as unknown as { __timeline: TimelinePageApi }).__timeline = api;

let peakHeap = 0;
const sampleHeap = (): void => {
  peakHeap = Math.max(peakHeap, api.heapMB() ?? 0);
};
const yieldToBrowser = (): Promise<void> => new Promise((ok) => setTimeout(ok, 0));

async function traceText(): Promise<string> {
  const url = params.get("trace");
  if (url !== null) {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`${url}: ${res.status}`);
    return res.text();
  }
  const n = Number(params.get("synthetic") ?? "100000");
  const seed = Number(params.get("seed") ?? "1");
  const lines: string[] = [
    serializeHeader({
      format: "chanscope-trace",
      version: 1,
      program: { name: `synthetic ${n}` },
      seed,
      strategy: "fifo",
      clock: "virtual",
      runtime: "bench",
      createdAt: new Date(0).toISOString(),
    }),
  ];
  let k = 0;
  for (const e of syntheticEvents({ seed, events: n, ...BENCH_SHAPE })) {
    lines.push(serializeEvent(e));
    if (++k % 200_000 === 0) {
      sampleHeap();
      await yieldToBrowser();
    }
  }
  return `${lines.join("\n")}\n`;
}

/** Reads the text the way the app reads a file: streamed through the reader into the builder, yielding now and then. */
async function readModel(text: string): Promise<TraceModel> {
  let builder: TraceModelBuilder | undefined;
  const pending: TraceEvent[] = [];
  const reader = new TraceReader({
    header: (h) => {
      builder = new TraceModelBuilder(h);
    },
    event: (e) => pending.push(e),
  });
  const CHUNK = 4 << 20;
  for (let at = 0; at < text.length; at += CHUNK) {
    reader.push(text.slice(at, at + CHUNK));
    for (const e of pending) builder?.add(e);
    pending.length = 0;
    sampleHeap();
    await yieldToBrowser();
  }
  reader.end();
  for (const e of pending) builder?.add(e);
  if (builder === undefined) throw new Error("the trace has no header");
  return builder.finish();
}

/** A live run's source: the rest of a generated trace, added in batches. */
interface LiveSource {
  readonly builder: TraceModelBuilder;
  readonly events: Iterator<TraceEvent>;
}

function Page({
  initialModel,
  readAt,
  live,
}: {
  readonly initialModel: TraceModel;
  readonly readAt: number;
  readonly live: LiveSource | undefined;
}) {
  const [model, setModel] = useState(initialModel);
  const initialAxis = (params.get("axis") as AxisMode | null) ?? "sequence";
  const [axis, setAxis] = useState<AxisMode>(initialAxis);
  const [theme, setTheme] = useState<ThemeName>((params.get("theme") as ThemeName | null) ?? "light");
  const [window, setWindow] = useState<TimeWindow>(() => {
    const w = params.get("window")?.split(",").map(Number);
    return w !== undefined && w.length === 2 ? timeWindow(w[0] as number, w[1] as number) : fitWindow(model, initialAxis);
  });
  const [playhead, setPlayhead] = useState(
    eventIndex(Number(params.get("playhead") ?? Math.min(model.length - 1, Math.floor(model.length / 2)))),
  );
  const [selection, setSelection] = useState<Selection | undefined>(undefined);
  api.state = () => ({ window, playhead, selection, axis, theme });
  api.setWindow = setWindow;
  api.setPlayhead = setPlayhead;
  api.setSelection = setSelection;
  api.setTheme = setTheme;
  api.setAxis = (a) => {
    setAxis(a);
    setWindow(fitWindow(model, a));
  };
  api.appendBatch = (n) => {
    if (live === undefined) throw new Error("not a live page (?live)");
    const t0 = performance.now();
    for (let i = 0; i < n; i++) {
      const next = live.events.next();
      if (next.done === true) break;
      live.builder.add(next.value);
    }
    const m = live.builder.snapshot();
    const modelMs = performance.now() - t0;
    setModel(m);
    // Following the end, as the app does while a run streams in.
    setWindow((w) => followEnd(m, axis, w));
    return { events: m.length, modelMs };
  };
  useLayoutEffect(() => {
    api.lastCommit = performance.now();
  });
  return (
    <Timeline
      model={model}
      axis={axis}
      window={window}
      playhead={playhead}
      selection={selection}
      theme={theme}
      onWindowChange={setWindow}
      onPlayheadChange={setPlayhead}
      onSelect={setSelection}
      onFrame={(stats) => {
        const f: FrameRecord = { ...stats, at: performance.now() };
        if (api.frames.length === 0) {
          timings["firstPaintMs"] = f.at - readAt;
          sampleHeap();
          timings["peakHeapMB"] = peakHeap;
        }
        api.frames.push(f);
        for (const w of frameWaiters.splice(0)) w(f);
      }}
    />
  );
}

/** ?live=N: the first N events of a generated run, the rest to come in batches through appendBatch. */
function liveSource(first: number): { model: TraceModel; live: LiveSource } {
  const builder = new TraceModelBuilder();
  const events = syntheticEvents({
    seed: Number(params.get("seed") ?? "1"),
    events: 50_000_000,
    ...BENCH_SHAPE,
  });
  for (let i = 0; i < first; i++) {
    const next = events.next();
    if (next.done === true) break;
    builder.add(next.value);
  }
  return { model: builder.snapshot(), live: { builder, events } };
}

async function main(): Promise<void> {
  const root = document.getElementById("root");
  if (root === null) throw new Error("no #root");
  const liveFirst = params.get("live");
  if (liveFirst !== null) {
    const { model, live } = liveSource(Number(liveFirst));
    api.model = model;
    const at = performance.now();
    createRoot(root).render(<Page initialModel={model} readAt={at} live={live} />);
    await api.nextFrame();
    api.status = "ready";
    return;
  }
  if (params.get("theme") === "dark") document.body.style.background = themeTokens("dark").background;
  const g0 = performance.now();
  let readAt = 0;
  // Nothing keeps the text once the model is built.
  const model = await readModel(
    await traceText().then(async (text) => {
      timings["textMB"] = text.length / 2 ** 20;
      timings["generateMs"] = performance.now() - g0;
      sampleHeap();
      if (params.has("hold")) {
        // The driver measures from here (its CPU clock too): wait for its word.
        await new Promise<void>((ok) => {
          api.proceed = ok;
          api.status = "holding";
        });
        api.status = "loading";
      }
      // The clock for "first paint after the trace is read" starts here: the file's text is in memory.
      readAt = performance.now();
      return text;
    }),
  );
  timings["readAndBuildMs"] = performance.now() - readAt;
  timings["events"] = model.length;
  timings["goroutines"] = model.goroutines.length;
  timings["channels"] = model.channels.length;
  api.model = model;
  const modelAt = performance.now();
  createRoot(root).render(<Page initialModel={model} readAt={readAt} live={undefined} />);
  await api.nextFrame();
  timings["modelToFirstPaintMs"] = performance.now() - modelAt;
  api.status = "ready";
}

main().catch((err: unknown) => {
  api.status = "failed";
  api.error = err instanceof Error ? `${err.message}\n${err.stack ?? ""}` : String(err);
});

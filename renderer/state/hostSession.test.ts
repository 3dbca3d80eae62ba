import { describe, expect, it } from "vitest";
import type { OpenedTrace, OpenResult, RunEnded, SampleSummary } from "../../main/contract/hostApi";
import type { TraceHeader } from "../../traces/events";
import { serializeTrace } from "../../traces/format";
import { FakeHost, settle } from "../testing/fakeHost";
import { bufferedEvents } from "../testing/fixtureTraces";
import type { FeedScheduler } from "./liveRunFeed";
import { HostSession } from "./hostSession";
import { openingText } from "./opening";
import { UiStore } from "./uiStore";

const HEADER: TraceHeader = {
  format: "chanscope-trace",
  version: 1,
  program: { name: "buffered-channel", id: "buffered-channel" },
  seed: 1,
  strategy: "fifo",
  clock: "virtual",
  runtime: "0",
  createdAt: "",
};
const SAMPLES: readonly SampleSummary[] = [
  {
    id: "buffered-channel",
    title: "Buffered channel",
    pattern: "",
    lookFor: "",
    ending: "ok",
    file: "samples/buffered-channel.ts",
    source: "",
    go: { file: "samples/go/buffered-channel.go", source: "package main" },
  },
];
const GO_FILE = "samples/go/buffered-channel.go";
const events = bufferedEvents();
const bytes = new TextEncoder().encode(serializeTrace(HEADER, events));
const CHUNK = Math.ceil(bytes.length / 3);
const chunks = [0, 1, 2].map((i) => bytes.slice(i * CHUNK, (i + 1) * CHUNK));

const eventsTrace = (name: string): OpenedTrace => ({
  name,
  header: HEADER,
  content: { kind: "events", events },
  warnings: [],
  ended: true,
});
const chunksTrace = (id: number): OpenedTrace => ({
  name: "big.trace.jsonl",
  header: HEADER,
  content: { kind: "chunks", id, chunkCount: chunks.length, byteLength: bytes.length, eventCount: events.length },
  warnings: [],
  ended: true,
});
const opened = (trace: OpenedTrace): OpenResult => ({ kind: "opened", trace });
const end = (runId: number): RunEnded => ({ runId, outcome: "ok", message: "main returned", cutOff: false, eventCount: events.length });

/** Snapshots of a live run wait until the test lets them out. */
const heldFeed: FeedScheduler = { schedule: () => 0, cancel: () => undefined };

/** A session on a fake host, with the window's paint under the test's control. */
function sessionUnderTest() {
  const host = new FakeHost();
  const store = new UiStore();
  const paints: (() => void)[] = [];
  const session = new HostSession(host, store, {
    nextPaint: () => new Promise((resolve) => paints.push(resolve)),
    feedScheduler: heldFeed,
  });
  const paint = (): void => {
    for (const resolve of paints.splice(0)) resolve();
  };
  const ui = () => store.getState().ui;
  const model = () => store.getState().model;
  const shownName = (): string | undefined => {
    const d = ui().document;
    if (d.kind !== "trace") return undefined;
    return d.origin.kind === "sample" ? d.origin.title : d.origin.name;
  };
  return { host, store, session, paint, ui, model, shownName, commands: session.commands };
}

/** A session started on a host that holds nothing from before. */
async function startedSession() {
  const t = sessionUnderTest();
  t.session.start();
  t.host.answer("info", { kind: "web", version: "1" });
  t.host.answer("listSamples", SAMPLES);
  await settle();
  t.host.answer("currentSession", undefined);
  await settle();
  return t;
}

/** Serves every chunk at once, noting which were asked for. */
function serveChunks(host: FakeHost): string[] {
  const fetched: string[] = [];
  host.handle("traceChunk", (id, i) => {
    fetched.push(`${id}:${i}`);
    return Promise.resolve(chunks[i]!);
  });
  return fetched;
}

describe("the host session starting", () => {
  it("learns the host's kind and samples", async () => {
    const { ui } = await startedSession();
    expect(ui().host).toEqual({ kind: "web", samples: SAMPLES });
    expect(ui().document.kind).toBe("empty");
  });

  it("says there is no host when the page has none, and its commands do nothing", () => {
    const store = new UiStore();
    const session = new HostSession(undefined, store);
    session.start();
    session.commands.openTrace();
    session.commands.openSample("buffered-channel");
    expect(store.getState().ui.notices.map((n) => n.title)).toEqual(["No host"]);
    expect(store.getState().ui.run.kind).toBe("idle");
  });

  it("shows the trace the host still holds, ready to run again", async () => {
    const { host, session, paint, ui, shownName } = sessionUnderTest();
    session.start();
    host.answer("listSamples", SAMPLES);
    await settle();
    host.answer("currentSession", { kind: "trace", trace: eventsTrace("kept.trace.jsonl") });
    await settle();
    paint();
    await settle();
    expect(shownName()).toBe("kept.trace.jsonl");
    expect(ui().document).toMatchObject({ program: { kind: "sample", id: "buffered-channel" } });
  });

  it("picks up a run the host still holds and follows it to its end", async () => {
    const { host, session, ui, model, shownName } = sessionUnderTest();
    session.start();
    host.answer("listSamples", SAMPLES);
    await settle();
    host.answer("currentSession", { kind: "run", runId: 9, header: HEADER, events: events.slice(0, 5), ended: undefined });
    await settle();
    expect(ui().run).toMatchObject({ kind: "running", runId: 9 });
    host.sendBatch({ runId: 9, events: events.slice(3) });
    host.sendEnded(end(9));
    expect(ui().run).toMatchObject({ kind: "ended", runId: 9, outcome: "ok" });
    expect(model()?.length).toBe(events.length);
    expect(shownName()).toBe("Buffered channel");
  });

  it("still picks up the previous session when the samples cannot be listed", async () => {
    const { host, session, ui, shownName, paint } = sessionUnderTest();
    session.start();
    host.fail("listSamples", new Error("no samples here"));
    await settle();
    host.answer("currentSession", { kind: "trace", trace: eventsTrace("kept.trace.jsonl") });
    await settle();
    paint();
    await settle();
    expect(ui().notices[0]).toMatchObject({ level: "error", title: "Could not list the samples", message: "no samples here" });
    expect(shownName()).toBe("kept.trace.jsonl");
  });
});

describe("opening a trace", () => {
  it("shows a trace handed over as events once the window has painted its status", async () => {
    const { host, commands, paint, ui, model, shownName } = await startedSession();
    commands.openTrace();
    host.answer("openTrace", opened(eventsTrace("a.trace.jsonl")));
    await settle();
    expect(ui().opening).toEqual({ name: "a.trace.jsonl", phase: "building" });
    expect(model()).toBeUndefined();
    paint();
    await settle();
    expect(shownName()).toBe("a.trace.jsonl");
    expect(model()?.length).toBe(events.length);
    expect(ui().opening).toBeUndefined();
  });

  it("tells how far the host read, then how far the window built, then nothing", async () => {
    const { host, store, commands } = await startedSession();
    const seen: string[] = [];
    store.subscribe(() => {
      const o = store.getState().ui.opening;
      const text = o === undefined ? "(none)" : openingText(o);
      if (seen.at(-1) !== text) seen.push(text);
    });
    serveChunks(host);
    commands.openTrace();
    host.sendProgress({ name: "big.trace.jsonl", bytesRead: 250, totalBytes: 1000 });
    host.sendProgress({ name: "big.trace.jsonl", bytesRead: 1000, totalBytes: 1000 });
    host.answer("openTrace", opened(chunksTrace(3)));
    await settle();
    const built = chunks.map((_, i) => Math.round((100 * Math.min(bytes.length, (i + 1) * CHUNK)) / bytes.length));
    expect(seen).toEqual([
      "Opening big.trace.jsonl… 25%",
      "Building the timeline of big.trace.jsonl…",
      ...built.map((p) => `Building the timeline of big.trace.jsonl… ${p}%`),
      "(none)",
    ]);
  });

  it("shows only the newest open: an older one still building is dropped", async () => {
    const { host, commands, paint, shownName } = await startedSession();
    commands.openTrace();
    commands.openTrace();
    host.answer("openTrace", opened(eventsTrace("older.trace.jsonl")));
    await settle();
    host.answer("openTrace", opened(eventsTrace("newer.trace.jsonl")));
    await settle();
    paint();
    await settle();
    expect(shownName()).toBe("newer.trace.jsonl");
  });

  it("does not show a trace whose model was still being built when a run began", async () => {
    const { host, commands, ui, model } = await startedSession();
    commands.openTrace();
    host.answer("openTrace", opened(chunksTrace(4)));
    await settle();
    expect(host.pending("traceChunk")).toBe(1);
    commands.openSample("buffered-channel");
    serveChunks(host);
    await settle();
    expect(model()).toBeUndefined();
    expect(ui().document.kind).toBe("empty");
    expect(ui().opening).toBeUndefined();
    expect(ui().run.kind).toBe("starting");
  });

  it("finishes the build it began while the desktop was still reading the file", async () => {
    const { host, commands, model, shownName } = await startedSession();
    const fetched = serveChunks(host);
    commands.openTrace();
    host.sendProgress({ name: "big.trace.jsonl", bytesRead: 10, totalBytes: 1000, contentId: 3, chunksReady: 2 });
    await settle();
    expect(fetched).toEqual(["3:0", "3:1"]);
    host.answer("openTrace", opened(chunksTrace(3)));
    await settle();
    expect(fetched).toEqual(["3:0", "3:1", "3:2"]);
    expect(shownName()).toBe("big.trace.jsonl");
    expect(model()?.length).toBe(events.length);
  });

  it("drops the build it began early when the open fails", async () => {
    const { host, commands, ui, model } = await startedSession();
    const fetched = serveChunks(host);
    commands.openTrace();
    host.sendProgress({ name: "big.trace.jsonl", bytesRead: 10, totalBytes: 1000, contentId: 3, chunksReady: 1 });
    await settle();
    host.answer("openTrace", { kind: "failed", problem: { file: "big.trace.jsonl", line: 12, message: "not valid JSON" } });
    host.sendProgress({ name: "big.trace.jsonl", bytesRead: 20, totalBytes: 1000, contentId: 3, chunksReady: 3 });
    await settle();
    expect(fetched).toEqual(["3:0"]);
    expect(model()).toBeUndefined();
    expect(ui().notices[0]).toMatchObject({ level: "error", title: "Could not open big.trace.jsonl", line: 12 });
    expect(ui().opening).toBeUndefined();
  });

  it("shows nothing and says nothing when the user cancels", async () => {
    const { host, commands, ui } = await startedSession();
    commands.openTrace();
    host.sendProgress({ name: "a.jsonl", bytesRead: 1, totalBytes: 10 });
    host.answer("openTrace", { kind: "cancelled" });
    await settle();
    expect(ui().opening).toBeUndefined();
    expect(ui().notices).toEqual([]);
  });

  it("stops the run that is going, whose later events do not replace the file", async () => {
    const { host, commands, paint, shownName } = await startedSession();
    commands.openSample("buffered-channel");
    host.answer("startRun", { runId: 7, header: HEADER });
    await settle();
    commands.openTrace();
    host.answer("openTrace", opened(eventsTrace("a.trace.jsonl")));
    await settle();
    paint();
    await settle();
    expect(host.requests("stopRun")).toEqual([[7]]);
    host.sendBatch({ runId: 7, events });
    host.sendEnded(end(7));
    expect(shownName()).toBe("a.trace.jsonl");
  });
});

describe("running a program", () => {
  it("shows the run's events as they come and its ending", async () => {
    const { host, commands, ui, model, shownName } = await startedSession();
    commands.openSample("buffered-channel");
    expect(ui().run).toMatchObject({ kind: "starting", origin: { kind: "sample", title: "Buffered channel" } });
    host.sendBatch({ runId: 1, events: events.slice(0, 6) });
    host.answer("startRun", { runId: 1, header: HEADER });
    await settle();
    host.sendBatch({ runId: 1, events: events.slice(6) });
    host.sendEnded(end(1));
    expect(model()?.length).toBe(events.length);
    expect(ui().run).toMatchObject({ kind: "ended", runId: 1, outcome: "ok" });
    expect(shownName()).toBe("Buffered channel");
  });

  it("runs a sample with the seed and strategy it was given, and keeps them", async () => {
    const { host, commands, ui } = await startedSession();
    commands.openSample("buffered-channel", { seed: 3, strategy: "random" });
    expect(host.requests("startRun")).toEqual([
      [
        { kind: "sample", id: "buffered-channel" },
        { seed: 3, strategy: "random" },
      ],
    ]);
    expect(ui().settings).toEqual({ seed: 3, strategy: "random" });
  });

  it("runs a sample's Go original, titled as Go, and runs that version again", async () => {
    const { host, commands, ui } = await startedSession();
    commands.openSample("buffered-channel", { seed: 1, strategy: "fifo" }, "go");
    expect(host.requests("startRun")[0]?.[0]).toEqual({ kind: "sample", id: "buffered-channel", language: "go" });
    expect(ui().run).toMatchObject({ kind: "starting", origin: { kind: "sample", title: "Buffered channel (Go)" } });
    const goHeader = { ...HEADER, program: { name: "Buffered channel (Go)", id: GO_FILE, source: "package main" } };
    host.answer("startRun", { runId: 1, header: goHeader });
    await settle();
    host.sendBatch({ runId: 1, events });
    host.sendEnded(end(1));
    commands.runAgain();
    expect(host.requests("startRun")[1]?.[0]).toEqual({ kind: "sample", id: "buffered-channel", language: "go" });
  });

  it("shows a program that failed to compile at its line, over what was open", async () => {
    const { host, commands, ui } = await startedSession();
    const prog = new File(["package main\n\nfunc main() { x := 1 }\n"], "prog.go");
    commands.openDroppedFile(prog);
    const program = { kind: "file", path: "prog.go" } as const;
    host.answer("openDroppedFile", { kind: "program", program: { name: "prog.go", source: "package main", program } });
    await settle();
    commands.runPreviewed();
    expect(ui().programPreview).toBeUndefined();
    const source = "package main\n\nfunc main() { x := 1 }\n";
    host.answer("startRun", { runId: 1, header: { ...HEADER, program: { name: "prog", id: "prog.go", source } } });
    await settle();
    const problem = { file: "prog.go", line: 3, column: 15, message: "declared and not used: x" };
    host.sendEnded({
      runId: 1,
      outcome: "failed",
      message: "prog.go:3:15: declared and not used: x",
      cutOff: false,
      eventCount: 0,
      problem,
    });
    expect(ui().programPreview).toEqual({ name: "prog.go", source, program, fromTrace: undefined, problem });
    expect(ui().notices[0]).toMatchObject({ level: "error", file: "prog.go", line: 3, column: 15 });
  });

  it("runs the open trace's program again with the toolbar's seed", async () => {
    const { host, store, commands, paint } = await startedSession();
    commands.openTrace();
    host.answer("openTrace", opened(eventsTrace("a.trace.jsonl")));
    await settle();
    paint();
    await settle();
    store.dispatch({ type: "settings/seedChanged", seed: 5 });
    commands.runAgain();
    expect(host.requests("startRun")).toEqual([
      [
        { kind: "sample", id: "buffered-channel" },
        { seed: 5, strategy: "fifo" },
      ],
    ]);
  });

  it("shows a dropped program with a Run button and runs it only when asked", async () => {
    const { host, commands, ui } = await startedSession();
    const prog = new File(["export default async function main() {}"], "prog.ts");
    commands.openDroppedFile(prog);
    expect(host.requests("openDroppedFile")).toEqual([[prog]]);
    const shown = {
      name: "prog.ts",
      source: "export default async function main() {}",
      program: { kind: "file", path: "prog.ts" },
    } as const;
    host.answer("openDroppedFile", { kind: "program", program: shown });
    await settle();
    expect(host.requests("startRun")).toEqual([]);
    expect(ui().programPreview).toEqual({ ...shown, fromTrace: undefined });
    commands.runPreviewed();
    expect(host.requests("startRun")[0]?.[0]).toEqual({ kind: "file", path: "prog.ts" });
    expect(ui().programPreview).toBeUndefined();
    expect(ui().run).toMatchObject({ kind: "starting", origin: { kind: "program", name: "prog.ts" } });
  });

  it("a program from Open Recent or the command line is shown, not run; closing it runs nothing", async () => {
    const { host, commands, ui } = await startedSession();
    commands.openRecent({ path: "/home/me/spin.ts", name: "spin.ts", kind: "program" });
    expect(host.requests("openRecent")).toEqual([["/home/me/spin.ts"]]);
    host.answer("openRecent", {
      kind: "program",
      program: { name: "spin.ts", source: "x", program: { kind: "file", path: "/home/me/spin.ts" } },
    });
    await settle();
    expect(ui().programPreview?.name).toBe("spin.ts");
    commands.closePreview();
    expect(ui().programPreview).toBeUndefined();
    expect(host.requests("startRun")).toEqual([]);
  });

  it("asks before running again the program a trace carries, and runs the host's copy only when confirmed", async () => {
    const { host, commands, ui, paint } = await startedSession();
    const source = "export default async function main() { /* whoever made the trace wrote this */ }";
    const carried: OpenedTrace = {
      ...eventsTrace("from-a-stranger.trace.jsonl"),
      header: { ...HEADER, program: { name: "evil", id: "/tmp/evil.ts", source } },
    };
    commands.openTrace();
    host.answer("openTrace", opened(carried));
    await settle();
    paint();
    await settle();
    commands.runAgain();
    expect(host.requests("startRun")).toEqual([]);
    expect(ui().programPreview).toEqual({
      name: "evil",
      source,
      program: { kind: "trace", name: "evil" },
      fromTrace: "from-a-stranger.trace.jsonl",
    });
    commands.closePreview();
    expect(host.requests("startRun")).toEqual([]);
    commands.runAgain();
    commands.runPreviewed();
    // The host is told to run the program of the trace it holds; the window never sends the text.
    expect(host.requests("startRun")[0]?.[0]).toEqual({ kind: "trace", name: "evil" });
  });

  it("asks the host to stop the run that is going", async () => {
    const { host, commands } = await startedSession();
    commands.stopRun();
    expect(host.requests("stopRun")).toEqual([]);
    commands.openSample("buffered-channel");
    host.answer("startRun", { runId: 2, header: HEADER });
    await settle();
    commands.stopRun();
    expect(host.requests("stopRun")).toEqual([[2]]);
  });
});

describe("menu commands", () => {
  it("run the same commands as the toolbar", async () => {
    const { host } = await startedSession();
    host.sendMenuCommand("open-trace");
    host.sendMenuCommand({ kind: "open-sample", id: "buffered-channel" });
    host.sendMenuCommand({ kind: "open-recent", file: { kind: "program", path: "/home/me/prog.ts", name: "prog.ts" } });
    host.sendMenuCommand({ kind: "open-recent", file: { kind: "trace", path: "/home/me/a.trace.jsonl", name: "a.trace.jsonl" } });
    host.sendMenuCommand("save-trace");
    expect(host.requests("openTrace")).toHaveLength(1);
    // A program from the menu (or the command line, or the OS) is opened to be shown, not run.
    expect(host.requests("startRun").map(([program]) => program)).toEqual([{ kind: "sample", id: "buffered-channel" }]);
    expect(host.requests("openRecent")).toEqual([["/home/me/prog.ts"], ["/home/me/a.trace.jsonl"]]);
    expect(host.requests("saveTrace")).toHaveLength(1);
  });

  it("change the view without asking the host", async () => {
    const { host, ui } = await startedSession();
    host.sendMenuCommand("show-about");
    expect(ui().panels.overlay).toBe("about");
    host.sendMenuCommand("toggle-inspector");
    expect(ui().panels.inspector).toBe(false);
  });
});

describe("a host call that fails", () => {
  const cases = [
    { call: "openTrace", command: "openTrace", title: "Could not open trace" },
    { call: "saveTrace", command: "saveTrace", title: "Could not save the trace" },
    { call: "exportPerfetto", command: "exportPerfetto", title: "Could not save the trace" },
    { call: "startRun", command: "openSample", title: "The program did not start" },
    { call: "pickProgram", command: "openProgram", title: "The program did not start" },
  ] as const;

  it.each(cases)("$call becomes the notice '$title'", async ({ call, command, title }) => {
    const { host, commands, ui } = await startedSession();
    if (command === "openSample") commands.openSample("buffered-channel");
    else commands[command]();
    host.fail(call, new Error("the host said no"));
    await settle();
    expect(ui().notices[0]).toMatchObject({ level: "error", title, message: "the host said no" });
  });

  it("stopRun becomes a notice", async () => {
    const { host, commands, ui } = await startedSession();
    commands.openSample("buffered-channel");
    host.answer("startRun", { runId: 2, header: HEADER });
    await settle();
    commands.stopRun();
    host.fail("stopRun", new Error("the worker is gone"));
    await settle();
    expect(ui().notices[0]).toMatchObject({ level: "error", title: "Could not stop the run", message: "the worker is gone" });
  });

  it("currentSession becomes a warning, and the window starts empty", async () => {
    const { host, session, ui } = sessionUnderTest();
    session.start();
    host.answer("listSamples", SAMPLES);
    await settle();
    host.fail("currentSession", new Error("lost"));
    await settle();
    expect(ui().notices[0]).toMatchObject({ level: "warning", title: "Could not pick up the previous session", message: "lost" });
    expect(ui().document.kind).toBe("empty");
  });
});

describe("stopping the session", () => {
  it("stops following the host and ignores its late answers", async () => {
    const { host, session, ui } = sessionUnderTest();
    session.start();
    expect(host.listeners).toBe(4);
    session.stop();
    expect(host.listeners).toBe(0);
    host.answer("info", { kind: "electron", version: "1" });
    host.answer("listSamples", SAMPLES);
    await settle();
    expect(ui().host).toEqual({ kind: undefined, samples: [] });
    expect(host.pending("currentSession")).toBe(1);
    host.answer("currentSession", { kind: "run", runId: 3, header: HEADER, events, ended: undefined });
    await settle();
    expect(ui().run.kind).toBe("idle");
  });

  it("drops a trace still being built", async () => {
    const { host, session, commands, paint, ui } = await startedSession();
    commands.openTrace();
    host.answer("openTrace", opened(eventsTrace("a.trace.jsonl")));
    await settle();
    session.stop();
    paint();
    await settle();
    expect(ui().document.kind).toBe("empty");
  });

  it("can start again, as React does when it mounts the app twice", async () => {
    const { host, session, ui } = sessionUnderTest();
    session.start();
    session.stop();
    session.start();
    expect(host.listeners).toBe(4);
    host.answer("info", { kind: "web", version: "1" });
    host.answer("info", { kind: "web", version: "1" });
    host.answer("listSamples", []);
    host.answer("listSamples", SAMPLES);
    await settle();
    expect(ui().host).toEqual({ kind: "web", samples: SAMPLES });
  });
});

// The renderer's side of HostApi: subscriptions (run batches and endings, menu
// commands, open progress) and the commands the toolbar, the welcome view, the
// keyboard and the menus share. Every host call's failure becomes a notice;
// nothing here throws into React.

import { useEffect, useMemo, useRef, type Dispatch } from "react";
import type { HostApi, MenuCommand, OpenedTrace, OpenResult, ProgramRef, RecentFile, SampleSummary } from "../../main/contract/hostApi";
import type { TraceHeader } from "../../traces/events";
import type { UiAction } from "../state/actions";
import type { AppState, TraceOrigin } from "../state/uiState";
import { LiveRunFeed } from "../state/liveRunFeed";
import { EarlyChunkBuilds, modelOfOpenedTrace, openedTraceProblem, type EarlyChunkBuild } from "../state/openedTraceModel";

export interface AppCommands {
  openSample(id: string, settings?: { readonly seed?: number; readonly strategy?: "fifo" | "random" }): void;
  /** Runs the open trace's program again with the toolbar's seed and strategy. */
  runAgain(): void;
  stopRun(): void;
  openTrace(): void;
  openDroppedFile(file: File): void;
  /** A recent file: a trace is opened, a program is run. */
  openRecent(file: RecentFile): void;
  openProgram(): void;
  /** Runs a program whose text the renderer already has (a dropped .ts file). */
  runSource(name: string, source: string): void;
  saveTrace(): void;
  exportPerfetto(): void;
}

/** What "run again" runs for a trace: its sample, or the program text it carries. */
export function programOfTrace(header: TraceHeader | undefined, samples: readonly SampleSummary[]): ProgramRef | undefined {
  const p = header?.program;
  if (p === undefined) return undefined;
  if (p.id !== undefined && samples.some((s) => s.id === p.id)) return { kind: "sample", id: p.id };
  if (p.source !== undefined) return { kind: "source", name: p.name, source: p.source };
  return undefined;
}

export function originOfProgram(program: ProgramRef, samples: readonly SampleSummary[]): TraceOrigin {
  switch (program.kind) {
    case "sample":
      return { kind: "sample", id: program.id, title: samples.find((s) => s.id === program.id)?.title ?? program.id };
    case "file":
      return { kind: "program", name: program.path.split(/[\\/]/).pop() ?? program.path };
    case "source":
      return { kind: "program", name: program.name };
  }
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** What showing an opened trace needs from the hook. */
interface TraceShowing {
  readonly host: HostApi;
  readonly dispatch: Dispatch<UiAction>;
  readonly samples: () => readonly SampleSummary[];
  /** Bumped by every open and run: a trace whose model is still being built when it moves on is not shown. */
  readonly generation: { current: number };
}

/** Lets the window paint (a status line) before a long synchronous step. */
const nextPaint = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/** Builds the model of an opened trace (finishing the build that began while the host read it, if any) and shows it, or says why it cannot. */
function showOpenedTrace(t: OpenedTrace, w: TraceShowing, early?: EarlyChunkBuild): void {
  const generation = ++w.generation.current;
  const current = (): boolean => generation === w.generation.current;
  const progress = (bytesRead: number, totalBytes: number): void => {
    if (current()) w.dispatch({ type: "trace/buildProgressed", name: t.name, bytesRead, totalBytes });
  };
  w.dispatch({ type: "trace/buildProgressed", name: t.name });
  // Events are built in one go, which blocks the window: say so on screen first. (Chunks arrive over IPC, which lets it paint between them.)
  const ready = t.content.kind === "events" ? nextPaint() : Promise.resolve();
  ready.then(() => (current() ? modelOfOpenedTrace(t, (id, i) => w.host.traceChunk(id, i), progress, early) : undefined)).then(
    (model) => {
      if (model === undefined || !current()) return;
      w.dispatch({ type: "trace/opened", model, trace: t, program: programOfTrace(t.header, w.samples()) });
    },
    (e: unknown) => {
      if (!current()) return;
      w.dispatch({ type: "trace/openFailed", problem: openedTraceProblem(t, e) });
    },
  );
}


export function useHostBridge(
  host: HostApi | undefined,
  state: AppState,
  dispatch: Dispatch<UiAction>,
  onMenuAction: (command: MenuCommand) => void,
): AppCommands {
  // Commands read the latest state without being rebuilt on every change.
  const latest = useRef({ state, onMenuAction });
  latest.current = { state, onMenuAction };
  const generation = useRef(0);
  const early = useMemo(() => new EarlyChunkBuilds((id, i) => (host === undefined ? Promise.reject(new Error("no host")) : host.traceChunk(id, i))), [host]);

  const feed = useMemo(
    () =>
      new LiveRunFeed(
        (runId, model) => dispatch({ type: "run/progressed", runId, model }),
        (ended, model) => dispatch({ type: "run/ended", ended, model }),
      ),
    [dispatch],
  );

  useEffect(() => {
    if (host === undefined) {
      dispatch({ type: "host/unavailable", message: "This page must be opened by the desktop app or `npm run web` (no window.chanscope)." });
      return;
    }
    let alive = true;
    host.info().then(
      (i) => alive && dispatch({ type: "host/identified", kind: i.kind }),
      () => undefined,
    );
    const restore = (list: readonly SampleSummary[]): Promise<void> =>
      host.currentSession().then((session) => {
        if (!alive || session === undefined) return;
        if (session.kind === "trace") {
          showOpenedTrace(session.trace, { host, dispatch, samples: () => list, generation });
          return;
        }
        generation.current++;
        // A run the host still holds (this window reloaded): show it, and keep following it if it goes on.
        const program = programOfTrace(session.header, list) ?? { kind: "source", name: session.header.program.name, source: "" };
        dispatch({ type: "run/requested", program, origin: originOfProgram(program, list) });
        dispatch({ type: "run/started", runId: session.runId });
        feed.started(session.runId, session.header, session.events);
        if (session.ended !== undefined) feed.ended(session.ended);
      });
    host
      .listSamples()
      .then(
        (list) => {
          if (alive) dispatch({ type: "samples/listed", samples: list });
          return list;
        },
        (e: unknown) => {
          dispatch({ type: "notice/raised", notice: { level: "error", title: "Could not list the samples", message: message(e) } });
          return [] as readonly SampleSummary[];
        },
      )
      .then(restore)
      .catch((e: unknown) =>
        dispatch({ type: "notice/raised", notice: { level: "warning", title: "Could not pick up the previous session", message: message(e) } }),
      );
    const subscriptions = [
      host.onRunBatch((b) => feed.batch(b)),
      host.onRunEnded((e) => feed.ended(e)),
      host.onOpenProgress((p) => {
        early.progress(p);
        dispatch({ type: "trace/readProgressed", progress: p });
      }),
      host.onMenuCommand((c) => latest.current.onMenuAction(c)),
    ];
    return () => {
      alive = false;
      for (const unsubscribe of subscriptions) unsubscribe();
      feed.dispose();
      early.drop();
    };
  }, [host, dispatch, feed, early]);

  const commands = useMemo((): AppCommands => {
    const startRun = (program: ProgramRef, settings?: { readonly seed?: number; readonly strategy?: "fifo" | "random" }): void => {
      if (host === undefined) return;
      const s = latest.current.state;
      const list = s.ui.host.samples;
      const seed = settings?.seed ?? s.ui.settings.seed;
      const strategy = settings?.strategy ?? s.ui.settings.strategy;
      if (settings?.seed !== undefined) dispatch({ type: "settings/seedChanged", seed });
      if (settings?.strategy !== undefined) dispatch({ type: "settings/strategyChanged", strategy });
      dispatch({ type: "run/requested", program, origin: originOfProgram(program, list) });
      // A trace whose model is still being built is not shown over the run.
      generation.current++;
      early.drop();
      host.startRun(program, { seed, strategy }).then(
        (started) => {
          dispatch({ type: "run/started", runId: started.runId });
          feed.started(started.runId, started.header);
        },
        (e: unknown) => dispatch({ type: "run/startFailed", message: message(e) }),
      );
    };
    const opened = (result: OpenResult): void => {
      switch (result.kind) {
        case "opened": {
          // The host runs one thing at a time; a run still going is not shown any more.
          const r = latest.current.state.ui.run;
          if (host === undefined) return;
          if (r.kind === "running") host.stopRun(r.runId).catch(() => undefined);
          const { content } = result.trace;
          const started = content.kind === "chunks" ? early.claim(content.id) : undefined;
          showOpenedTrace(result.trace, { host, dispatch, samples: () => latest.current.state.ui.host.samples, generation }, started);
          return;
        }
        case "failed":
          early.drop();
          dispatch({ type: "trace/openFailed", problem: result.problem });
          return;
        case "cancelled":
          early.drop();
          dispatch({ type: "trace/openCancelled" });
          return;
      }
    };
    const openFailed = (what: string) => (e: unknown) => {
      early.drop();
      dispatch({ type: "trace/openFailed", problem: { file: what, message: message(e) } });
    };
    return {
      openSample: (id, settings) => startRun({ kind: "sample", id }, settings),
      runAgain: () => {
        const d = latest.current.state.ui.document;
        if (d.kind === "trace" && d.program !== undefined) startRun(d.program);
      },
      stopRun: () => {
        const r = latest.current.state.ui.run;
        if (host === undefined || r.kind !== "running") return;
        dispatch({ type: "run/stopRequested" });
        host.stopRun(r.runId).catch((e: unknown) =>
          dispatch({ type: "notice/raised", notice: { level: "error", title: "Could not stop the run", message: message(e) } }),
        );
      },
      openTrace: () => host?.openTrace().then(opened, openFailed("trace")),
      openDroppedFile: (file) => host?.openDroppedFile(file).then(opened, openFailed(file.name)),
      openRecent: (file) => {
        if (file.kind === "program") startRun({ kind: "file", path: file.path });
        else host?.openRecent(file.path).then(opened, openFailed(file.name));
      },
      openProgram: () => {
        host?.pickProgram().then(
          (program) => program !== undefined && startRun(program),
          (e: unknown) => dispatch({ type: "run/startFailed", message: message(e) }),
        );
      },
      runSource: (name, source) => startRun({ kind: "source", name, source }),
      saveTrace: () => {
        host?.saveTrace().then(
          (r) => {
            if (r.kind === "saved") dispatch({ type: "trace/saved", name: r.name, bytes: r.bytes, as: "trace" });
            else if (r.kind === "failed") dispatch({ type: "trace/saveFailed", message: r.message });
          },
          (e: unknown) => dispatch({ type: "trace/saveFailed", message: message(e) }),
        );
      },
      exportPerfetto: () => {
        host?.exportPerfetto().then(
          (r) => {
            if (r.kind === "saved") dispatch({ type: "trace/saved", name: r.name, bytes: r.bytes, as: "perfetto" });
            else if (r.kind === "failed") dispatch({ type: "trace/saveFailed", message: r.message });
          },
          (e: unknown) => dispatch({ type: "trace/saveFailed", message: message(e) }),
        );
      },
    };
  }, [host, dispatch, feed, early]);

  return commands;
}

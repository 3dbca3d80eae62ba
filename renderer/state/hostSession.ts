// The window's side of the host: it follows what the host reports (run
// batches and endings, open progress, menu commands), carries out the
// commands (AppCommands), and turns every answer into actions on the store.
// It owns the window's concurrency: the newest open or run wins (a trace whose
// model is still being built when another open or a run begins is never
// shown), a build that began while the desktop was still reading the file
// (EarlyChunkBuilds) is finished or dropped, opening a file stops the run that
// is going, and a reloaded window picks up what the host still holds. Every
// host call's failure becomes a notice; nothing here throws.

import type {
  HostApi,
  OpenedTrace,
  OpenResult,
  ProgramRef,
  RunEnded,
  SampleSummary,
  SaveResult,
  Unsubscribe,
} from "../../main/contract/hostApi";
import type { TraceHeader } from "../../traces/events";
import type { UiAction } from "./actions";
import { runMenuCommand, type AppCommands, type RunChoice } from "./commands";
import { LiveRunFeed, type FeedScheduler } from "./liveRunFeed";
import { sampleRefOfProgram, sampleRunTitle } from "./sampleRuns";
import { EarlyChunkBuilds, modelOfOpenedTrace, openedTraceProblem, type EarlyChunkBuild } from "./openedTraceModel";
import type { AppState, TraceOrigin } from "./uiState";

export interface SessionStore {
  getState(): AppState;
  dispatch(action: UiAction): void;
}

export interface HostSessionOptions {
  /** Resolves once the window has painted: a trace handed over as events is built in one blocking step after it. */
  readonly nextPaint?: () => Promise<void>;
  /** The clock the live run feed spaces its snapshots with. */
  readonly feedScheduler?: FeedScheduler;
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Lets the window paint (a status line) before a long synchronous step. */
const afterPaint = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

export class HostSession {
  readonly commands: AppCommands;
  /** The run started last: what it ran, to show the program at its line if it fails to load. */
  private lastRun: { readonly runId: number; readonly header: TraceHeader; readonly program: ProgramRef } | undefined;
  /** Bumped by every open shown and every run: a build that finds it moved on shows nothing. */
  private generation = 0;
  /** Which start() is current; 0 once stopped. Answers to an earlier one are dropped. */
  private connection = 0;
  private connections = 0;
  private subscriptions: readonly Unsubscribe[] = [];
  private readonly feed: LiveRunFeed;
  private readonly early: EarlyChunkBuilds;
  private readonly nextPaint: () => Promise<void>;

  constructor(
    private readonly host: HostApi | undefined,
    private readonly store: SessionStore,
    options: HostSessionOptions = {},
  ) {
    this.nextPaint = options.nextPaint ?? afterPaint;
    this.feed = new LiveRunFeed(
      (runId, model) => this.dispatch({ type: "run/progressed", runId, model }),
      (ended, model) => {
        this.dispatch({ type: "run/ended", ended, model });
        this.showLoadProblem(ended);
      },
      undefined,
      options.feedScheduler,
    );
    this.early = new EarlyChunkBuilds((id, i) => this.fetchChunk(id, i));
    this.commands = this.makeCommands();
  }

  /** Asks the host who it is and what it holds, and follows what it reports until stop(). */
  start(): void {
    this.stop();
    const host = this.host;
    if (host === undefined) {
      this.dispatch({
        type: "host/unavailable",
        message: "This page must be opened by the desktop app or `npm run web` (no window.chanscope).",
      });
      return;
    }
    const connection = ++this.connections;
    this.connection = connection;
    const alive = (): boolean => this.connection === connection;
    void host.info().then(
      (i) => {
        if (alive()) this.dispatch({ type: "host/identified", kind: i.kind });
      },
      () => undefined,
    );
    void host
      .listSamples()
      .then(
        (list) => {
          if (alive()) this.dispatch({ type: "samples/listed", samples: list });
          return list;
        },
        (e: unknown) => {
          this.notice("error", "Could not list the samples", e);
          return [] as readonly SampleSummary[];
        },
      )
      .then((list) => this.restore(host, list, alive))
      .catch((e: unknown) => this.notice("warning", "Could not pick up the previous session", e));
    this.subscriptions = [
      host.onRunBatch((b) => this.feed.batch(b)),
      host.onRunEnded((e) => this.feed.ended(e)),
      host.onOpenProgress((p) => {
        this.early.progress(p);
        this.dispatch({ type: "trace/readProgressed", progress: p });
      }),
      host.onMenuCommand((c) => runMenuCommand(c, this.commands, this.dispatch)),
    ];
  }

  /** Stops following the host; what was in flight is dropped. start() may follow again. */
  stop(): void {
    this.connection = 0;
    this.generation++;
    for (const unsubscribe of this.subscriptions) unsubscribe();
    this.subscriptions = [];
    this.feed.dispose();
    this.early.drop();
  }

  private readonly dispatch = (action: UiAction): void => this.store.dispatch(action);

  private notice(level: "error" | "warning", title: string, e: unknown): void {
    this.dispatch({ type: "notice/raised", notice: { level, title, message: message(e) } });
  }

  private fetchChunk(contentId: number, index: number): Promise<Uint8Array> {
    return this.host === undefined ? Promise.reject(new Error("no host")) : this.host.traceChunk(contentId, index);
  }

  /** What the host still holds (this window reloaded): a trace is shown, a run is shown and followed if it goes on. */
  private async restore(host: HostApi, samples: readonly SampleSummary[], alive: () => boolean): Promise<void> {
    const session = await host.currentSession();
    if (!alive() || session === undefined) return;
    if (session.kind === "trace") {
      this.show(session.trace);
      return;
    }
    this.generation++;
    const program = programOfTrace(session.header, samples) ?? { kind: "trace", name: session.header.program.name };
    this.dispatch({ type: "run/requested", program, origin: originOfProgram(program, samples) });
    this.dispatch({ type: "run/started", runId: session.runId });
    this.feed.started(session.runId, session.header, session.events);
    if (session.ended !== undefined) this.feed.ended(session.ended);
  }

  private startRun(program: ProgramRef, choice?: RunChoice): void {
    const host = this.host;
    if (host === undefined) return;
    const { settings, host: known } = this.store.getState().ui;
    const seed = choice?.seed ?? settings.seed;
    const strategy = choice?.strategy ?? settings.strategy;
    if (choice?.seed !== undefined) this.dispatch({ type: "settings/seedChanged", seed });
    if (choice?.strategy !== undefined) this.dispatch({ type: "settings/strategyChanged", strategy });
    this.dispatch({ type: "run/requested", program, origin: originOfProgram(program, known.samples) });
    // A trace whose model is still being built is not shown over the run.
    this.generation++;
    this.early.drop();
    void host.startRun(program, { seed, strategy }).then(
      (started) => {
        this.lastRun = { runId: started.runId, header: started.header, program };
        this.dispatch({ type: "run/started", runId: started.runId });
        this.feed.started(started.runId, started.header);
      },
      (e: unknown) => this.dispatch({ type: "run/startFailed", message: message(e) }),
    );
  }

  /**
   * A program that failed to compile or load (a Go compile error, a syntax
   * error) is shown with its failing line marked and the message under it;
   * the trace that was open stays open behind it.
   */
  private showLoadProblem(ended: RunEnded): void {
    const run = this.lastRun;
    const problem = ended.problem;
    const source = run?.header.program.source;
    if (ended.outcome !== "failed" || ended.eventCount > 0 || problem?.line === undefined || run?.runId !== ended.runId) return;
    if (source === undefined) return;
    const name = originOfProgram(run.program, this.store.getState().ui.host.samples);
    this.dispatch({
      type: "program/previewed",
      preview: { name: name.kind === "sample" ? name.title : name.name, source, program: run.program, fromTrace: undefined, problem },
    });
  }

  /** The host's answer to an open. */
  private opened(result: OpenResult): void {
    switch (result.kind) {
      case "opened": {
        // The host runs one thing at a time; a run still going is not shown any more.
        const run = this.store.getState().ui.run;
        if (run.kind === "running") void this.host?.stopRun(run.runId).catch(() => undefined);
        const { content } = result.trace;
        this.show(result.trace, content.kind === "chunks" ? this.early.claim(content.id) : undefined);
        return;
      }
      case "program":
        this.dispatch({ type: "program/previewed", preview: { ...result.program, fromTrace: undefined } });
        return;
      case "failed":
        this.early.drop();
        this.dispatch({ type: "trace/openFailed", problem: result.problem });
        return;
      case "cancelled":
        this.early.drop();
        this.dispatch({ type: "trace/openCancelled" });
        return;
    }
  }

  private openFailed(file: string): (e: unknown) => void {
    return (e) => {
      this.early.drop();
      this.dispatch({ type: "trace/openFailed", problem: { file, message: message(e) } });
    };
  }

  /** Builds the model of an opened trace (finishing the build that began while the host read it, if any) and shows it, or says why it cannot. */
  private show(t: OpenedTrace, early?: EarlyChunkBuild): void {
    const generation = ++this.generation;
    const current = (): boolean => generation === this.generation;
    const progress = (bytesRead: number, totalBytes: number): void => {
      if (current()) this.dispatch({ type: "trace/buildProgressed", name: t.name, bytesRead, totalBytes });
    };
    this.dispatch({ type: "trace/buildProgressed", name: t.name });
    // Events are built in one go, which blocks the window: say so on screen first. (Chunks arrive over IPC, which lets it paint between them.)
    const ready = t.content.kind === "events" ? this.nextPaint() : Promise.resolve();
    void ready
      .then(() => (current() ? modelOfOpenedTrace(t, (id, i) => this.fetchChunk(id, i), progress, early) : undefined))
      .then(
        (model) => {
          if (model === undefined || !current()) return;
          const program = programOfTrace(t.header, this.store.getState().ui.host.samples);
          this.dispatch({ type: "trace/opened", model, trace: t, program });
        },
        (e: unknown) => {
          if (current()) this.dispatch({ type: "trace/openFailed", problem: openedTraceProblem(t, e) });
        },
      );
  }

  /** Saving the trace, or exporting it for Perfetto. */
  private save(request: Promise<SaveResult>, as: "trace" | "perfetto"): void {
    void request.then(
      (r) => {
        if (r.kind === "saved") this.dispatch({ type: "trace/saved", name: r.name, bytes: r.bytes, as });
        else if (r.kind === "failed") this.dispatch({ type: "trace/saveFailed", message: r.message });
      },
      (e: unknown) => this.dispatch({ type: "trace/saveFailed", message: message(e) }),
    );
  }

  private makeCommands(): AppCommands {
    const host = this.host;
    return {
      openSample: (id, choice, language) =>
        this.startRun(language === "go" ? { kind: "sample", id, language } : { kind: "sample", id }, choice),
      runAgain: () => {
        const { model, ui } = this.store.getState();
        const d = ui.document;
        if (d.kind !== "trace" || d.program === undefined) return;
        if (d.program.kind !== "trace") {
          this.startRun(d.program);
          return;
        }
        // A program a trace carries is code from whoever made the trace: shown first, run only if the user says so.
        const source = model?.header?.program.source;
        if (source === undefined) return;
        const fromTrace = d.origin.kind === "file" ? d.origin.name : d.origin.kind === "program" ? d.origin.name : d.origin.title;
        this.dispatch({ type: "program/previewed", preview: { name: d.program.name, source, program: d.program, fromTrace } });
      },
      runPreviewed: () => {
        const preview = this.store.getState().ui.programPreview;
        if (preview !== undefined) this.startRun(preview.program);
      },
      closePreview: () => this.dispatch({ type: "program/previewClosed" }),
      stopRun: () => {
        const run = this.store.getState().ui.run;
        if (host === undefined || run.kind !== "running") return;
        this.dispatch({ type: "run/stopRequested" });
        void host.stopRun(run.runId).catch((e: unknown) => this.notice("error", "Could not stop the run", e));
      },
      openTrace: () => {
        void host?.openTrace().then((r) => this.opened(r), this.openFailed("trace"));
      },
      // The open then answers "cancelled" (opened() drops its early build); failing to ask changes nothing.
      cancelOpen: () => void host?.cancelOpen().catch((e: unknown) => this.notice("error", "Could not cancel the open", e)),
      // A program file is shown with a Run button (opened() below), never run by the drop itself.
      openDroppedFile: (file) => {
        void host?.openDroppedFile(file).then((r) => this.opened(r), this.openFailed(file.name));
      },
      openRecent: (file) => {
        void host?.openRecent(file.path).then((r) => this.opened(r), this.openFailed(file.name));
      },
      openProgram: () => {
        void host?.pickProgram().then(
          (program) => {
            if (program !== undefined) this.startRun(program);
          },
          (e: unknown) => this.dispatch({ type: "run/startFailed", message: message(e) }),
        );
      },
      saveTrace: () => {
        if (host !== undefined) this.save(host.saveTrace(), "trace");
      },
      exportPerfetto: () => {
        if (host !== undefined) this.save(host.exportPerfetto(), "perfetto");
      },
    };
  }
}

/**
 * What "run again" runs for a trace: its sample, or the program it carries —
 * which the host runs from its own copy of the trace, and only after the user
 * has seen it and chosen to (see runAgain).
 */
function programOfTrace(header: TraceHeader | undefined, samples: readonly SampleSummary[]): ProgramRef | undefined {
  const p = header?.program;
  if (p === undefined) return undefined;
  const sample = sampleRefOfProgram(p.id, samples);
  if (sample !== undefined) return sample;
  if (p.source !== undefined) return { kind: "trace", name: p.name };
  return undefined;
}

function originOfProgram(program: ProgramRef, samples: readonly SampleSummary[]): TraceOrigin {
  switch (program.kind) {
    case "sample":
      return { kind: "sample", id: program.id, title: sampleRunTitle(program, samples) };
    case "file":
      return { kind: "program", name: program.path.split(/[\\/]/).pop() ?? program.path };
    case "trace":
      return { kind: "program", name: program.name };
  }
}

// The one contract between a host — Electron main (through the preload) or the
// web host (main/web) — and the renderer. Declared once; main, preload, web
// host and renderer all use these types. The renderer knows only HostApi and
// finds it on window.chanscope, installed by the preload or main/web/install.ts.
// Environment-neutral: types and constants only.
import type { RunStatus, Strategy, TraceEvent, TraceHeader } from "../../traces/events";

export const HOST_GLOBAL = "chanscope" as const;
export const APP_NAME = "chanscope";
export const APP_VERSION = "0.1.0";

export interface HostInfo {
  /** "electron" or "web": for the About box, never for branching behaviour. */
  readonly kind: "electron" | "web";
  readonly version: string;
}

export type SampleEnding = "ok" | "deadlock" | "leak" | "unfinished" | "panic";

export interface SampleSummary {
  readonly id: string;
  readonly title: string;
  readonly pattern: string;
  readonly lookFor: string;
  readonly ending: SampleEnding;
  readonly deadlockSeed?: number;
  /** "samples/<id>.ts": the file name source locations in its traces carry. */
  readonly file: string;
  readonly source: string;
  /** The program as the Go tutorials write it, when the host has it: runnable as the TypeScript version is. */
  readonly go?: SampleOriginal;
}

/** A sample's Go original. */
export interface SampleOriginal {
  /** "samples/go/<id>.go": the file its run's events are located in, and the id its traces carry. */
  readonly file: string;
  readonly source: string;
}

/** Which version of a sample to run: the TypeScript one (the default) or its Go original. */
export type SampleLanguage = "typescript" | "go";

/**
 * What to run. Never a program's text: the renderer names what the host may
 * run, and the host reads it itself, so a window (or a trace it opened) cannot
 * make the host run code the user did not choose.
 */
export type ProgramRef =
  | { readonly kind: "sample"; readonly id: string; readonly language?: SampleLanguage }
  /**
   * A program file the host granted: picked in its dialog, dropped on the
   * window, given on the command line or by the OS, or on its recent list
   * (desktop: the path, which main reads; browser: the name the page's host
   * keeps the picked file's text under).
   */
  | { readonly kind: "file"; readonly path: string }
  /**
   * The program embedded in the trace (or run) the host holds now, which the
   * user chose to run after the window showed it and said whose code it is.
   * `name` is for display; the host takes the source from its own session.
   */
  | { readonly kind: "trace"; readonly name: string };

export interface RunSettings {
  readonly seed: number;
  readonly strategy: Strategy;
  /** End the run as a timeout after this many events (default 1,000,000). */
  readonly maxEvents?: number;
  /** End the run as a timeout rather than move virtual time past this many ms. */
  readonly maxVirtualTimeMs?: number;
  /**
   * Wall-clock budget in ms (default 60,000). A program that keeps calling the
   * runtime ends as a timeout with its end event; one that never yields
   * (`while (true) {}`) has its worker terminated a moment later: "stopped", cut off.
   */
  readonly wallTimeMs?: number;
  readonly realTime?: boolean;
}

export interface RunStarted {
  readonly runId: number;
  readonly header: TraceHeader;
}

/** Events of a run, in order; batches concatenated are the run's trace. */
export interface RunBatch {
  readonly runId: number;
  readonly events: readonly TraceEvent[];
}

export interface ProgramProblem {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  readonly message: string;
}

export interface RunEnded {
  readonly runId: number;
  /**
   * The run's status when the program ended by itself (a limit it reached while
   * still calling the runtime is a "timeout", with an end event); "stopped" when
   * the user stopped it, or when the worker had to be terminated because the
   * program never yielded (a goroutine stuck in `while (true) {}` past the
   * wall-clock limit); "failed" when it never started (the program did not
   * load: see `problem`) or its worker crashed.
   */
  readonly outcome: RunStatus | "stopped" | "failed";
  readonly message: string;
  /** True when the trace has no `end` event: whatever was recorded is kept. */
  readonly cutOff: boolean;
  readonly eventCount: number;
  readonly problem?: ProgramProblem;
  /** The program's type errors, when the type check refused to run it (`problem` is the first). */
  readonly typeErrors?: readonly ProgramProblem[];
}

export interface TraceProblem {
  /** The file's name (web) or path (desktop). */
  readonly file: string;
  /** 1-based line, when the problem is in the file's content. */
  readonly line?: number;
  readonly message: string;
}

/**
 * The events of an opened trace, in the form its host hands them over cheaply.
 * - `events`: the parsed events themselves (a host that has them as objects
 *   already, e.g. a test's).
 * - `chunks`: the file's bytes (already checked by the host's reader), fetched
 *   with HostApi.traceChunk and read by the renderer straight into its model.
 *   Both hosts send these. The desktop: a million parsed events are a million
 *   small objects, and Electron deep-copies each of them twice (structured
 *   clone over IPC, then through the context bridge), seconds of work; bytes
 *   are copied as one block, and one IPC message must stay well under Mojo's
 *   ceiling (about 128 MiB). The browser: the window builds its model chunk by
 *   chunk, painting and taking input (a Cancel) between them, instead of
 *   freezing for seconds on a million events at once.
 */
export type TraceContent =
  | { readonly kind: "events"; readonly events: readonly TraceEvent[] }
  | {
      readonly kind: "chunks";
      /** Names this content in traceChunk; a new open or run ends it. */
      readonly id: number;
      readonly chunkCount: number;
      readonly byteLength: number;
      readonly eventCount: number;
    };

export interface OpenedTrace {
  readonly name: string;
  readonly path?: string;
  readonly header: TraceHeader;
  readonly content: TraceContent;
  /** Warnings of the reader, e.g. a file cut off mid-line ("line 812: …"). */
  readonly warnings: readonly string[];
  readonly ended: boolean;
}

/** A program file opened to be looked at first: the window shows it with a Run button, and nothing runs until the user presses it. */
export interface OpenedProgram {
  readonly name: string;
  readonly source: string;
  /** What to hand startRun when the user chooses to run it. */
  readonly program: ProgramRef;
}

export type OpenResult =
  | { readonly kind: "opened"; readonly trace: OpenedTrace }
  | { readonly kind: "program"; readonly program: OpenedProgram }
  | { readonly kind: "failed"; readonly problem: TraceProblem }
  | { readonly kind: "cancelled" };

export type SaveResult =
  | { readonly kind: "saved"; readonly name: string; readonly bytes: number }
  | { readonly kind: "failed"; readonly message: string }
  | { readonly kind: "cancelled" };

export interface OpenProgress {
  readonly name: string;
  readonly bytesRead: number;
  readonly totalBytes: number | undefined;
  /**
   * The desktop's "chunks" content this open will have if the file turns out
   * good, and how many of its chunks are read already: the window may fetch
   * those with traceChunk and build its model while the host still reads and
   * checks the rest, so the two processes overlap. Only the open's reply says
   * whether the file opened; until then the window shows nothing of it. Absent
   * from hosts that hand over events.
   */
  readonly contentId?: number;
  readonly chunksReady?: number;
}

export interface RecentFile {
  readonly path: string;
  readonly name: string;
  readonly kind: "trace" | "program";
}

/** Menu commands main sends to the renderer (the renderer owns what they do). */
export const MENU_COMMANDS = [
  "open-trace",
  "open-program",
  "save-trace",
  "export-perfetto",
  "zoom-in",
  "zoom-out",
  "zoom-fit",
  "toggle-inspector",
  "toggle-source",
  "show-shortcuts",
  "show-about",
] as const;
export type MenuCommand =
  | (typeof MENU_COMMANDS)[number]
  | { readonly kind: "open-sample"; readonly id: string }
  /**
   * Open Recent ▸ an entry, or a file given on the command line or by the OS:
   * openRecent(file.path) opens a trace, or shows a program with a Run button.
   */
  | { readonly kind: "open-recent"; readonly file: RecentFile };

/**
 * What the host holds right now, so a renderer that reloads (or crashed) picks
 * up where it was. For a run still going, batches keep coming after this
 * reply; events carry `seq` (dense from 0), so drop the ones already held.
 */
export type CurrentSession =
  | {
      readonly kind: "run";
      readonly runId: number;
      readonly header: TraceHeader;
      readonly events: readonly TraceEvent[];
      /** Undefined while the run is still going. */
      readonly ended: RunEnded | undefined;
    }
  | { readonly kind: "trace"; readonly trace: OpenedTrace };

export type Unsubscribe = () => void;

export interface HostApi {
  info(): Promise<HostInfo>;
  listSamples(): Promise<readonly SampleSummary[]>;

  /** Starts a run; its events arrive through onRunBatch, its end through onRunEnded. One run at a time: starting one stops the previous. */
  startRun(program: ProgramRef, settings: RunSettings): Promise<RunStarted>;
  /** Stops the run at any moment (a runaway worker is terminated); resolves once its RunEnded has been sent. */
  stopRun(runId: number): Promise<void>;
  onRunBatch(listener: (batch: RunBatch) => void): Unsubscribe;
  onRunEnded(listener: (ended: RunEnded) => void): Unsubscribe;

  /** Asks the user for a trace file (dialog / file input) and reads it with the traces reader. */
  openTrace(): Promise<OpenResult>;
  /** A file dropped on the window (the renderer's drop handler calls it): a trace opens; a program (.ts, .mts, .js, .mjs, .go) is shown, not run. */
  openDroppedFile(file: File): Promise<OpenResult>;
  /** A file from recentFiles() (or an "open-recent" command): a trace opens, a program is shown, not run. The web host remembers recent files for the page's lifetime only. */
  openRecent(path: string): Promise<OpenResult>;
  recentFiles(): Promise<readonly RecentFile[]>;
  onOpenProgress(listener: (progress: OpenProgress) => void): Unsubscribe;
  /**
   * Cancels the open in progress (the one reporting OpenProgress), if any:
   * that open answers `cancelled`, and what was open before stays open.
   * An open that has already answered is not undone.
   */
  cancelOpen(): Promise<void>;
  /**
   * Chunk `index` (from 0) of an opened trace whose content is `chunks`, or of
   * one still being opened (OpenProgress.chunksReady). Rejects when the session
   * no longer holds that trace (another trace was opened, or a run started,
   * since), and when an open that announced it failed.
   */
  traceChunk(contentId: number, index: number): Promise<Uint8Array>;
  /** Asks the user for a program file; undefined when cancelled. */
  pickProgram(): Promise<ProgramRef | undefined>;

  /** Saves the current trace (the last run, or the opened file) atomically (desktop) or as a download (web). */
  saveTrace(): Promise<SaveResult>;
  /** Writes the current trace as Chrome Trace Event JSON for Perfetto. */
  exportPerfetto(): Promise<SaveResult>;

  /**
   * Menu commands (desktop menu; in the browser, Ctrl/Cmd+O and Ctrl/Cmd+S).
   * Commands sent before the first listener subscribes are kept and delivered
   * to it, so a file given on the command line is not lost while the app mounts.
   */
  onMenuCommand(listener: (command: MenuCommand) => void): Unsubscribe;

  /** The run or trace the host holds (see CurrentSession); undefined when nothing is open. */
  currentSession(): Promise<CurrentSession | undefined>;
}

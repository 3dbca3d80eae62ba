// Everything Electron main does for the renderer, in plain TypeScript: runs in
// worker threads, the session, opening and saving files, recent files. The
// Electron layer only supplies the dialogs and the window to send events to
// (main/electron), so all of this runs under vitest without Electron.
import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import type { TraceEvent } from "../../../traces/events";
import { chromeTraceJson } from "../../../traces/export/chrome";
import {
  APP_VERSION,
  type CurrentSession,
  type HostInfo,
  type OpenResult,
  type ProgramProblem,
  type ProgramRef,
  type RecentFile,
  type RunSettings,
  type RunStarted,
  type SampleSummary,
  type SaveResult,
  type TraceContent,
} from "../../contract/hostApi";
import type { IpcEventName, IpcEvents } from "../../contract/ipcChannels";
import { CancellableOpens, failedResult, openedResult, progressReporter } from "../../core/openedTrace";
import { promiseOf } from "../../core/promiseOf";
import type { ProgramSource } from "../../core/traceHeader";
import { RunSupervisor, type RunSupervisorOptions, type RunWorkerFactory } from "../../core/runSupervisor";
import { sampleProgram } from "../../core/sampleSummaries";
import { ByteBlocks } from "../../core/byteBlocks";
import { readTraceFileChunks, writeTextFileAtomic, type TraceFileChunks } from "../files/traceFile";
import type { HostRequests } from "../ipc/ipcHandlers";
import type { RecentFiles } from "../recent/recentFiles";
import type { SessionStore } from "../session/sessionStore";
import { embeddedProgram, isProgramFile, programName, suggestedPerfettoName, suggestedTraceName } from "../../core/fileNames";

/** The native dialogs (Electron's dialog module; fakes in tests). Undefined: the user cancelled. */
export interface DesktopDialogs {
  chooseTraceToOpen(): Promise<string | undefined>;
  chooseProgram(): Promise<string | undefined>;
  chooseSaveTarget(suggestedName: string, kind: "trace" | "perfetto"): Promise<string | undefined>;
}

export interface DesktopHostDeps {
  readonly samples: readonly SampleSummary[];
  readonly createWorker: RunWorkerFactory;
  readonly session: SessionStore;
  readonly recent: RecentFiles;
  readonly dialogs: DesktopDialogs;
  /** Sends an event to the app's window. */
  readonly emit: <K extends IpcEventName>(name: K, payload: IpcEvents[K]) => void;
  /** The recent list changed (the Open Recent menu is rebuilt). */
  readonly recentChanged?: (files: readonly RecentFile[]) => void;
  readonly runOptions?: RunSupervisorOptions;
  /** The size of an opened trace's chunks (TRACE_CHUNK_BYTES; smaller in tests). */
  readonly traceChunkBytes?: number;
  /** Type-checks a program that is not a bundled sample before it runs (main/node/check); errors refuse the run. */
  readonly typeCheck?: (program: ProgramSource) => readonly ProgramProblem[];
}

/** The largest program file main reads: far above a real program. */
const MAX_PROGRAM_BYTES = 4 * 1024 * 1024;

export class DesktopHost implements HostRequests {
  private readonly runs: RunSupervisor;
  /**
   * Paths the renderer may name back to main: those the user chose in a dialog,
   * gave on the command line or picked from Open Recent. A renderer cannot make
   * main read or run any other file by naming it.
   */
  private readonly granted = new Set<string>();
  /** Names each opened trace's content for traceChunk. */
  private nextContentId = 1;
  /**
   * Opens still reading, by content id: the chunks each has filled so far,
   * which the window may fetch before the reply (OpenProgress.chunksReady).
   */
  private readonly reading = new Map<number, (index: number) => Uint8Array | undefined>();
  private readonly opens = new CancellableOpens();
  /** Paths the preload saw dropped on the window (grantDropped). */
  private readonly dropped = new Set<string>();

  constructor(private readonly deps: DesktopHostDeps) {
    this.runs = new RunSupervisor(
      deps.createWorker,
      {
        started: (runId, header) => deps.session.runStarted(runId, header),
        batch: (batch) => {
          deps.session.runBatch(batch);
          deps.emit("runBatch", batch);
        },
        ended: (ended) => {
          deps.session.runEnded(ended);
          deps.emit("runEnded", ended);
        },
      },
      deps.runOptions,
    );
  }

  /** Lets the renderer name this path (a file from the command line, the OS, or a menu). */
  grant(path: string): void {
    this.granted.add(path);
  }

  info(): Promise<HostInfo> {
    return Promise.resolve({ kind: "electron", version: APP_VERSION });
  }

  listSamples(): Promise<readonly SampleSummary[]> {
    return Promise.resolve(this.deps.samples);
  }

  async startRun(ref: ProgramRef, settings: RunSettings): Promise<RunStarted> {
    const program = await this.program(ref);
    if (ref.kind === "file") await this.remember(ref.path, "program");
    // Nothing is awaited from here to the reply, so the reply reaches the renderer before the run's first batch.
    const typeErrors = ref.kind === "sample" ? [] : (this.deps.typeCheck?.(program) ?? []);
    if (typeErrors.length > 0) return this.runs.refuse(program, settings, ref, typeErrors);
    return this.runs.start(program, settings, ref);
  }

  async stopRun(runId: number): Promise<void> {
    await this.runs.stop(runId);
  }

  async openTrace(): Promise<OpenResult> {
    const path = await this.deps.dialogs.chooseTraceToOpen();
    if (path === undefined) return { kind: "cancelled" };
    return this.open(path);
  }

  /**
   * Paths of files the user dropped on the window. The preload reads them from
   * the drop event itself (webUtils) and tells main on a channel of its own,
   * before the window asks to open them: a window cannot name a path it was
   * not given.
   */
  grantDroppedPaths(paths: readonly string[]): Promise<void> {
    for (const p of paths) this.dropped.add(p);
    return Promise.resolve();
  }

  /** A dropped file, by the path the drop granted: a trace opens, a program is shown. */
  async openDroppedPath(path: string): Promise<OpenResult> {
    if (!this.dropped.has(path)) return { kind: "failed", problem: { file: path, message: "not a file dropped on this window" } };
    return isProgramFile(path) ? this.openProgramFile(path) : this.open(path);
  }

  async openRecent(path: string): Promise<OpenResult> {
    if (!(await this.mayName(path))) {
      return { kind: "failed", problem: { file: path, message: "not a recent file: open it with File → Open Trace…" } };
    }
    return isProgramFile(path) ? this.openProgramFile(path) : this.open(path);
  }

  /** A program to show with a Run button: read, never run here. */
  private async openProgramFile(path: string): Promise<OpenResult> {
    try {
      const source = await this.readProgram(path);
      await this.remember(path, "program");
      return { kind: "program", program: { name: basename(path), source, program: { kind: "file", path } } };
    } catch (err) {
      return { kind: "failed", problem: { file: path, message: err instanceof Error ? err.message : String(err) } };
    }
  }

  cancelOpen(): Promise<void> {
    this.opens.cancel();
    return Promise.resolve();
  }

  /** The renderer reads an opened trace's bytes chunk by chunk (TraceContent "chunks"), also while it is being opened. */
  traceChunk(contentId: number, index: number): Promise<Uint8Array> {
    // A trace no longer open makes chunk() throw: the renderer gets that as the rejection.
    return promiseOf(() => this.reading.get(contentId)?.(index) ?? this.deps.session.chunk(contentId, index));
  }

  async recentFiles(): Promise<readonly RecentFile[]> {
    return this.deps.recent.list();
  }

  async pickProgram(): Promise<ProgramRef | undefined> {
    const path = await this.deps.dialogs.chooseProgram();
    if (path === undefined) return undefined;
    this.grant(path);
    return { kind: "file", path };
  }

  async saveTrace(): Promise<SaveResult> {
    const contents = this.deps.session.contents();
    if (contents === undefined) return { kind: "failed", message: "nothing to save: run a program or open a trace first" };
    const target = await this.deps.dialogs.chooseSaveTarget(suggestedTraceName(contents.name), "trace");
    if (target === undefined) return { kind: "cancelled" };
    try {
      const { bytes } = await this.deps.session.saveTo(target);
      await this.remember(target, "trace");
      return { kind: "saved", name: basename(target), bytes };
    } catch (err) {
      return { kind: "failed", message: err instanceof Error ? err.message : String(err) };
    }
  }

  async exportPerfetto(): Promise<SaveResult> {
    const contents = this.deps.session.contents();
    if (contents === undefined) return { kind: "failed", message: "nothing to export: run a program or open a trace first" };
    const target = await this.deps.dialogs.chooseSaveTarget(suggestedPerfettoName(contents.name), "perfetto");
    if (target === undefined) return { kind: "cancelled" };
    try {
      const events: TraceEvent[] = [];
      for await (const e of contents.events()) events.push(e);
      // Streamed, as the CLI's export: a big trace never becomes one string.
      const { bytes } = await writeTextFileAtomic(target, chromeTraceJson(contents.header, events), "the export");
      return { kind: "saved", name: basename(target), bytes };
    } catch (err) {
      return { kind: "failed", message: err instanceof Error ? err.message : String(err) };
    }
  }

  async currentSession(): Promise<CurrentSession | undefined> {
    return this.deps.session.snapshot();
  }

  /** Stops any run and deletes the session's temporary files (the app is quitting). */
  async dispose(): Promise<void> {
    this.runs.dispose();
    await this.deps.session.dispose();
  }

  /**
   * Reads a trace with the traces reader, streaming (the main process stays
   * responsive between chunks; progress goes to the renderer). The session
   * changes only when the file opened: a bad file leaves what was open alone.
   * Each chunk is announced as soon as it is filled, so the window can build
   * its model while the rest is read and checked; only the reply tells it
   * whether to show that model.
   */
  private async open(path: string): Promise<OpenResult> {
    const name = basename(path);
    const id = this.nextContentId++;
    const progress = progressReporter(name, (p) => this.deps.emit("openProgress", p), { contentId: id });
    const blocks = new ByteBlocks(this.deps.traceChunkBytes);
    this.reading.set(id, (i) => blocks.filled(i));
    const underWay = this.opens.begin();
    try {
      let result: OpenResult;
      let read: TraceFileChunks;
      try {
        read = await readTraceFileChunks(path, {
          blocks,
          signal: underWay.signal,
          onProgress: (p) => progress(p.bytesRead, p.totalBytes, blocks.filledCount),
        });
        // The last chunk is cut to size only now; every chunk stays fetchable until the session holds them.
        const chunks = read.chunks;
        this.reading.set(id, (i) => chunks[i]);
        const content: TraceContent = {
          kind: "chunks",
          id,
          chunkCount: chunks.length,
          byteLength: read.byteLength,
          eventCount: read.eventCount,
        };
        result = openedResult(read, content, name, path);
      } catch (err) {
        return failedResult(err, path);
      }
      // From here on the open happens: a cancel comes too late.
      underWay.end();
      if (result.kind === "opened") {
        await this.runs.stopCurrent();
        this.deps.session.traceOpened(result.trace, read.chunks);
        await this.remember(path, "trace");
      }
      return result;
    } finally {
      underWay.end();
      this.reading.delete(id);
    }
  }

  private async program(ref: ProgramRef): Promise<ProgramSource> {
    switch (ref.kind) {
      case "sample": {
        const sample = this.deps.samples.find((s) => s.id === ref.id);
        if (sample === undefined) throw new Error(`no sample '${ref.id}'`);
        return sampleProgram(sample, ref.language);
      }
      case "trace": {
        // The session's own header, never text from the window.
        const header = this.deps.session.contents()?.header;
        const embedded = header === undefined ? undefined : embeddedProgram(header);
        if (embedded === undefined) throw new Error("the open trace carries no program to run");
        return embedded;
      }
      case "file": {
        if (!(await this.mayName(ref.path))) throw new Error(`not a program you opened: ${ref.path} (use File → Open Program…)`);
        const source = await this.readProgram(ref.path);
        return { name: programName(ref.path), id: ref.path, file: ref.path, source };
      }
      default:
        // Anything else (a program's text, say) is refused here too, not only at the IPC boundary.
        throw new Error(`cannot run a program given as ${JSON.stringify((ref as { kind?: unknown }).kind)}`);
    }
  }

  private async readProgram(path: string): Promise<string> {
    const info = await stat(path).catch(() => undefined);
    if (info === undefined || !info.isFile()) throw new Error(`cannot read program ${path}: no such file`);
    if (info.size > MAX_PROGRAM_BYTES) throw new Error(`cannot read program ${path}: larger than ${MAX_PROGRAM_BYTES} bytes`);
    return readFile(path, "utf8");
  }

  private async mayName(path: string): Promise<boolean> {
    return this.granted.has(path) || (await this.deps.recent.has(path));
  }

  private async remember(path: string, kind: RecentFile["kind"]): Promise<void> {
    this.grant(path);
    const files = await this.deps.recent.add(path, kind).catch(() => undefined);
    if (files !== undefined) this.deps.recentChanged?.(files);
  }
}

// The browser twin of Electron main: HostApi in the page itself. Programs run
// in Web Workers (stop terminates one), files are picked with a file input or
// dropped, saved as downloads. Recent files are remembered for the page's
// lifetime only (in memory: a page cannot reopen a file by path later).
import { toChromeTrace } from "../../traces/export/chrome";
import type { TraceEvent } from "../../traces/events";
import { readTrace, serializeTrace } from "../../traces/format";
import {
  APP_VERSION,
  type HostApi,
  type MenuCommand,
  type OpenedProgram,
  type OpenProgress,
  type OpenResult,
  type ProgramRef,
  type RecentFile,
  type RunBatch,
  type RunEnded,
  type SampleSummary,
} from "../contract/hostApi";
import { embeddedProgram, isProgramFile, programName, suggestedPerfettoName, suggestedTraceName } from "../core/fileNames";
import { ListenerSet } from "../core/listenerSet";
import { ByteBlocks } from "../core/byteBlocks";
import { CancellableOpens, failedResult, openedResult, progressReporter } from "../core/openedTrace";
import { promiseOf } from "../core/promiseOf";
import type { ProgramSource } from "../core/traceHeader";
import { RunSupervisor, type RunWorkerFactory } from "../core/runSupervisor";
import { sampleProgram } from "../core/sampleSummaries";
import { withRecent } from "../core/recentList";
import { readTraceBlobChunks } from "./blobTrace";
import { chooseFile, download } from "./browserFiles";
import { MemorySession, type MemorySessionContents } from "./memorySession";

export interface WebHostDeps {
  readonly samples: readonly SampleSummary[];
  readonly createWorker: RunWorkerFactory;
}

export interface WebHost extends HostApi {
  /** Sends a menu command, as the desktop menu would (the browser's keyboard shortcuts). */
  readonly command: (command: MenuCommand) => void;
}

/** The largest program file the page reads (the desktop's limit too). */
const MAX_PROGRAM_BYTES = 4 * 1024 * 1024;

const TRACE_ACCEPT = ".jsonl,.json,application/x-ndjson,application/json";
const PROGRAM_ACCEPT = ".ts,.mts,.js,.mjs,.go";

/**
 * 1 MiB, about 12,000 events: the window builds its model one block at a time
 * on the page's one thread, so a block is what it spends between two paints.
 */
const WEB_TRACE_CHUNK_BYTES = 1024 * 1024;

/** Resolves on a later task, so the page paints and takes input (a Cancel) between two blocks. */
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

type Remembered = { readonly kind: "trace"; readonly file: File } | { readonly kind: "program"; readonly source: string };

export function createWebHost(deps: WebHostDeps): WebHost {
  const session = new MemorySession();
  const batches = new ListenerSet<RunBatch>();
  const endings = new ListenerSet<RunEnded>();
  const progress = new ListenerSet<OpenProgress>();
  const commands = new ListenerSet<MenuCommand>({ keepUntilListened: true });
  let recent: readonly RecentFile[] = [];
  const remembered = new Map<string, Remembered>();
  const opens = new CancellableOpens();
  let nextContentId = 1;
  /** Opens still reading, by content id: the blocks filled so far (OpenProgress.chunksReady). */
  const reading = new Map<number, (index: number) => Uint8Array | undefined>();

  const runs = new RunSupervisor(deps.createWorker, {
    started: (runId, header) => session.runStarted(runId, header),
    batch: (batch) => {
      session.runBatch(batch);
      batches.emit(batch);
    },
    ended: (ended) => {
      session.runEnded(ended);
      endings.emit(ended);
    },
  });

  const remember = (name: string, what: Remembered): void => {
    remembered.set(name, what);
    recent = withRecent(recent, { path: name, name, kind: what.kind });
    for (const key of [...remembered.keys()]) if (!recent.some((f) => f.path === key)) remembered.delete(key);
  };

  // As the desktop opens a file: read and checked here, each block announced as
  // it fills so the window builds while the rest is read; the session changes
  // only when the file opened, so a bad file or a cancel leaves what was open.
  const open = async (file: File): Promise<OpenResult> => {
    const id = nextContentId++;
    const report = progressReporter(file.name, (p) => progress.emit(p), { contentId: id });
    const blocks = new ByteBlocks(WEB_TRACE_CHUNK_BYTES);
    reading.set(id, (i) => blocks.filled(i));
    const underWay = opens.begin();
    try {
      let result: OpenResult;
      let chunks: readonly Uint8Array[];
      try {
        const read = await readTraceBlobChunks(file, {
          blocks,
          signal: underWay.signal,
          onProgress: (bytesRead, totalBytes) => report(bytesRead, totalBytes, blocks.filledCount),
          pause: nextTask,
        });
        chunks = read.chunks;
        reading.set(id, (i) => chunks[i]);
        result = openedResult(
          read,
          { kind: "chunks", id, chunkCount: chunks.length, byteLength: read.byteLength, eventCount: read.eventCount },
          file.name,
        );
      } catch (err) {
        return failedResult(err, file.name);
      }
      underWay.end();
      if (result.kind === "opened") {
        await runs.stopCurrent();
        session.traceOpened(result.trace, chunks);
        remember(file.name, { kind: "trace", file });
      }
      return result;
    } finally {
      underWay.end();
      reading.delete(id);
    }
  };

  const program = (ref: ProgramRef): ProgramSource => {
    switch (ref.kind) {
      case "sample": {
        const sample = deps.samples.find((s) => s.id === ref.id);
        if (sample === undefined) throw new Error(`no sample '${ref.id}'`);
        return sampleProgram(sample, ref.language);
      }
      case "trace": {
        // The session's own header, never text from the window.
        const contents = session.contents();
        const embedded = contents === undefined ? undefined : embeddedProgram(contents.header);
        if (embedded === undefined) throw new Error("the open trace carries no program to run");
        return embedded;
      }
      case "file": {
        const r = remembered.get(ref.path);
        if (r?.kind !== "program") throw new Error(`not a program opened in this page: ${ref.path}`);
        return { name: programName(ref.path), id: ref.path, file: ref.path, source: r.source };
      }
      default:
        throw new Error(`cannot run a program given as ${JSON.stringify((ref as { kind?: unknown }).kind)}`);
    }
  };

  /** A program file picked or dropped: kept under its name, which is what a ProgramRef names. */
  const programFile = async (file: File): Promise<OpenedProgram> => {
    if (file.size > MAX_PROGRAM_BYTES) throw new Error(`cannot read program ${file.name}: larger than ${MAX_PROGRAM_BYTES} bytes`);
    const source = await file.text();
    remember(file.name, { kind: "program", source });
    return { name: file.name, source, program: { kind: "file", path: file.name } };
  };

  /** A program to show with a Run button: read, never run here. */
  const showProgram = (file: File): Promise<OpenResult> =>
    programFile(file).then(
      (program): OpenResult => ({ kind: "program", program }),
      (err: unknown): OpenResult => ({
        kind: "failed",
        problem: { file: file.name, message: err instanceof Error ? err.message : String(err) },
      }),
    );

  return {
    info: () => Promise.resolve({ kind: "web", version: APP_VERSION }),
    listSamples: () => Promise.resolve(deps.samples),
    // No such sample, or a worker that cannot start: the renderer gets the rejection.
    startRun: (ref, settings) => promiseOf(() => runs.start(program(ref), settings, ref)),
    stopRun: (runId) => runs.stop(runId),
    onRunBatch: (listener) => batches.add(listener),
    onRunEnded: (listener) => endings.add(listener),
    openTrace: () =>
      chooseFile(TRACE_ACCEPT).then((file): Promise<OpenResult> | OpenResult => (file === undefined ? { kind: "cancelled" } : open(file))),
    openDroppedFile: (file) => (isProgramFile(file.name) ? showProgram(file) : open(file)),
    openRecent: async (path) => {
      const r = remembered.get(path);
      if (r === undefined) return { kind: "failed", problem: { file: path, message: "not a recent file of this page: open it again" } };
      if (r.kind === "program") return { kind: "program", program: { name: path, source: r.source, program: { kind: "file", path } } };
      return open(r.file);
    },
    recentFiles: () => Promise.resolve(recent),
    onOpenProgress: (listener) => progress.add(listener),
    cancelOpen: () => {
      opens.cancel();
      return Promise.resolve();
    },
    // A trace no longer open makes chunk() throw: the window gets that as the rejection.
    traceChunk: (contentId, index) => nextTask().then(() => reading.get(contentId)?.(index) ?? session.chunk(contentId, index)),
    pickProgram: () =>
      chooseFile(PROGRAM_ACCEPT).then(async (file): Promise<ProgramRef | undefined> =>
        file === undefined ? undefined : (await programFile(file)).program,
      ),
    // A trace held as chunks, a string too long, a failed download: the renderer gets the rejection.
    saveTrace: () =>
      promiseOf(() => {
        const c = session.contents();
        if (c === undefined) return { kind: "failed", message: "nothing to save: run a program or open a trace first" };
        const name = suggestedTraceName(c.name);
        const parts = c.kind === "bytes" ? c.chunks : [serializeTrace(c.header, c.events)];
        const bytes = download(name, parts, "application/x-ndjson");
        return { kind: "saved", name, bytes };
      }),
    exportPerfetto: async () => {
      const c = session.contents();
      if (c === undefined) return { kind: "failed", message: "nothing to export: run a program or open a trace first" };
      const name = suggestedPerfettoName(c.name);
      const events = await eventsOf(c);
      const bytes = download(name, [JSON.stringify(toChromeTrace(c.header, events))], "application/json");
      return { kind: "saved", name, bytes };
    },
    onMenuCommand: (listener) => commands.add(listener),
    currentSession: () => Promise.resolve(session.snapshot()),
    command: (command) => commands.emit(command),
  };
}

/** A session's events: a run's as they are, an opened file's read again from its bytes. */
async function eventsOf(c: MemorySessionContents): Promise<readonly TraceEvent[]> {
  if (c.kind === "events") return c.events;
  const events: TraceEvent[] = [];
  await readTrace(c.chunks, { header: () => {}, event: (e) => void events.push(e) });
  return events;
}

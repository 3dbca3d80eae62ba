// What main holds for the window: the current run (its events spilled to a
// temporary file as they arrive) or the trace file that was opened, until the
// user opens something else. Save and export read from here, and a renderer
// that reloads asks for it again (currentSession).
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TraceEvent, TraceHeader } from "../../../traces/events";
import type { CurrentSession, OpenedTrace, RunBatch, RunEnded } from "../../contract/hostApi";
import { traceEvents } from "../../../traces/format";
import { writeTraceFileAtomic, type WriteTraceFileResult } from "../files/traceFile";
import { RunSpill } from "./runSpill";
import { sessionDirPrefix } from "../files/leftovers";

type Session =
  | { readonly kind: "run"; readonly runId: number; readonly spill: RunSpill; ended: RunEnded | undefined }
  | { readonly kind: "trace"; readonly trace: OpenedTrace; readonly chunks: readonly Uint8Array[] };

/** The trace the session holds, for save and export. */
export interface SessionContents {
  readonly header: TraceHeader;
  /** A name to suggest when saving (the program's id or name, or the opened file's name). */
  readonly name: string;
  events(): Iterable<TraceEvent> | AsyncIterable<TraceEvent>;
}

export class SessionStore {
  private session: Session | undefined;
  private spillDir: Promise<string> | undefined;
  private spillCounter = 0;
  private readonly disposing: Promise<void>[] = [];

  /** `parentDir` holds the spill directory (default: the OS's temporary directory). */
  constructor(private readonly parentDir: string = tmpdir()) {}

  /** A run started: it becomes the session, replacing whatever was open. */
  runStarted(runId: number, header: TraceHeader): void {
    const dir = (this.spillDir ??= mkdtemp(join(this.parentDir, sessionDirPrefix())));
    const path = dir.then((d) => join(d, `run-${runId}-${this.spillCounter++}.trace.jsonl`));
    this.replace({ kind: "run", runId, spill: new RunSpill(path, header), ended: undefined });
  }

  runBatch(batch: RunBatch): void {
    const s = this.session;
    if (s?.kind === "run" && s.runId === batch.runId) s.spill.append(batch.events);
  }

  runEnded(ended: RunEnded): void {
    const s = this.session;
    if (s?.kind === "run" && s.runId === ended.runId) s.ended = ended;
  }

  /**
   * A trace file was opened: it becomes the session. `chunks` are its bytes
   * when its content is "chunks" (the renderer fetches them with chunk()).
   */
  traceOpened(trace: OpenedTrace, chunks: readonly Uint8Array[] = []): void {
    if (trace.content.kind === "chunks" && trace.content.chunkCount !== chunks.length) {
      throw new Error(`trace ${trace.name}: its content names ${trace.content.chunkCount} chunks, ${chunks.length} given`);
    }
    this.replace({ kind: "trace", trace, chunks });
  }

  /** Chunk `index` of the opened trace whose content has id `contentId`. */
  chunk(contentId: number, index: number): Uint8Array {
    const s = this.session;
    if (s?.kind !== "trace" || s.trace.content.kind !== "chunks" || s.trace.content.id !== contentId) {
      throw new Error("that trace is no longer open (another trace was opened or a run started since): open it again");
    }
    const chunk = s.chunks[index];
    if (chunk === undefined) throw new Error(`trace ${s.trace.name} has ${s.chunks.length} chunks, not a chunk ${index}`);
    return chunk;
  }

  get isEmpty(): boolean {
    return this.session === undefined;
  }

  /** For a renderer that reloads: everything held, events included. */
  async snapshot(): Promise<CurrentSession | undefined> {
    const s = this.session;
    if (s === undefined) return undefined;
    if (s.kind === "trace") return { kind: "trace", trace: s.trace };
    const events = await s.spill.allEvents();
    return { kind: "run", runId: s.runId, header: s.spill.header, events, ended: s.ended };
  }

  contents(): SessionContents | undefined {
    const s = this.session;
    if (s === undefined) return undefined;
    if (s.kind === "trace") {
      const { trace, chunks } = s;
      const content = trace.content;
      const events = (): Iterable<TraceEvent> | AsyncIterable<TraceEvent> =>
        content.kind === "events" ? content.events : traceEvents(chunks);
      return { header: trace.header, name: trace.name, events };
    }
    const { spill } = s;
    return { header: spill.header, name: spill.header.program.id ?? spill.header.program.name, events: () => spill.events() };
  }

  /**
   * Writes the session's trace to `path` atomically: the events stream from the
   * spill through the traces writer into a temporary file that replaces `path`
   * only once complete, so a failure midway leaves the old file as it was.
   */
  async saveTo(path: string): Promise<WriteTraceFileResult> {
    const c = this.contents();
    if (c === undefined) throw new Error("nothing to save: run a program or open a trace first");
    return writeTraceFileAtomic(path, c.header, c.events());
  }

  /** Deletes the spill files (when the app quits). */
  async dispose(): Promise<void> {
    this.replace(undefined);
    await Promise.all(this.disposing);
    if (this.spillDir !== undefined) {
      const dir = await this.spillDir.catch(() => undefined);
      if (dir !== undefined) await rm(dir, { recursive: true, force: true });
    }
  }

  private replace(next: Session | undefined): void {
    const previous = this.session;
    this.session = next;
    if (previous?.kind === "run") this.disposing.push(previous.spill.dispose().catch(() => {}));
  }
}

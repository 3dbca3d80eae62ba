// A running program's events, spilled to a temporary trace file as they
// arrive (the traces writer's format), so main holds a run of any length
// without keeping it in memory, and a renderer that reloads or crashes loses
// nothing. Appends are queued: events may arrive before the file is open.
import { createReadStream } from "node:fs";
import { open, rm, type FileHandle } from "node:fs/promises";
import type { TraceEvent, TraceHeader } from "../../../traces/events";
import { TraceReader, TraceWriter } from "../../../traces/format";

export class RunSpill {
  private readonly writer: TraceWriter;
  private readonly handle: Promise<FileHandle>;
  private queue: Promise<void>;
  /** The first failed open or write, boxed: any value may be thrown. */
  private failure: { readonly error: unknown } | undefined = undefined;
  private count = 0;
  private disposed = false;

  private readonly path: Promise<string>;

  /** `path` may still be on its way (a temporary directory being made): appends wait for it. */
  constructor(
    path: string | Promise<string>,
    readonly header: TraceHeader,
  ) {
    this.path = Promise.resolve(path);
    this.handle = this.path.then((p) => open(p, "w", 0o600));
    this.queue = this.handle.then(
      () => {},
      (err: unknown) => {
        this.failure = { error: err };
      },
    );
    // Every batch is flushed by hand, so the file always ends with whole lines.
    this.writer = new TraceWriter(header, (text) => this.enqueue(text), { batchChars: Number.POSITIVE_INFINITY });
    this.writer.flush();
  }

  get eventCount(): number {
    return this.count;
  }

  append(events: readonly TraceEvent[]): void {
    if (this.disposed) return;
    this.writer.events(events);
    this.writer.flush();
    this.count += events.length;
  }

  /** Resolves once everything appended so far is in the file; rejects if a write failed. */
  /** Where the spill is, once the file exists. */
  async file(): Promise<string> {
    await this.handle;
    return this.path;
  }

  async flushed(): Promise<void> {
    await this.queue;
    if (this.failure !== undefined) throw this.failure.error;
  }

  /** The events in the file, streamed through the traces reader (bounded memory, whatever the run's length). */
  async *events(): AsyncGenerator<TraceEvent> {
    await this.flushed();
    let ready: TraceEvent[] = [];
    const reader = new TraceReader({
      header: () => {},
      event: (e) => {
        ready.push(e);
      },
    });
    for await (const chunk of createReadStream(await this.path)) {
      reader.push(chunk as Uint8Array);
      const batch = ready;
      ready = [];
      yield* batch;
    }
    reader.end();
    yield* ready;
  }

  async allEvents(): Promise<TraceEvent[]> {
    const all: TraceEvent[] = [];
    for await (const e of this.events()) all.push(e);
    return all;
  }

  /** Closes and deletes the file. */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    await this.queue;
    await this.handle.then((h) => h.close()).catch(() => {});
    await this.path.then((p) => rm(p, { force: true })).catch(() => {});
  }

  private enqueue(text: string): void {
    this.queue = this.queue.then(async () => {
      if (this.failure !== undefined) return;
      try {
        const h = await this.handle;
        await h.write(text);
      } catch (err) {
        // Disk full or gone: keep the first error; flushed() and events() report it.
        this.failure = { error: err };
      }
    });
  }
}

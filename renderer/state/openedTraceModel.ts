// The model of an opened trace, from whichever form its host handed it over in
// (TraceContent in the contract). Events are built at once. Chunks (the
// desktop's: the file's bytes) are fetched one at a time and read straight
// into the model builder: the window never holds the trace as a million
// objects and a model at once, and between chunks it can paint how far it got.
// The desktop announces chunks while it still reads the file (EarlyChunkBuild):
// the window builds from those as they come, and the open's reply only
// finishes that build.
import type { OpenedTrace, OpenProgress, TraceProblem } from "../../main/contract/hostApi";
import { TraceFormatError, readTrace } from "../../traces/format";
import { TraceModelBuilder, buildModel, type TraceModel } from "../../traces/model/index";

export type FetchChunk = (contentId: number, index: number) => Promise<Uint8Array>;
type ChunksContent = Extract<OpenedTrace["content"], { kind: "chunks" }>;

export async function modelOfOpenedTrace(
  t: OpenedTrace,
  fetchChunk: FetchChunk,
  onProgress: (bytesRead: number, totalBytes: number) => void = () => {},
  early?: EarlyChunkBuild,
): Promise<TraceModel> {
  const c = t.content;
  switch (c.kind) {
    case "events":
      return buildModel(c.events, t.header);
    case "chunks": {
      if (early !== undefined && early.contentId === c.id) {
        try {
          return await early.finish(c, onProgress);
        } catch {
          // Whatever went wrong early (a chunk fetch the host refused, say) is tried once more from the start, the plain way.
        }
      }
      return new ChunkBuild(fetchChunk, c.id).finish(c, onProgress);
    }
  }
}

/**
 * Reads a "chunks" content into a model as its chunks become available: chunk
 * i is fetched once the host has announced more than i of them. Until the
 * open's reply (finish) the total is unknown, so the build may be ahead of
 * the verdict; abandon() ends a build whose open failed or was overtaken.
 */
class ChunkBuild {
  private ready = 0;
  private total: number | undefined;
  private abandoned: Error | undefined;
  private wake: (() => void) | undefined;
  private bytesRead = 0;
  private onChunk: (bytesRead: number) => void = () => {};
  private readonly result: Promise<{ model: TraceModel; eventCount: number }>;

  constructor(
    private readonly fetchChunk: FetchChunk,
    readonly contentId: number,
  ) {
    this.result = this.run();
    // An abandoned build's failure is nobody's business.
    this.result.catch(() => undefined);
  }

  /** The host has `count` chunks of this content ready. */
  announce(count: number): void {
    if (count <= this.ready) return;
    this.ready = count;
    this.poke();
  }

  abandon(reason: string): void {
    this.abandoned ??= new Error(reason);
    this.poke();
  }

  /** The open's reply: the content's real size. Resolves to the model once every chunk is read, checked against the reply. */
  async finish(c: ChunksContent, onProgress: (bytesRead: number, totalBytes: number) => void): Promise<TraceModel> {
    this.total = c.chunkCount;
    this.onChunk = (bytesRead) => onProgress(bytesRead, c.byteLength);
    if (this.bytesRead > 0) this.onChunk(this.bytesRead);
    // Every chunk is there now, the last (cut to size) included; a reader waiting for one more learns there is none.
    this.ready = Math.max(this.ready, c.chunkCount);
    this.poke();
    const { model, eventCount } = await this.result;
    if (this.bytesRead !== c.byteLength || eventCount !== c.eventCount) {
      throw new Error(
        `the host sent ${this.bytesRead} bytes holding ${eventCount} events, but read ${c.byteLength} bytes holding ${c.eventCount}`,
      );
    }
    return model;
  }

  private poke(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  /** Chunk i once it is ready; undefined after the last one. */
  private async chunk(i: number): Promise<Uint8Array | undefined> {
    for (;;) {
      if (this.abandoned !== undefined) throw this.abandoned;
      if (this.total !== undefined && i >= this.total) return undefined;
      if (i < this.ready) return this.fetchChunk(this.contentId, i);
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  /** The chunks in order, as they become available; the reader takes each before the next is fetched. */
  private async *chunks(): AsyncGenerator<Uint8Array> {
    for (let i = 0; ; i++) {
      const bytes = await this.chunk(i);
      if (bytes === undefined) return;
      yield bytes;
      // Resumed once the reader has taken the chunk: its events are in the model.
      this.bytesRead += bytes.length;
      this.onChunk(this.bytesRead);
    }
  }

  private async run(): Promise<{ model: TraceModel; eventCount: number }> {
    let builder: TraceModelBuilder | undefined;
    const summary = await readTrace(this.chunks(), {
      header: (h) => (builder = new TraceModelBuilder(h)),
      event: (e) => builder!.add(e),
    });
    if (this.abandoned !== undefined) throw this.abandoned;
    return { model: builder!.finish(), eventCount: summary.eventCount };
  }
}

/**
 * The window's side of an open the desktop is still reading: it follows the
 * host's progress (OpenProgress.contentId / chunksReady), building from each
 * announced chunk as it comes, while the host reads and checks the rest. At
 * most one at a time: a newer open's announcements end an older one. The open's
 * reply claims the build (modelOfOpenedTrace); a failed open or a run drops it.
 */
export class EarlyChunkBuilds {
  private build: ChunkBuild | undefined;
  /** Contents up to this id were claimed or dropped: a late announcement of one starts nothing. */
  private settled = 0;

  constructor(private readonly fetchChunk: FetchChunk) {}

  progress(p: OpenProgress): void {
    if (p.contentId === undefined || p.chunksReady === undefined || p.contentId <= this.settled) return;
    if (this.build === undefined || p.contentId > this.build.contentId) {
      this.build?.abandon("another trace is being opened");
      this.build = new ChunkBuild(this.fetchChunk, p.contentId);
    }
    if (p.contentId === this.build.contentId) this.build.announce(p.chunksReady);
  }

  /** The build of this content, for the open's reply to finish; undefined when none started. Older builds end; a newer open's goes on. */
  claim(contentId: number): EarlyChunkBuild | undefined {
    this.settled = Math.max(this.settled, contentId);
    const b = this.build;
    if (b === undefined || b.contentId > contentId) return undefined;
    this.build = undefined;
    if (b.contentId === contentId) return b;
    b.abandon("a later trace was opened");
    return undefined;
  }

  /** An open failed or was cancelled, or a run started: whatever was being built early is dropped. */
  drop(): void {
    if (this.build === undefined) return;
    this.settled = Math.max(this.settled, this.build.contentId);
    this.build.abandon("the open it belonged to ended");
    this.build = undefined;
  }
}

/** A build that began while the desktop was still reading the file. */
export type EarlyChunkBuild = Pick<ChunkBuild, "contentId" | "finish">;

/** Why an opened trace has no model: the reader's line when the bytes are at fault. */
export function openedTraceProblem(t: OpenedTrace, err: unknown): TraceProblem {
  if (err instanceof TraceFormatError) return { file: t.name, line: err.line, message: err.message.replace(/^line \d+: /, "") };
  return { file: t.name, message: `the events do not make a trace: ${err instanceof Error ? err.message : String(err)}` };
}

// The browser host's session: the current run's events or the opened trace,
// in memory (a page has no temporary files; a reload starts afresh).
import type { TraceEvent, TraceHeader } from "../../traces/events";
import type { CurrentSession, OpenedTrace, RunBatch, RunEnded } from "../contract/hostApi";

type Session =
  | {
      readonly kind: "run";
      readonly runId: number;
      readonly header: TraceHeader;
      readonly events: TraceEvent[];
      ended: RunEnded | undefined;
    }
  | { readonly kind: "trace"; readonly trace: OpenedTrace; readonly chunks: readonly Uint8Array[] };

/** What a save or an export writes: a run's events, or an opened file's own bytes. */
export type MemorySessionContents = {
  readonly header: TraceHeader;
  readonly name: string;
} & (
  { readonly kind: "events"; readonly events: readonly TraceEvent[] } | { readonly kind: "bytes"; readonly chunks: readonly Uint8Array[] }
);

export class MemorySession {
  private session: Session | undefined;

  runStarted(runId: number, header: TraceHeader): void {
    this.session = { kind: "run", runId, header, events: [], ended: undefined };
  }

  runBatch(batch: RunBatch): void {
    const s = this.session;
    if (s?.kind === "run" && s.runId === batch.runId) for (const e of batch.events) s.events.push(e);
  }

  runEnded(ended: RunEnded): void {
    const s = this.session;
    if (s?.kind === "run" && s.runId === ended.runId) s.ended = ended;
  }

  /** An opened trace, with its bytes when its content is "chunks". */
  traceOpened(trace: OpenedTrace, chunks: readonly Uint8Array[] = []): void {
    this.session = { kind: "trace", trace, chunks };
  }

  /** Chunk `index` of the opened trace's content; throws when that trace is no longer open. */
  chunk(contentId: number, index: number): Uint8Array {
    const s = this.session;
    const c = s?.kind === "trace" ? s.trace.content : undefined;
    if (s?.kind !== "trace" || c?.kind !== "chunks" || c.id !== contentId) {
      throw new Error(`trace content ${contentId} is no longer open`);
    }
    const chunk = s.chunks[index];
    if (chunk === undefined) throw new Error(`trace content ${contentId} has no chunk ${index}`);
    return chunk;
  }

  snapshot(): CurrentSession | undefined {
    const s = this.session;
    if (s === undefined) return undefined;
    if (s.kind === "trace") return { kind: "trace", trace: s.trace };
    return { kind: "run", runId: s.runId, header: s.header, events: [...s.events], ended: s.ended };
  }

  contents(): MemorySessionContents | undefined {
    const s = this.session;
    if (s === undefined) return undefined;
    if (s.kind === "run") return { kind: "events", header: s.header, name: s.header.program.id ?? s.header.program.name, events: s.events };
    const { header, name, content } = s.trace;
    switch (content.kind) {
      case "events":
        return { kind: "events", header, name, events: content.events };
      case "chunks":
        return { kind: "bytes", header, name, chunks: s.chunks };
    }
  }
}

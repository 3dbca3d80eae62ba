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
  | { readonly kind: "trace"; readonly trace: OpenedTrace };

export interface MemorySessionContents {
  readonly header: TraceHeader;
  readonly name: string;
  readonly events: readonly TraceEvent[];
}

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

  traceOpened(trace: OpenedTrace): void {
    this.session = { kind: "trace", trace };
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
    if (s.kind === "trace") return { header: s.trace.header, name: s.trace.name, events: eventsOf(s.trace) };
    return { header: s.header, name: s.header.program.id ?? s.header.program.name, events: s.events };
  }
}

function eventsOf(trace: OpenedTrace): readonly TraceEvent[] {
  const c = trace.content;
  switch (c.kind) {
    case "events":
      return c.events;
    case "chunks":
      // The browser host opens files in the page and keeps their events; chunks come from the desktop's main process only.
      throw new Error(`the trace ${trace.name} is held as chunks, which this host cannot read back`);
  }
}

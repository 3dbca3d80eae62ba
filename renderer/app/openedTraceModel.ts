// The model of an opened trace, from whichever form its host handed it over in
// (TraceContent in the contract). Events are built at once. Chunks (the
// desktop's: the file's bytes) are fetched one at a time and read straight
// into the model builder: the window never holds the trace as a million
// objects and a model at once, and between chunks it can paint how far it got.
import type { OpenedTrace, OpenProgress, TraceProblem } from "../../main/contract/hostApi";
import { TraceFormatError, readTrace } from "../../traces/format";
import { TraceModelBuilder, buildModel, type TraceModel } from "../../traces/model/index";

export type FetchChunk = (contentId: number, index: number) => Promise<Uint8Array>;

export async function modelOfOpenedTrace(
  t: OpenedTrace,
  fetchChunk: FetchChunk,
  onProgress: (bytesRead: number, totalBytes: number) => void = () => {},
): Promise<TraceModel> {
  const c = t.content;
  switch (c.kind) {
    case "events":
      return buildModel(c.events, t.header);
    case "chunks": {
      const builder = new TraceModelBuilder(t.header);
      let bytesRead = 0;
      const chunks = async function* (): AsyncGenerator<Uint8Array> {
        for (let i = 0; i < c.chunkCount; i++) {
          const bytes = await fetchChunk(c.id, i);
          yield bytes;
          // Resumed once the reader has taken the chunk: its events are in the model.
          bytesRead += bytes.length;
          onProgress(bytesRead, c.byteLength);
        }
      };
      const summary = await readTrace(chunks(), { header: () => {}, event: (e) => builder.add(e) });
      if (bytesRead !== c.byteLength || summary.eventCount !== c.eventCount) {
        throw new Error(
          `the host sent ${bytesRead} bytes holding ${summary.eventCount} events, but read ${c.byteLength} bytes holding ${c.eventCount}`,
        );
      }
      return builder.finish();
    }
  }
}

/** Why an opened trace has no model: the reader's line when the bytes are at fault. */
export function openedTraceProblem(t: OpenedTrace, err: unknown): TraceProblem {
  if (err instanceof TraceFormatError) return { file: t.name, line: err.line, message: err.message.replace(/^line \d+: /, "") };
  return { file: t.name, message: `the events do not make a trace: ${err instanceof Error ? err.message : String(err)}` };
}

/** How far opening a trace has got, as the window shows it. */
export interface OpenStatus {
  readonly name: string;
  /** reading: the host reads and checks the file; building: the window builds the timeline's model. */
  readonly phase: "reading" | "building";
  readonly bytesRead?: number;
  readonly totalBytes?: number;
}

/** The host's reading progress; once the whole file is read, the model is built next. */
export function statusOfHostProgress(p: OpenProgress): OpenStatus {
  if (p.totalBytes !== undefined && p.bytesRead >= p.totalBytes) return { name: p.name, phase: "building" };
  return p.totalBytes === undefined
    ? { name: p.name, phase: "reading", bytesRead: p.bytesRead }
    : { name: p.name, phase: "reading", bytesRead: p.bytesRead, totalBytes: p.totalBytes };
}

/** "Opening pool.trace.jsonl… 45%", "Building the timeline of pool.trace.jsonl… 80%". */
export function openStatusText(s: OpenStatus): string {
  const what = s.phase === "reading" ? `Opening ${s.name}…` : `Building the timeline of ${s.name}…`;
  if (s.bytesRead === undefined || s.totalBytes === undefined || s.totalBytes <= 0) return what;
  return `${what} ${Math.min(100, Math.round((100 * s.bytesRead) / s.totalBytes))}%`;
}

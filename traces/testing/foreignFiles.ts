// Files that are not chanscope traces but get opened as one: the start of a Go
// execution trace as Go writes it, a gzip file, a trace reformatted by an editor,
// a Chrome/Perfetto export. For the reader's "this looks like …" errors.
import type { TraceEvent, TraceHeader } from "../events";

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

/**
 * The first bytes of a Go 1.19 execution trace (`go test -trace`, runtime/trace): the
 * 16-byte magic, then the start of its first event batch, a "\n" byte among them.
 */
export const GO_1_19_TRACE = new Uint8Array([
  ...ascii("go 1.19 trace\0\0\0"),
  // EvBatch (p 0, ticks), EvFrequency, EvStack: varint arguments, binary throughout.
  0x41,
  0x00,
  0x8a,
  0xb4,
  0xe0,
  0x9c,
  0x0a,
  0x02,
  0xf0,
  0xd6,
  0xc2,
  0x8e,
  0x01,
  0x05,
  0x04,
  0x00,
  0xff,
  0x0d,
  0x13,
  0x00,
]);

/** The first bytes of a trace of Go 1.22's new tracer: the magic, then an event batch with no line end in it. */
export const GO_1_22_TRACE = new Uint8Array([...ascii("go 1.22 trace\0\0\0"), 0x01, 0x01, 0xff, 0xff, 0x01, 0x9c, 0xe8, 0xa3, 0x02, 0x86]);

/** A gzip member's header (ID1 ID2, deflate, no flags, mtime, OS), then deflated bytes. */
export const GZIP_FILE = new Uint8Array([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0xab, 0x56, 0x0a, 0xca, 0xcc]);

/** A trace an editor's "Format document" has been at: each line's object pretty-printed over several lines. */
export function prettyPrintedTrace(header: TraceHeader, events: readonly TraceEvent[]): string {
  return [header, ...events].map((o) => JSON.stringify(o, null, 2)).join("\n") + "\n";
}

/** A trace's header and events as one JSON array, pretty-printed: what JSON.stringify of an array of them writes. */
export function jsonArrayTrace(header: TraceHeader, events: readonly TraceEvent[]): string {
  return JSON.stringify([header, ...events], null, 2) + "\n";
}

/** The shape of `chanscope export --format chrome`'s output, on one line. */
export const CHROME_TRACE =
  '{"traceEvents":[{"name":"process_name","ph":"M","pid":1,"tid":0,"args":{"name":"fan-in"}},' +
  '{"name":"running","ph":"X","pid":1,"tid":1,"ts":0,"dur":1}],"displayTimeUnit":"ns","otherData":{"seed":42}}';

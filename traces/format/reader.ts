// The streaming reader: chunks of bytes or text in, a header and events out, one at a
// time, so a million-event trace never exists as one string or one array here. Every
// problem is a TraceFormatError naming the line; a file cut off mid-line (a crash while
// recording) loads up to its last whole line, with a warning saying where it was cut.
import type { TraceEvent, TraceHeader } from "../events";
import { decodeEvent, decodeHeader } from "./decode";
import { TraceFormatError, type TraceWarning } from "./errors";
import { FOREIGN_HEAD_CHARS, foreignFormat, foreignFormatHint } from "./foreignFormat";
import { TraceIntegrity } from "./integrity";
import { LineScanner } from "./scan";
import { utf8Length } from "./utf8";

/** Where the reader delivers what it reads, in file order: the header first, then events. */
export interface TraceSink {
  header(header: TraceHeader): void;
  event(event: TraceEvent): void;
  warning?(warning: TraceWarning): void;
}

export interface TraceReaderOptions {
  /** The longest line accepted, in bytes. The header holds the program's source, so be generous. */
  readonly maxLineBytes?: number;
}

/** 16 MiB: room for what the writer writes (encode.ts bounds its strings to fit), still a guard against a giant garbage line. */
export const DEFAULT_MAX_LINE_BYTES = 16 * 1024 * 1024;

/** The most bytes decoded into one string at a time (a file is read in slices of this size too). */
const DECODE_SLICE_BYTES = 256 * 1024;

export interface TraceReadSummary {
  readonly header: TraceHeader;
  readonly eventCount: number;
  readonly warnings: readonly TraceWarning[];
  /** Bytes of input read (text input counts its UTF-8 bytes). */
  readonly bytes: number;
  /** Whether the trace has the `end` event of a finished run. */
  readonly ended: boolean;
}

export interface ParsedTrace {
  readonly header: TraceHeader;
  readonly events: readonly TraceEvent[];
  readonly warnings: readonly TraceWarning[];
  readonly ended: boolean;
}

const LF = 0x0a;
const CR = 13;
const OPEN_BRACE = 123;
const BOM = 0xfeff;
/** A "\r" that ends a line on its own (old Mac line ends); one at the very end may be half of a "\r\n" still to come. */
const LONE_CR = /\r(?!\n|$)/g;
/** Decodes the head of a file apart from the reader's own decoding, which may not have reached it yet. */
const headDecoder = new TextDecoder("utf-8");

/**
 * Push chunks, then call end(). Chunks may split lines and UTF-8 sequences anywhere.
 * Bytes are decoded as UTF-8 (invalid sequences become U+FFFD); a leading BOM, CRLF and
 * CR-only line ends and blank lines are accepted. After an error the reader stays failed.
 */
export class TraceReader {
  private readonly sink: TraceSink;
  private readonly maxLineBytes: number;
  private readonly integrity = new TraceIntegrity();
  private readonly warnings: TraceWarning[] = [];
  private readonly scanner = new LineScanner();
  // InstanceType: under Node's types TextDecoder is only declared as a value.
  private decoder: InstanceType<typeof TextDecoder> | undefined;
  private header: TraceHeader | undefined;
  /** The unfinished last line (never holds a "\n"), and its size in bytes. */
  private pending = "";
  private pendingBytes = 0;
  /** Lines finished so far; the pending line is number lineCount + 1. */
  private lineCount = 0;
  private bytes = 0;
  /** The first failure, boxed: whatever push() or end() threw, any value (undefined too). */
  private failure: { readonly error: unknown } | undefined = undefined;
  private finished = false;
  /** The input's first FOREIGN_HEAD_CHARS or so, as text: what a file that fails before its header is judged by. */
  private head = "";

  constructor(sink: TraceSink, options: TraceReaderOptions = {}) {
    this.sink = sink;
    this.maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  }

  push(chunk: string | Uint8Array): void {
    this.assertOpen();
    try {
      if (this.head.length < FOREIGN_HEAD_CHARS) this.keepHead(chunk);
      if (typeof chunk === "string") this.pushText(chunk);
      else this.pushBytes(chunk);
    } catch (err) {
      throw this.fail(err);
    }
  }

  /** The input is complete: reads the last line (or reports it cut off) and sums up. */
  end(): TraceReadSummary {
    this.assertOpen();
    this.finished = true;
    try {
      if (this.decoder !== undefined) this.pending += this.decoder.decode();
      const last = this.pending;
      this.pending = "";
      this.scanner.startText(last);
      const cut = last !== "" && this.line(last, 0, last.length, true);
      if (this.header === undefined) {
        throw new TraceFormatError(1, 'the file has no header line (it is empty or blank); expected {"format":"chanscope-trace",…}');
      }
      if (!cut && !this.integrity.ended) {
        this.warn({
          line: this.lineCount,
          message:
            `the trace has no "end" event: the run was still going or the file was cut short; ` +
            `showing its ${this.integrity.eventCount} events`,
        });
      }
      return {
        header: this.header,
        eventCount: this.integrity.eventCount,
        warnings: this.warnings,
        bytes: this.bytes,
        ended: this.integrity.ended,
      };
    } catch (err) {
      throw this.fail(err);
    }
  }

  /**
   * Keeps the reader failed with `err`, returned to throw. A file that fails before
   * its header may be another kind of file altogether (a Go execution trace, pretty-
   * printed JSON): the error then says what it looks like and what chanscope reads.
   */
  private fail(err: unknown): unknown {
    let error = err;
    if (this.header === undefined && err instanceof TraceFormatError) {
      const format = foreignFormat(this.head);
      if (format !== undefined) error = new TraceFormatError(err.line, foreignFormatHint(format));
    }
    this.failure = { error };
    return error;
  }

  /** Adds the start of `chunk` to the head. Bytes are decoded here apart, so a character split across chunks may read as U+FFFD: only ASCII tells formats apart. */
  private keepHead(chunk: string | Uint8Array): void {
    const room = FOREIGN_HEAD_CHARS - this.head.length;
    this.head += typeof chunk === "string" ? chunk.slice(0, room) : headDecoder.decode(chunk.subarray(0, room));
  }

  private assertOpen(): void {
    if (this.failure !== undefined) throw this.failure.error;
    if (this.finished) throw new Error("TraceReader: push() or end() after end()");
  }

  private pushBytes(chunk: Uint8Array): void {
    // A big block (the desktop's 8 MiB) is decoded a slice at a time: one string
    // of the whole block, and its lines, would all be alive at once (measured:
    // 80 MB more peak memory and a slower read for a million-event trace).
    for (let at = 0; at < chunk.length; at += DECODE_SLICE_BYTES) this.pushSlice(chunk.subarray(at, at + DECODE_SLICE_BYTES));
  }

  private pushSlice(chunk: Uint8Array): void {
    // Refuse a giant first line before decoding it into an equally giant string.
    // A line ends at "\n" or at "\r" (CRLF or CR-only files).
    const lf = chunk.indexOf(LF);
    const cr = chunk.indexOf(CR);
    const firstLf = cr < 0 ? lf : lf < 0 ? cr : Math.min(lf, cr);
    if (this.pendingBytes + (firstLf < 0 ? chunk.length : firstLf) > this.maxLineBytes) {
      throw this.tooLong(this.lineCount + 1);
    }
    const lastLf = firstLf < 0 ? -1 : cr < 0 ? chunk.lastIndexOf(LF) : Math.max(chunk.lastIndexOf(LF), chunk.lastIndexOf(CR));
    this.decoder ??= new TextDecoder("utf-8");
    // stream: true keeps a UTF-8 sequence split across chunks for the next one. "\n" and
    // "\r" are never inside a multi-byte sequence, so the text up to its last line end is
    // exactly the bytes up to lastLf.
    this.feed(this.decoder.decode(chunk, { stream: true }), cr >= 0);
    this.bytes += chunk.length;
    this.pendingBytes = lastLf < 0 ? this.pendingBytes + chunk.length : chunk.length - lastLf - 1;
    if (this.pendingBytes > this.maxLineBytes) throw this.tooLong(this.lineCount + 1);
  }

  private pushText(text: string): void {
    if (text.length === 0) return;
    if (this.decoder !== undefined) {
      // Bytes then text: finish any split sequence first.
      const rest = this.decoder.decode();
      this.decoder = undefined;
      if (rest !== "") this.feed(rest, rest.includes("\r"));
    }
    const hasCr = text.includes("\r");
    const lastLf = hasCr ? Math.max(text.lastIndexOf("\n"), text.lastIndexOf("\r")) : text.lastIndexOf("\n");
    this.feed(text, hasCr);
    const bytes = utf8Length(text);
    this.bytes += bytes;
    this.pendingBytes = lastLf < 0 ? this.pendingBytes + bytes : utf8Length(text, lastLf + 1);
    if (this.pendingBytes > this.maxLineBytes) throw this.tooLong(this.lineCount + 1);
  }

  /**
   * Splits text into lines; only the new text is searched, the pending part has no "\n".
   * `hasCr`: the text may hold a "\r" (lone ones become "\n").
   */
  private feed(input: string, hasCr: boolean): void {
    let text = input;
    if (text.length === 0) return;
    // A "\r" the last text ended in was a line end of its own unless this text goes on with "\n".
    if (this.pending.charCodeAt(this.pending.length - 1) === CR && text.charCodeAt(0) !== LF) text = "\n" + text;
    if (hasCr) text = text.replace(LONE_CR, "\n");
    let lf = text.indexOf("\n");
    if (lf < 0) {
      this.pending += text;
      return;
    }
    const first = this.pending + text.slice(0, lf);
    this.pending = "";
    this.scanner.startText(first);
    this.line(first, 0, first.length);
    this.scanner.startText(text);
    let start = lf + 1;
    while ((lf = text.indexOf("\n", start)) >= 0) {
      this.line(text, start, lf);
      start = lf + 1;
    }
    this.pending = text.slice(start);
  }

  /**
   * Reads the line text[from, to), without its "\n". The input's last line may have been
   * cut off by a crash: for it (isLast), bad JSON is a warning and the result is true.
   */
  private line(text: string, from: number, to: number, isLast = false): boolean {
    const lineNo = ++this.lineCount;
    let start = from;
    let end = to;
    if ((end - start) * 3 > this.maxLineBytes && utf8Length(text, start, end) > this.maxLineBytes) {
      throw this.tooLong(lineNo);
    }
    if (end > start && text.charCodeAt(end - 1) === CR) end--;
    if (lineNo === 1 && end > start && text.charCodeAt(start) === BOM) start++;
    if (start === end) return false;
    if (text.charCodeAt(start) !== OPEN_BRACE && text.slice(start, end).trim() === "") return false;
    // The scanner has been given `text` (startText) by the caller.
    if (this.header !== undefined && this.scanner.scan(start, end)) {
      this.event(this.scanner.fields, lineNo);
      return false;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text.slice(start, end));
    } catch (err) {
      if (isLast) return this.cutOff(lineNo);
      throw new TraceFormatError(lineNo, `not valid JSON (${jsonMessage(err)})`);
    }
    if (this.header === undefined) {
      this.header = decodeHeader(raw, lineNo);
      this.sink.header(this.header);
    } else {
      this.event(raw, lineNo);
    }
    return false;
  }

  private event(raw: unknown, lineNo: number): void {
    const e = decodeEvent(raw, lineNo);
    this.integrity.check(e, lineNo);
    this.sink.event(e);
  }

  /**
   * The last line does not parse. A whole JSON object ends with "}", so a line cut
   * anywhere never parses: this is where a crash stopped the writer (or garbage, which
   * cannot be told apart). Returns true.
   */
  private cutOff(lineNo: number): boolean {
    if (this.header === undefined) {
      throw new TraceFormatError(lineNo, `the file ends in the middle of the header line (cut off at byte ${this.bytes})`);
    }
    const start = this.bytes - this.pendingBytes;
    this.warn({
      line: lineNo,
      byteOffset: start,
      message:
        `line ${lineNo}: the file ends in the middle of this line (cut off at byte ${this.bytes}; ` +
        `the line starts at byte ${start}); loaded the ${this.integrity.eventCount} events before it`,
    });
    return true;
  }

  private tooLong(lineNo: number): TraceFormatError {
    return new TraceFormatError(
      lineNo,
      `the line is longer than ${this.maxLineBytes} bytes, the most a trace line may be (is this a chanscope trace?)`,
    );
  }

  private warn(w: TraceWarning): void {
    this.warnings.push(w);
    this.sink.warning?.(w);
  }
}

/**
 * Where JSON.parse gave up, without the text it quotes ("Unexpected token 'p',
 * "password: hunter2" is not valid JSON"): an error must never echo a file's
 * contents — a file opened by mistake may hold a secret.
 */
function jsonMessage(err: unknown): string {
  const m = err instanceof Error ? err.message : String(err);
  const position = /at position (\d+)/.exec(m)?.[1];
  if (position !== undefined) return `at column ${Number(position) + 1}`;
  if (/end of JSON input/.test(m)) return "the line ends inside a value";
  return "not a JSON object";
}

/** Reads a whole stream of chunks (a Node ReadStream, a fetch body, an array of strings). */
export async function readTrace(
  source: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
  sink: TraceSink,
  options?: TraceReaderOptions,
): Promise<TraceReadSummary> {
  const reader = new TraceReader(sink, options);
  for await (const chunk of source) reader.push(chunk);
  return reader.end();
}

/**
 * The events of a trace held as chunks (a file's bytes in blocks), read one
 * chunk at a time as they are consumed: the whole trace never exists as
 * objects at once. Returns the reader's summary when done.
 */
export async function* traceEvents(
  source: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
  options?: TraceReaderOptions,
): AsyncGenerator<TraceEvent, TraceReadSummary> {
  const pending: TraceEvent[] = [];
  const reader = new TraceReader({ header: () => {}, event: (e) => void pending.push(e) }, options);
  for await (const chunk of source) {
    reader.push(chunk);
    yield* pending;
    pending.length = 0;
  }
  const summary = reader.end();
  yield* pending;
  return summary;
}

/** Convenience for small traces and tests: the whole file at once, events in an array. */
export function parseTrace(input: string | Uint8Array, options?: TraceReaderOptions): ParsedTrace {
  const events: TraceEvent[] = [];
  const reader = new TraceReader(
    {
      header: () => {},
      event: (e) => {
        events.push(e);
      },
    },
    options,
  );
  reader.push(input);
  const summary = reader.end();
  return { header: summary.header, events, warnings: summary.warnings, ended: summary.ended };
}

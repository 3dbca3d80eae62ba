// Trace files on disk (Node side): saving never leaves a half-written file where a good
// one was, and opening streams the file through the one reader every host uses.
import { createReadStream } from "node:fs";
import { open, rename, stat, unlink, type FileHandle } from "node:fs/promises";
import { dirname } from "node:path";
import type { TraceEvent, TraceHeader } from "../../../traces/events";
import {
  TraceReader,
  TraceWriter,
  type ParsedTrace,
  type TraceReaderOptions,
  type TraceReadSummary,
  type TraceSink,
  type TraceWarning,
} from "../../../traces/format";
import { ByteBlocks } from "../../core/byteBlocks";
import { removeStaleTemps, tempPathBeside } from "./leftovers";

/** The file itself could not be read or written (missing, a directory, no permission, disk full). */
export class TraceFileError extends Error {
  override readonly name: string = "TraceFileError";
  readonly path: string;
  /** The Node error code (ENOENT, EISDIR, EACCES…) when there was one. */
  readonly code: string | undefined;

  constructor(path: string, detail: string, code?: string, options?: { cause?: unknown }) {
    super(`${detail}: ${path}`, options);
    this.path = path;
    this.code = code;
  }
}

export interface WriteTraceFileResult {
  readonly bytes: number;
  readonly eventCount: number;
}

export interface ReadProgress {
  readonly bytesRead: number;
  /** The file's size when opening started; undefined for something that is not a regular file. */
  readonly totalBytes: number | undefined;
}

export interface ReadTraceFileOptions extends TraceReaderOptions {
  /** Called after every chunk read (about every 256 KiB). */
  readonly onProgress?: (progress: ReadProgress) => void;
  /** Every chunk of the file's bytes, as read, once the reader has taken it. */
  readonly onBytes?: (chunk: Uint8Array) => void;
  /** Ends the read between chunks: it rejects with the signal's reason (see OpenCancelled). */
  readonly signal?: AbortSignal;
}

const WRITE_BATCH_CHARS = 256 * 1024;
const READ_CHUNK_BYTES = 256 * 1024;

function codeOf(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

function fileError(path: string, action: string, err: unknown): TraceFileError {
  const code = codeOf(err);
  const reason =
    code === "ENOENT"
      ? "no such file or directory"
      : code === "EISDIR"
        ? "it is a directory, not a trace file"
        : code === "EACCES" || code === "EPERM"
          ? "permission denied"
          : code === "ENOSPC"
            ? "no space left on the device"
            : code === "EDQUOT"
              ? "the disk quota is used up"
              : code === "EROFS"
                ? "the file system is read-only"
                : err instanceof Error
                  ? err.message
                  : String(err);
  return new TraceFileError(path, `${action} (${reason})`, code, { cause: err });
}

async function attempt<T>(path: string, action: string, op: () => Promise<T>): Promise<T> {
  try {
    return await op();
  } catch (err) {
    throw fileError(path, action, err);
  }
}

function isAsyncIterable<T>(x: Iterable<T> | AsyncIterable<T>): x is AsyncIterable<T> {
  return typeof (x as AsyncIterable<T>)[Symbol.asyncIterator] === "function";
}

/**
 * Saves a trace: writes a temporary file next to `path`, fsyncs it, then renames it into
 * place (atomic on one file system), so a crash or an error midway leaves the old file
 * untouched and no temporary file behind. Errors from `events` itself are rethrown as
 * they are; file-system errors become a TraceFileError naming the path.
 */
export async function writeTraceFileAtomic(
  path: string,
  header: TraceHeader,
  events: Iterable<TraceEvent> | AsyncIterable<TraceEvent>,
): Promise<WriteTraceFileResult> {
  const dir = dirname(path);
  // Dot-prefixed and unique per process and call: never collides with a concurrent save.
  // A save killed here earlier left its temporary file: this save clears it.
  await removeStaleTemps([dir]);
  const temp = tempPathBeside(path);
  // Keep the permissions of the file being replaced.
  const mode = await stat(path).then(
    (s) => s.mode & 0o777,
    () => 0o666,
  );
  const file = await attempt(path, "cannot create a file next to the trace file", () => open(temp, "wx", mode));
  let handle: FileHandle | undefined = file;
  let renamed = false;
  try {
    let bytes = 0;
    let pending: string[] = [];
    const writer = new TraceWriter(header, (text) => pending.push(text), { batchChars: WRITE_BATCH_CHARS });
    const drain = async (): Promise<void> => {
      const texts = pending;
      pending = [];
      for (const text of texts) {
        const { bytesWritten } = await attempt(path, "cannot write the trace file", () => file.write(text));
        bytes += bytesWritten;
      }
    };
    if (isAsyncIterable(events)) {
      for await (const e of events) {
        writer.event(e);
        if (pending.length > 0) await drain();
      }
    } else {
      for (const e of events) {
        writer.event(e);
        if (pending.length > 0) await drain();
      }
    }
    writer.flush();
    await drain();
    await attempt(path, "cannot write the trace file", () => file.sync());
    handle = undefined;
    await attempt(path, "cannot write the trace file", () => file.close());
    await attempt(path, "cannot replace the trace file", () => rename(temp, path));
    renamed = true;
    await syncDirectory(dir);
    return { bytes, eventCount: writer.eventCount };
  } finally {
    if (!renamed) {
      await handle?.close().catch(() => {});
      await unlink(temp).catch(() => {});
    }
  }
}

/**
 * Writes `chunks` to `path` the way traces are saved: a temporary file beside it,
 * fsynced, then renamed into place, so a failure or a kill midway leaves the old file
 * as it was. `what` names the file in messages ("the export"). A directory at `path`
 * is refused before anything is written. Errors from `chunks` are rethrown as they are.
 */
export async function writeTextFileAtomic(
  path: string,
  chunks: Iterable<string> | AsyncIterable<string>,
  what: string,
): Promise<{ readonly bytes: number }> {
  const existing = await stat(path).catch(() => undefined);
  if (existing?.isDirectory() === true) throw new TraceFileError(path, `cannot write ${what} (it is a directory)`, "EISDIR");
  const dir = dirname(path);
  // A save killed here earlier left its temporary file: this save clears it.
  await removeStaleTemps([dir]);
  const temp = tempPathBeside(path);
  const mode = existing === undefined ? 0o666 : existing.mode & 0o777;
  const file = await attempt(path, `cannot write ${what}`, () => open(temp, "wx", mode));
  let handle: FileHandle | undefined = file;
  let renamed = false;
  try {
    let bytes = 0;
    const write = async (text: string): Promise<void> => {
      const { bytesWritten } = await attempt(path, `cannot write ${what}`, () => file.write(text));
      bytes += bytesWritten;
    };
    if (isAsyncIterable(chunks)) for await (const c of chunks) await write(c);
    else for (const c of chunks) await write(c);
    await attempt(path, `cannot write ${what}`, () => file.sync());
    handle = undefined;
    await attempt(path, `cannot write ${what}`, () => file.close());
    await attempt(path, `cannot write ${what}`, () => rename(temp, path));
    renamed = true;
    await syncDirectory(dir);
    return { bytes };
  } finally {
    if (!renamed) {
      await handle?.close().catch(() => {});
      await unlink(temp).catch(() => {});
    }
  }
}

/** Makes the rename itself durable. Best effort: not every platform can open a directory. */
async function syncDirectory(dir: string): Promise<void> {
  try {
    const d = await open(dir, "r");
    try {
      await d.sync();
    } finally {
      await d.close();
    }
  } catch {
    // Windows, some network file systems: the rename is still atomic, only less durable.
  }
}

/**
 * Streams a trace file through the reader into `sink` (the model can build itself
 * event by event). Format problems throw TraceFormatError; file problems TraceFileError.
 */
export async function streamTraceFile(path: string, sink: TraceSink, options: ReadTraceFileOptions = {}): Promise<TraceReadSummary> {
  const info = await attempt(path, "cannot open the trace file", () => stat(path));
  if (info.isDirectory()) {
    throw new TraceFileError(path, "cannot open the trace file (it is a directory, not a trace file)", "EISDIR");
  }
  const totalBytes = info.isFile() ? info.size : undefined;
  const reader = new TraceReader(sink, options);
  const stream = createReadStream(path, { highWaterMark: READ_CHUNK_BYTES });
  let bytesRead = 0;
  const chunks = stream[Symbol.asyncIterator]();
  for (;;) {
    if (options.signal?.aborted === true) {
      stream.destroy();
      throw options.signal.reason;
    }
    // Only the stream's own failures are file errors; the reader's propagate as they are.
    const next = await attempt(path, "cannot read the trace file", () => chunks.next());
    if (next.done === true) break;
    const chunk = next.value as Uint8Array;
    try {
      reader.push(chunk);
    } catch (err) {
      stream.destroy();
      throw err;
    }
    options.onBytes?.(chunk);
    bytesRead += chunk.length;
    options.onProgress?.({ bytesRead, totalBytes });
  }
  return reader.end();
}

/** Reads a whole trace file into memory: header, events array and warnings. */
export async function readTraceFile(path: string, options: ReadTraceFileOptions = {}): Promise<ParsedTrace> {
  const events: TraceEvent[] = [];
  const summary = await streamTraceFile(
    path,
    {
      header: () => {},
      event: (e) => {
        events.push(e);
      },
    },
    options,
  );
  return { header: summary.header, events, warnings: summary.warnings, ended: summary.ended };
}

/** A trace file checked by the reader and kept as its bytes, in blocks (see ByteBlocks). */
export interface TraceFileChunks {
  readonly header: TraceHeader;
  readonly warnings: readonly TraceWarning[];
  readonly ended: boolean;
  readonly eventCount: number;
  readonly byteLength: number;
  readonly chunks: readonly Uint8Array[];
}

/**
 * Reads a trace file through the reader (every problem is found here, with its
 * line) but keeps its bytes rather than its events: 80-odd bytes per event
 * instead of an object each, and a form that crosses IPC as plain copies.
 */
export async function readTraceFileChunks(
  path: string,
  options: ReadTraceFileOptions & {
    /** Where the bytes go: a caller may hand out its filled blocks while the rest is still being read and checked. */
    readonly blocks?: ByteBlocks;
  } = {},
): Promise<TraceFileChunks> {
  const blocks = options.blocks ?? new ByteBlocks();
  const summary = await streamTraceFile(path, { header: () => {}, event: () => {} }, { ...options, onBytes: (c) => blocks.push(c) });
  const byteLength = blocks.byteLength;
  return {
    header: summary.header,
    warnings: summary.warnings,
    ended: summary.ended,
    eventCount: summary.eventCount,
    byteLength,
    chunks: blocks.finish(),
  };
}

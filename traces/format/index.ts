// The trace file format: the line codec, the streaming reader and writer. See ../FORMAT.md.
export { TraceFormatError, UnsupportedVersionError, type TraceWarning } from "./errors";
export { serializeEvent, serializeHeader, serializeTrace } from "./encode";
export { decodeEvent, decodeHeader } from "./decode";
export { TraceIntegrity } from "./integrity";
export {
  DEFAULT_MAX_LINE_BYTES,
  TraceReader,
  parseTrace,
  readTrace,
  traceEvents,
  type ParsedTrace,
  type TraceReaderOptions,
  type TraceReadSummary,
  type TraceSink,
} from "./reader";
export { TraceWriter, type TraceWriterOptions } from "./writer";

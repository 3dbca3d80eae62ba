import { describe, expect, it } from "vitest";
import { FORMAT_VERSION, type TraceEvent, type TraceHeader } from "../events";
import { serializeHeader, serializeTrace } from "./encode";
import { TraceFormatError, UnsupportedVersionError, type TraceWarning } from "./errors";
import { mainRunning, rawTraceText, sampleTrace } from "../testing/fixtureTraces";
import { CHROME_TRACE, GO_1_19_TRACE, GO_1_22_TRACE, GZIP_FILE, jsonArrayTrace, prettyPrintedTrace } from "../testing/foreignFiles";
import { fixtureHeader } from "../testing/traceBuilder";
import { TraceReader, parseTrace, readTrace, traceEvents } from "./reader";

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

function formatError(run: () => unknown): TraceFormatError {
  try {
    run();
  } catch (err) {
    if (err instanceof TraceFormatError) return err;
    throw err;
  }
  throw new Error("expected a TraceFormatError");
}

const sampleText = (): string => serializeTrace(sampleTrace().header, sampleTrace().events);

describe("TraceReader", () => {
  it("delivers the header first, then each event in file order", () => {
    const seen: string[] = [];
    const reader = new TraceReader({
      header: (h) => seen.push(`header ${h.program.name}`),
      event: (e) => seen.push(`${e.seq} ${e.kind}`),
    });
    reader.push(sampleText());
    const summary = reader.end();
    expect(seen.slice(0, 3)).toEqual(["header fan-in", "0 spawn", "1 run"]);
    expect(seen).toHaveLength(sampleTrace().events.length + 1);
    expect(summary.eventCount).toBe(sampleTrace().events.length);
    expect(summary.ended).toBe(true);
  });

  it("reads the same events when every line is split across text chunks", () => {
    const text = sampleText();
    const events: TraceEvent[] = [];
    const reader = new TraceReader({ header: () => {}, event: (e) => events.push(e) });
    for (let i = 0; i < text.length; i += 7) reader.push(text.slice(i, i + 7));
    reader.end();
    expect(events).toStrictEqual(sampleTrace().events);
  });

  it("decodes a UTF-8 character split across byte chunks whole", () => {
    const bytes = utf8(rawTraceText([...mainRunning(), { seq: 2, t: 0, g: 1, kind: "warn", message: "é🎉✓" }]));
    const events: TraceEvent[] = [];
    const reader = new TraceReader({ header: () => {}, event: (e) => events.push(e) });
    for (let i = 0; i < bytes.length; i++) reader.push(bytes.subarray(i, i + 1));
    reader.end();
    expect(events[2]).toMatchObject({ message: "é🎉✓" });
  });

  it("reads a block far bigger than its decoding slice the same, a line and a UTF-8 character across every slice edge", () => {
    const { header, events } = sampleTrace();
    // A 900 KiB header line of two- and three-byte characters: it spans several 256 KiB slices, cut mid-character somewhere.
    const source = "ü—".repeat((900 * 1024) / 5);
    const text = serializeTrace({ ...header, program: { ...header.program, source } }, events);
    const block = utf8(text);
    expect(block.length).toBeGreaterThan(3 * 256 * 1024);
    let seenSource = "";
    const got: TraceEvent[] = [];
    const reader = new TraceReader({ header: (h) => (seenSource = h.program.source ?? ""), event: (e) => got.push(e) });
    reader.push(block);
    const summary = reader.end();
    expect(seenSource).toBe(source);
    expect(got).toEqual(events);
    expect(summary.bytes).toBe(block.length);
  });

  it("counts the file's bytes for byte and text input alike", () => {
    const text = rawTraceText([...mainRunning(), { seq: 2, t: 0, g: 1, kind: "warn", message: "é🎉" }]);
    const fromText = new TraceReader({ header: () => {}, event: () => {} });
    fromText.push(text);
    const fromBytes = new TraceReader({ header: () => {}, event: () => {} });
    fromBytes.push(utf8(text));
    expect(fromText.end().bytes).toBe(utf8(text).length);
    expect(fromBytes.end().bytes).toBe(utf8(text).length);
  });

  it("refuses a line longer than the limit before the line has ended", () => {
    const reader = new TraceReader({ header: () => {}, event: () => {} }, { maxLineBytes: 1000 });
    reader.push(serializeHeader(fixtureHeader()) + "\n");
    const chunk = utf8("x".repeat(300));
    const err = formatError(() => {
      for (let i = 0; i < 10; i++) reader.push(chunk);
    });
    expect(err.line).toBe(2);
    expect(err.message).toBe("line 2: the line is longer than 1000 bytes, the most a trace line may be (is this a chanscope trace?)");
  });

  it("refuses a 50 MB single line given as one chunk", () => {
    const err = formatError(() => parseTrace(new Uint8Array(50 * 1024 * 1024).fill(0x41)));
    expect(err.line).toBe(1);
    expect(err.detail).toContain("longer than");
  });

  it("keeps failing with the same error after one", () => {
    const reader = new TraceReader({ header: () => {}, event: () => {} });
    const first = formatError(() => reader.push("not json\n"));
    expect(formatError(() => reader.push("{}\n"))).toBe(first);
    expect(formatError(() => reader.end())).toBe(first);
  });

  it("passes warnings to the sink as they happen", () => {
    const warnings: TraceWarning[] = [];
    const reader = new TraceReader({ header: () => {}, event: () => {}, warning: (w) => warnings.push(w) });
    reader.push(rawTraceText(mainRunning()) + '{"seq":2,"t":0,"g"');
    reader.end();
    expect(warnings).toHaveLength(1);
  });
});

describe("parseTrace", () => {
  it("ignores a byte-order mark before the header, in bytes or in text", () => {
    const text = "\uFEFF" + sampleText();
    expect(parseTrace(utf8(text)).events).toHaveLength(sampleTrace().events.length);
    expect(parseTrace(text).events).toHaveLength(sampleTrace().events.length);
  });

  it("accepts CRLF line ends", () => {
    const parsed = parseTrace(sampleText().replaceAll("\n", "\r\n"));
    expect(parsed.events).toStrictEqual(sampleTrace().events);
  });

  it("reads a file with CR-only line ends as lines", () => {
    const text = sampleText().replaceAll("\n", "\r");
    expect(parseTrace(text).events).toStrictEqual(sampleTrace().events);
    expect(parseTrace(utf8(text)).events).toStrictEqual(sampleTrace().events);
  });

  it("counts lines the same with CR, CRLF or LF ends, whatever the chunks", () => {
    const broken = sampleText().replace('"seq":3,', '"seq":9,');
    for (const end of ["\n", "\r", "\r\n"]) {
      const text = broken.replaceAll("\n", end);
      for (const size of [1, 2, 7, text.length]) {
        const reader = new TraceReader({ header: () => {}, event: () => {} });
        const err = formatError(() => {
          for (let at = 0; at < text.length; at += size) reader.push(utf8(text.slice(at, at + size)));
          reader.end();
        });
        expect(err.line, `${JSON.stringify(end)} in chunks of ${size}`).toBe(5);
      }
    }
  });

  it("accepts blank lines, a blank trailing line among them", () => {
    const parsed = parseTrace(sampleText().replaceAll("\n", "\n\n") + "   \n");
    expect(parsed.events).toHaveLength(sampleTrace().events.length);
    expect(parsed.warnings).toEqual([]);
  });

  it("reads a last line that has no newline after it", () => {
    const parsed = parseTrace(sampleText().trimEnd());
    expect(parsed.events).toHaveLength(sampleTrace().events.length);
    expect(parsed.warnings).toEqual([]);
  });

  it("loads a file cut off mid-line up to its last whole line, saying where it was cut", () => {
    const whole = rawTraceText(mainRunning());
    const text = whole + '{"seq":2,"t":0,"g":1,"ki';
    const parsed = parseTrace(text);
    expect(parsed.events).toHaveLength(2);
    expect(parsed.warnings).toEqual([
      {
        line: 4,
        byteOffset: utf8(whole).length,
        message:
          `line 4: the file ends in the middle of this line (cut off at byte ${utf8(text).length}; ` +
          `the line starts at byte ${utf8(whole).length}); loaded the 2 events before it`,
      },
    ]);
  });

  it("warns when a trace has no end event", () => {
    const parsed = parseTrace(rawTraceText(mainRunning()));
    expect(parsed.ended).toBe(false);
    expect(parsed.warnings.map((w) => w.message)).toEqual([
      'the trace has no "end" event: the run was still going or the file was cut short; showing its 2 events',
    ]);
  });

  it("refuses an empty file, naming line 1", () => {
    expect(formatError(() => parseTrace("")).message).toBe(
      'line 1: the file has no header line (it is empty or blank); expected {"format":"chanscope-trace",…}',
    );
  });

  it("refuses a file cut off inside its header", () => {
    const err = formatError(() => parseTrace('{"format":"chanscope-trace","vers'));
    expect(err.message).toBe("line 1: the file ends in the middle of the header line (cut off at byte 33)");
  });

  it("refuses a first line that is not a chanscope header", () => {
    expect(formatError(() => parseTrace('{"events":[]}\n')).message).toBe(
      'line 1: not a chanscope trace: expected a header line with "format":"chanscope-trace", but the line has no "format" field',
    );
  });

  it("tells which version a newer file has and which this reader reads", () => {
    const header = { ...fixtureHeader(), version: FORMAT_VERSION + 1, newField: { x: 1 } } as TraceHeader;
    const err = formatError(() => parseTrace(serializeHeader(header) + "\n"));
    expect(err).toBeInstanceOf(UnsupportedVersionError);
    expect(err.message).toBe(
      `line 1: field "version": this trace uses format version ${FORMAT_VERSION + 1}, ` +
        `but this chanscope reads versions up to ${FORMAT_VERSION}; open it with a newer chanscope`,
    );
  });

  it("names the line of invalid JSON", () => {
    const err = formatError(() => parseTrace(rawTraceText(mainRunning()) + "{seq: 2}\n"));
    expect(err.line).toBe(4);
    expect(err.message).toBe("line 4: not valid JSON (at column 2)");
  });

  it("never quotes the text of a line that is not JSON: a file opened by mistake may hold a secret", () => {
    for (const line of ["password: hunter2", "AWS_SECRET=AKIA1234", '{"token": tru}']) {
      const err = formatError(() => parseTrace(rawTraceText(mainRunning()) + line + "\nmore\n"));
      expect(err.message).toMatch(/^line 4: not valid JSON \((at column \d+|not a JSON object)\)$/);
      expect(err.message).not.toMatch(/hunter2|AKIA|token/);
    }
  });

  it("names the line and field of an unknown event kind", () => {
    const err = formatError(() => parseTrace(rawTraceText([...mainRunning(), { seq: 2, t: 0, g: 1, kind: "teleport" }])));
    expect(err.message).toBe(
      `line 4: field "kind": unknown event kind "teleport" (this chanscope reads format version ${FORMAT_VERSION}; a newer one may know it)`,
    );
  });

  it("says which field has the wrong type and what was expected", () => {
    const text = rawTraceText([
      ...mainRunning(),
      { seq: 2, t: 0, g: 1, kind: "make", ch: 1, cap: 0 },
      { seq: 3, t: 0, g: 1, kind: "close", ch: "x", len: 0 },
    ]);
    expect(formatError(() => parseTrace(text)).message).toBe(
      'line 5: field "ch": expected an integer channel id (0 to 2147483647), got "x"',
    );
  });

  it("says when a required field is missing", () => {
    const text = rawTraceText([...mainRunning(), { seq: 2, t: 0, g: 1, kind: "make", cap: 0 }]);
    const err = formatError(() => parseTrace(text));
    expect(err.field).toBe("ch");
    expect(err.message).toBe('line 4: field "ch": expected an integer channel id (0 to 2147483647), but the field is missing');
  });

  it("refuses numbers written as strings", () => {
    const text = rawTraceText([...mainRunning(), { seq: "2", t: 0, g: 1, kind: "yield" }]);
    expect(formatError(() => parseTrace(text)).message).toBe('line 4: field "seq": expected a sequence number (an integer ≥ 0), got "2"');
  });

  it("refuses an array where an event should be", () => {
    const text = rawTraceText([...mainRunning(), [2, 0, 1, "yield"]]);
    expect(formatError(() => parseTrace(text)).message).toBe("line 4: expected an event (a JSON object), got an array");
  });

  it("refuses NUL bytes with an error naming the line", () => {
    const err = formatError(() => parseTrace(rawTraceText(mainRunning()) + "\u0000\u0000\n"));
    expect(err.line).toBe(4);
  });

  it("keeps a __proto__ key from reaching the event or Object.prototype", () => {
    const line = '{"seq":2,"t":0,"g":1,"kind":"yield","__proto__":{"polluted":true,"loc":"evil"}}';
    const parsed = parseTrace(rawTraceText(mainRunning()) + line + "\n");
    expect(parsed.events[2]).toStrictEqual({ seq: 2, t: 0, g: 1, kind: "yield" });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("ignores fields it does not know, as a newer writer may add them", () => {
    const text = rawTraceText([...mainRunning(), { seq: 2, t: 0, g: 1, kind: "yield", future: [1, { a: 2 }] }]);
    expect(parseTrace(text).events[2]).toStrictEqual({ seq: 2, t: 0, g: 1, kind: "yield" });
  });
});

describe("a file that is not a chanscope trace", () => {
  const looksLike = (input: string | Uint8Array): string => formatError(() => parseTrace(input)).message;

  it("is named a Go execution trace, with its format version, and not read as JSON", () => {
    const err = formatError(() => parseTrace(GO_1_19_TRACE));
    expect(err.line).toBe(1);
    expect(err.field).toBeUndefined();
    expect(err.message).toBe(
      "line 1: this looks like a Go execution trace (Go 1.19 format, written by runtime/trace and read by `go tool trace`), " +
        "not a chanscope trace: chanscope reads its own trace files (.jsonl, one JSON event per line, saved by chanscope or " +
        "`chanscope run --out`) and cannot read Go's binary trace format",
    );
  });

  it("is named a Go execution trace however it fails: a byte at a time, with no line end, or one line too long", () => {
    const reader = new TraceReader({ header: () => {}, event: () => {} });
    const byByte = formatError(() => {
      for (let i = 0; i < GO_1_19_TRACE.length; i++) reader.push(GO_1_19_TRACE.subarray(i, i + 1));
      reader.end();
    });
    expect(byByte.message).toMatch(/^line 1: this looks like a Go execution trace \(Go 1\.19 format/);
    // No "\n" byte at all: the reader would call it a header cut off.
    expect(looksLike(GO_1_22_TRACE)).toMatch(/^line 1: this looks like a Go execution trace \(Go 1\.22 format/);
    const long = new Uint8Array(4096).fill(0x41);
    long.set(GO_1_22_TRACE);
    expect(formatError(() => parseTrace(long, { maxLineBytes: 1000 })).message).toMatch(/^line 1: this looks like a Go execution trace/);
  });

  it("is named pretty-printed JSON when an editor has spread a trace over lines", () => {
    const { header, events } = sampleTrace();
    expect(looksLike(prettyPrintedTrace(header, events))).toBe(
      "line 1: this looks like a chanscope trace pretty-printed over several lines (by an editor or a JSON formatter): " +
        "chanscope trace files hold one JSON object per line (JSON Lines: a header line, then one line per event); " +
        "put each object back on a line of its own (`jq -c . in.json > out.jsonl`)",
    );
    expect(looksLike(utf8(jsonArrayTrace(header, events)))).toMatch(/^line 1: this looks like a JSON array spread over several lines: /);
    expect(looksLike("\n\n{\n")).toMatch(/^line 3: this looks like pretty-printed JSON spread over several lines: /);
  });

  it("is named a Chrome/Perfetto trace, a JSON array or a gzip file", () => {
    expect(looksLike(CHROME_TRACE)).toMatch(/^line 1: this looks like a Chrome\/Perfetto trace \(Trace Event JSON, /);
    expect(looksLike('[{"seq":0}]\n')).toMatch(/^line 1: this looks like a JSON array: /);
    expect(looksLike(GZIP_FILE)).toMatch(/^line 1: this looks like a gzip-compressed file, /);
  });

  it("never quotes the file it names", () => {
    const message = looksLike('{\n  "password": "hunter2",\n  "token": "AKIA1234"\n}\n');
    expect(message).toMatch(/^line 1: this looks like pretty-printed JSON/);
    expect(message).not.toMatch(/hunter2|AKIA|password|token/);
  });

  it("keeps the reader's own error for a chanscope trace that breaks after its header", () => {
    const { header, events } = sampleTrace();
    const lines = serializeTrace(header, events).split("\n");
    lines[2] = "{";
    expect(looksLike(lines.join("\n"))).toBe("line 3: not valid JSON (at column 2)");
  });
});

describe("readTrace", () => {
  it("reads an async stream of byte chunks", async () => {
    const bytes = utf8(sampleText());
    async function* chunks(): AsyncGenerator<Uint8Array> {
      for (let i = 0; i < bytes.length; i += 100) {
        await Promise.resolve(); // each chunk comes in a later tick, as from a stream
        yield bytes.subarray(i, i + 100);
      }
    }
    const events: TraceEvent[] = [];
    const summary = await readTrace(chunks(), { header: () => {}, event: (e) => events.push(e) });
    expect(events).toStrictEqual(sampleTrace().events);
    expect(summary.bytes).toBe(bytes.length);
  });
});

describe("traceEvents", () => {
  it("yields the events of a chunked trace as each chunk is read, and returns the summary", async () => {
    const bytes = utf8(sampleText());
    const cut = Math.floor(bytes.length * 0.7);
    const chunks = [bytes.subarray(0, cut), bytes.subarray(cut, cut + 1), bytes.subarray(cut + 1)];
    const pulled: number[] = [];
    let fed = 0;
    function* source(): Generator<Uint8Array> {
      for (const c of chunks) {
        fed++;
        yield c;
      }
    }
    const it = traceEvents(source());
    const events: TraceEvent[] = [];
    for (let r = await it.next(); ; r = await it.next()) {
      if (r.done === true) {
        expect(r.value.eventCount).toBe(sampleTrace().events.length);
        break;
      }
      events.push(r.value);
      pulled.push(fed);
    }
    expect(events).toStrictEqual(sampleTrace().events);
    // The first events came out before the last chunk was fed.
    expect(pulled[0]).toBeLessThan(chunks.length);
  });

  it("throws the reader's error, naming the line", async () => {
    const text = sampleText().replace('"kind":"close"', '"kind":"shut"');
    const drain = async (): Promise<void> => {
      for await (const _e of traceEvents([text])) void _e;
    };
    await expect(drain()).rejects.toThrow(TraceFormatError);
  });
});

import { describe, expect, it } from "vitest";
import { sampleTrace } from "../testing/fixtureTraces";
import { CHROME_TRACE, GO_1_19_TRACE, GO_1_22_TRACE, GZIP_FILE, jsonArrayTrace, prettyPrintedTrace } from "../testing/foreignFiles";
import { serializeTrace } from "./encode";
import { FOREIGN_HEAD_CHARS, foreignFormat, foreignFormatHint, type ForeignFormat } from "./foreignFormat";

const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);
const { header, events } = sampleTrace();

describe("foreignFormat", () => {
  it("knows a Go execution trace by its magic, and which format version it is", () => {
    expect(foreignFormat(text(GO_1_19_TRACE))).toEqual({ kind: "go-trace", goVersion: "1.19" });
    expect(foreignFormat(text(GO_1_22_TRACE))).toEqual({ kind: "go-trace", goVersion: "1.22" });
    expect(foreignFormat("go 1.5 trace\0\0\0\0\x01")).toEqual({ kind: "go-trace", goVersion: "1.5" });
    // The magic needs its NUL padding: text that merely starts so is not one.
    expect(foreignFormat("go 1.19 trace of the server\n")).toBeUndefined();
  });

  it("knows a gzip file by its two id bytes, read as UTF-8 or as Latin-1 text", () => {
    expect(foreignFormat(text(GZIP_FILE))).toEqual({ kind: "gzip" });
    expect(foreignFormat(String.fromCharCode(...GZIP_FILE))).toEqual({ kind: "gzip" });
  });

  it("knows a Chrome/Perfetto trace in object form, compact or pretty, and in array form", () => {
    expect(foreignFormat(CHROME_TRACE)).toEqual({ kind: "chrome-trace" });
    expect(foreignFormat(JSON.stringify(JSON.parse(CHROME_TRACE), null, 2))).toEqual({ kind: "chrome-trace" });
    expect(foreignFormat('{"displayTimeUnit":"ns","traceEvents":[]}')).toEqual({ kind: "chrome-trace" });
    expect(foreignFormat('[{"name":"main","cat":"go","ph":"B","ts":0,"pid":1,"tid":1},\n')).toEqual({ kind: "chrome-trace" });
  });

  it("knows a trace pretty-printed by an editor, object by object or as one array", () => {
    expect(foreignFormat(prettyPrintedTrace(header, events))).toEqual({ kind: "multi-line-json", opens: "object", chanscope: true });
    expect(foreignFormat(jsonArrayTrace(header, events))).toEqual({ kind: "multi-line-json", opens: "array", chanscope: true });
  });

  it("knows other JSON spread over lines, after a byte-order mark and blank lines too", () => {
    const pretty: ForeignFormat = { kind: "multi-line-json", opens: "object", chanscope: false };
    expect(foreignFormat('{\n  "name": "pkg",\n  "private": true\n}\n')).toEqual(pretty);
    expect(foreignFormat('\uFEFF\r\n\r\n{ "name": "pkg",\r\n  "private": true }')).toEqual(pretty);
    // Only the first line and its break are there yet (a file read in small chunks).
    expect(foreignFormat("{\n")).toEqual(pretty);
    expect(foreignFormat("[\n")).toEqual({ kind: "multi-line-json", opens: "array", chanscope: false });
    // A whole document in the head, broken somewhere a formatter would not.
    expect(foreignFormat('{"a"\n:1}')).toEqual(pretty);
  });

  it("knows a JSON array on one line", () => {
    expect(foreignFormat(JSON.stringify([header, ...events]) + "\n")).toEqual({ kind: "json-array" });
    expect(foreignFormat("[1,2,3]")).toEqual({ kind: "json-array" });
  });

  it("leaves alone what it cannot tell: a chanscope trace, other JSON Lines, a broken line, plain text, a long first line", () => {
    expect(foreignFormat(serializeTrace(header, events))).toBeUndefined();
    expect(foreignFormat('{"events":[]}\n{"seq":0}\n')).toBeUndefined();
    expect(foreignFormat('{seq: 2}\n{"seq":3}\n')).toBeUndefined();
    expect(foreignFormat("password: hunter2\n")).toBeUndefined();
    expect(foreignFormat("")).toBeUndefined();
    expect(foreignFormat(" \n\n")).toBeUndefined();
    expect(foreignFormat("[" + "1,".repeat(FOREIGN_HEAD_CHARS))).toBeUndefined();
    expect(foreignFormat("\0\0\0\0")).toBeUndefined();
  });

  it("never throws, whatever the head holds", () => {
    for (const head of ["{", "[", "{\n\n", "[[[[[[[[\n", "\uFFFD\uFFFD", "go 1. trace\0", '{"traceEvents"', "\r{\r"]) {
      expect(() => foreignFormat(head)).not.toThrow();
    }
  });
});

describe("foreignFormatHint", () => {
  const own = "chanscope reads its own trace files (.jsonl, one JSON event per line, saved by chanscope or `chanscope run --out`)";
  const jsonLines = "chanscope trace files hold one JSON object per line (JSON Lines: a header line, then one line per event)";

  it("says a Go execution trace is one, of which format, and that chanscope cannot read it", () => {
    expect(foreignFormatHint({ kind: "go-trace", goVersion: "1.19" })).toBe(
      "this looks like a Go execution trace (Go 1.19 format, written by runtime/trace and read by `go tool trace`), " +
        `not a chanscope trace: ${own} and cannot read Go's binary trace format`,
    );
  });

  it("says pretty-printed JSON is spread over lines, and how to put it back on one line each", () => {
    expect(foreignFormatHint({ kind: "multi-line-json", opens: "object", chanscope: false })).toBe(
      `this looks like pretty-printed JSON spread over several lines: ${jsonLines}; ` +
        "if an editor reformatted a trace, put each object back on a line of its own (`jq -c . in.json > out.jsonl`)",
    );
    expect(foreignFormatHint({ kind: "multi-line-json", opens: "object", chanscope: true })).toBe(
      `this looks like a chanscope trace pretty-printed over several lines (by an editor or a JSON formatter): ${jsonLines}; ` +
        "put each object back on a line of its own (`jq -c . in.json > out.jsonl`)",
    );
    expect(foreignFormatHint({ kind: "multi-line-json", opens: "array", chanscope: true })).toBe(
      `this looks like a JSON array spread over several lines: ${jsonLines}, not an array; ` +
        "if it holds a trace's header and events, put each item on a line of its own (`jq -c '.[]' in.json > out.jsonl`)",
    );
    expect(foreignFormatHint({ kind: "json-array" })).toBe(
      `this looks like a JSON array: ${jsonLines}, not an array; ` +
        "if it holds a trace's header and events, put each item on a line of its own (`jq -c '.[]' in.json > out.jsonl`)",
    );
  });

  it("says a Chrome/Perfetto trace is an export, and where it opens", () => {
    expect(foreignFormatHint({ kind: "chrome-trace" })).toBe(
      "this looks like a Chrome/Perfetto trace (Trace Event JSON, as `chanscope export --format chrome` writes), " +
        `not a chanscope trace: ${own}; open this file in Perfetto UI (ui.perfetto.dev), or open the .jsonl trace it was exported from`,
    );
  });

  it("says a gzip file is compressed", () => {
    expect(foreignFormatHint({ kind: "gzip" })).toBe(
      "this looks like a gzip-compressed file, not a chanscope trace: chanscope reads trace files as plain text " +
        "(.jsonl, one JSON event per line); if it holds one, decompress it first (gunzip)",
    );
  });
});

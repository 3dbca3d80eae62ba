// The line codec's writing half: one header or event to one line of compact JSON.
// Keys come in a fixed order (seq, t, g, kind, the kind's fields in the order of
// events.ts, then loc) and absent optional fields are left out, so the same events
// always give the same bytes, whatever order their object's keys were set in.
// The writer trusts its input's shape; the reader is where files get checked. It
// does bound its strings (a name, a panic message, the program's source), so a
// line never outgrows what the reader accepts: a saved run always reopens.
import { assertNever, type SelectCase, type TraceEvent, type TraceHeader } from "../events";
import { cutText } from "../vocabulary/cutText";

/**
 * The most characters kept of one string of an event or of the header's
 * metadata, and of the program's source. A character takes at most 6 bytes
 * written (\u001f), so an event's strings (3 at most) stay under 1.2 MiB and
 * the header under 13 MiB: both within the reader's 16 MiB line limit
 * (DEFAULT_MAX_LINE_BYTES), with room for a select's cases.
 */
export const MAX_TEXT_CHARS = 64 * 1024;
export const MAX_SOURCE_CHARS = 2 * 1024 * 1024;

const json = JSON.stringify as (s: string) => string;
/** A string field, cut when it is longer than MAX_TEXT_CHARS. */
const q = (s: string): string => json(cutText(s, MAX_TEXT_CHARS));

function cases(cs: readonly SelectCase[]): string {
  let s = "[";
  for (let i = 0; i < cs.length; i++) {
    const c = cs[i]!;
    s += `${i === 0 ? "" : ","}{"ch":${c.ch === null ? "null" : c.ch},"dir":"${c.dir}"}`;
  }
  return s + "]";
}

/** The header line, without its newline. */
export function serializeHeader(h: TraceHeader): string {
  const p = h.program;
  let program = `{"name":${q(p.name)}`;
  if (p.id !== undefined) program += `,"id":${q(p.id)}`;
  if (p.source !== undefined) program += `,"source":${json(cutText(p.source, MAX_SOURCE_CHARS))}`;
  program += "}";
  return (
    `{"format":${q(h.format)},"version":${h.version},"program":${program},"seed":${h.seed},` +
    `"strategy":${q(h.strategy)},"clock":${q(h.clock)},"runtime":${q(h.runtime)},"createdAt":${q(h.createdAt)}}`
  );
}

/** One event line, without its newline. */
export function serializeEvent(e: TraceEvent): string {
  let s = `{"seq":${e.seq},"t":${e.t},"g":${e.g},"kind":"${e.kind}"`;
  switch (e.kind) {
    case "spawn":
      s += `,"child":${e.child}`;
      if (e.name !== undefined) s += `,"name":${q(e.name)}`;
      break;
    case "run":
    case "yield":
    case "exit":
      break;
    case "make":
      s += `,"ch":${e.ch},"cap":${e.cap}`;
      if (e.name !== undefined) s += `,"name":${q(e.name)}`;
      break;
    case "send":
      s += `,"ch":${e.ch},"v":${q(e.v)},"len":${e.len}`;
      if (e.peer !== undefined) s += `,"peer":${e.peer}`;
      if (e.sel !== undefined) s += `,"sel":${e.sel}`;
      break;
    case "recv":
      s += `,"ch":${e.ch},"v":${q(e.v)},"ok":${e.ok},"len":${e.len}`;
      if (e.peer !== undefined) s += `,"peer":${e.peer}`;
      if (e.from !== undefined) s += `,"from":${e.from}`;
      if (e.sel !== undefined) s += `,"sel":${e.sel}`;
      break;
    case "close":
      s += `,"ch":${e.ch},"len":${e.len}`;
      break;
    case "block":
      s += `,"reason":"${e.reason}"`;
      if (e.ch !== undefined) s += `,"ch":${e.ch}`;
      if (e.obj !== undefined) s += `,"obj":${e.obj}`;
      if (e.cases !== undefined) s += `,"cases":${cases(e.cases)}`;
      if (e.v !== undefined) s += `,"v":${q(e.v)}`;
      if (e.until !== undefined) s += `,"until":${e.until}`;
      if (e.io !== undefined) s += `,"io":${e.io}`;
      break;
    case "unblock":
      s += `,"by":${e.by}`;
      break;
    case "select":
      s += `,"cases":${cases(e.cases)},"ready":[${e.ready.join(",")}],"chosen":${e.chosen},"hasDefault":${e.hasDefault}`;
      break;
    case "timer":
      s += `,"timer":${e.timer},"op":"${e.op}","purpose":"${e.purpose}","at":${e.at}`;
      if (e.ch !== undefined) s += `,"ch":${e.ch}`;
      break;
    case "sync.make":
      s += `,"obj":${e.obj},"type":"${e.type}"`;
      if (e.name !== undefined) s += `,"name":${q(e.name)}`;
      break;
    case "lock":
    case "unlock":
      s += `,"obj":${e.obj},"mode":"${e.mode}"`;
      break;
    case "wg.add":
      s += `,"obj":${e.obj},"delta":${e.delta},"count":${e.count}`;
      break;
    case "wg.wait":
      s += `,"obj":${e.obj}`;
      break;
    case "once":
      s += `,"obj":${e.obj},"op":"${e.op}"`;
      break;
    case "ctx.make":
      s += `,"ctx":${e.ctx}`;
      if (e.parent !== undefined) s += `,"parent":${e.parent}`;
      s += `,"type":"${e.type}"`;
      if (e.deadline !== undefined) s += `,"deadline":${e.deadline}`;
      s += `,"done":${e.done}`;
      break;
    case "ctx.cancel":
      s += `,"ctx":${e.ctx},"err":${q(e.err)}`;
      if (e.cause !== undefined) s += `,"cause":${q(e.cause)}`;
      s += `,"source":${e.source}`;
      break;
    case "io":
      s += `,"io":${e.io},"op":"${e.op}"`;
      if (e.label !== undefined) s += `,"label":${q(e.label)}`;
      if (e.ok !== undefined) s += `,"ok":${e.ok}`;
      break;
    case "warn":
      s += `,"message":${q(e.message)}`;
      if (e.unawaited === true) s += `,"unawaited":true`;
      break;
    case "deadlock":
      s += `,"message":${q(e.message)}`;
      break;
    case "panic":
      s += `,"message":${q(e.message)}`;
      if (e.fatal !== undefined) s += `,"fatal":${e.fatal}`;
      if (e.stack !== undefined) s += `,"stack":${q(e.stack)}`;
      break;
    case "leak":
      s += `,"reason":"${e.reason}"`;
      if (e.ch !== undefined) s += `,"ch":${e.ch}`;
      if (e.obj !== undefined) s += `,"obj":${e.obj}`;
      break;
    case "sync.op":
      s += `,"obj":${e.obj},"op":"${e.op}"`;
      if (e.n !== undefined) s += `,"n":${e.n}`;
      if (e.v !== undefined) s += `,"v":${q(e.v)}`;
      if (e.old !== undefined) s += `,"old":${q(e.old)}`;
      if (e.ok !== undefined) s += `,"ok":${e.ok}`;
      break;
    case "output":
      s += `,"stream":"${e.stream}","text":${q(e.text)}`;
      break;
    case "end":
      s += `,"status":"${e.status}"`;
      if (e.message !== undefined) s += `,"message":${q(e.message)}`;
      if (e.limit !== undefined) s += `,"limit":"${e.limit}"`;
      if (e.exitCode !== undefined) s += `,"exitCode":${e.exitCode}`;
      break;
    default:
      assertNever(e, "event");
  }
  if (e.loc !== undefined) s += `,"loc":${q(e.loc)}`;
  return s + "}";
}

/** A whole trace file's text: the header line, then one line per event, each ending in "\n". */
export function serializeTrace(header: TraceHeader, events: Iterable<TraceEvent>): string {
  // Joined in batches: holding a million unjoined line strings costs more (in GC) than
  // making them.
  const batches: string[] = [];
  let lines = [serializeHeader(header)];
  for (const e of events) {
    lines.push(serializeEvent(e));
    if (lines.length === 1024) {
      batches.push(lines.join("\n"));
      lines = [];
    }
  }
  if (lines.length > 0) batches.push(lines.join("\n"));
  return batches.join("\n") + "\n";
}

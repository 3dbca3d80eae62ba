// Main never trusts what arrives over IPC: each request's arguments are checked
// against the contract (main/contract/ipcChannels.ts) before a handler sees
// them. Plain functions; a failure names the request and what was wrong.
import type { ProgramRef, RunSettings } from "../../contract/hostApi";
import type { IpcArgs, IpcRequestName } from "../../contract/ipcChannels";

export class IpcArgumentError extends Error {
  override readonly name = "IpcArgumentError";
}

const MAX_PATH_CHARS = 4096;
const MAX_NAME_CHARS = 1024;
const MAX_ID_CHARS = 200;
/** A program's source text; far above any real program, far below what would hurt main. */
const MAX_EVENTS = 50_000_000;
const MAX_WALL_TIME_MS = 24 * 60 * 60 * 1000;

type Check<T> = (value: unknown, what: string) => T;

function fail(what: string, expected: string, value: unknown): never {
  const got = value === null ? "null" : Array.isArray(value) ? "an array" : typeof value;
  throw new IpcArgumentError(`${what}: expected ${expected}, got ${got}`);
}

function record(value: unknown, what: string, keys: readonly string[]): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) fail(what, "an object", value);
  const extra = Object.keys(value).filter((k) => !keys.includes(k));
  if (extra.length > 0) throw new IpcArgumentError(`${what}: unexpected field ${JSON.stringify(extra[0])}`);
  return value as Record<string, unknown>;
}

const text =
  (max: number): Check<string> =>
  (value, what) => {
    if (typeof value !== "string" || value.length === 0) fail(what, "a non-empty string", value);
    if (value.length > max) throw new IpcArgumentError(`${what}: longer than ${max} characters`);
    if (value.includes("\0")) throw new IpcArgumentError(`${what}: contains a NUL character`);
    return value;
  };

const path = text(MAX_PATH_CHARS);
/** Files one drop may carry. */
const MAX_DROPPED_FILES = 1000;

const integer =
  (min: number, max: number): Check<number> =>
  (value, what) => {
    if (typeof value !== "number" || !Number.isSafeInteger(value) || value < min || value > max) {
      fail(what, `a whole number from ${min} to ${max}`, value);
    }
    return value;
  };

function optional<T>(check: Check<T>): Check<T | undefined> {
  return (value, what) => (value === undefined ? undefined : check(value, what));
}

const bool: Check<boolean> = (value, what) => (typeof value === "boolean" ? value : fail(what, "true or false", value));

const programRef: Check<ProgramRef> = (value, what) => {
  const kind = (value as { kind?: unknown } | null)?.kind;
  switch (kind) {
    case "sample": {
      const r = record(value, what, ["kind", "id", "language"]);
      const id = text(MAX_ID_CHARS)(r["id"], `${what}.id`);
      const language = r["language"];
      if (language === undefined) return { kind, id };
      if (language !== "typescript" && language !== "go") fail(`${what}.language`, '"typescript" or "go"', language);
      return { kind, id, language };
    }
    case "file": {
      const r = record(value, what, ["kind", "path"]);
      return { kind, path: path(r["path"], `${what}.path`) };
    }
    case "trace": {
      const r = record(value, what, ["kind", "name"]);
      return { kind, name: text(MAX_NAME_CHARS)(r["name"], `${what}.name`) };
    }
    default:
      // A program's text is never an argument: main runs only what it can read itself.
      return fail(`${what}.kind`, '"sample", "file" or "trace"', kind);
  }
};

const runSettings: Check<RunSettings> = (value, what) => {
  const r = record(value, what, ["seed", "strategy", "maxEvents", "maxVirtualTimeMs", "wallTimeMs", "realTime"]);
  const strategy = r["strategy"];
  if (strategy !== "fifo" && strategy !== "random") fail(`${what}.strategy`, '"fifo" or "random"', strategy);
  const maxVirtualTimeMs = r["maxVirtualTimeMs"];
  if (
    maxVirtualTimeMs !== undefined &&
    (typeof maxVirtualTimeMs !== "number" || !(maxVirtualTimeMs >= 0) || !Number.isFinite(maxVirtualTimeMs))
  ) {
    fail(`${what}.maxVirtualTimeMs`, "a finite number of ms ≥ 0", maxVirtualTimeMs);
  }
  const maxEvents = optional(integer(1, MAX_EVENTS))(r["maxEvents"], `${what}.maxEvents`);
  const wallTimeMs = optional(integer(1, MAX_WALL_TIME_MS))(r["wallTimeMs"], `${what}.wallTimeMs`);
  const realTime = optional(bool)(r["realTime"], `${what}.realTime`);
  return {
    seed: integer(0, 0xffff_ffff)(r["seed"], `${what}.seed`),
    strategy,
    ...(maxEvents !== undefined ? { maxEvents } : {}),
    ...(maxVirtualTimeMs !== undefined ? { maxVirtualTimeMs } : {}),
    ...(wallTimeMs !== undefined ? { wallTimeMs } : {}),
    ...(realTime !== undefined ? { realTime } : {}),
  };
};

function count(name: string, args: readonly unknown[], n: number): void {
  if (args.length !== n) throw new IpcArgumentError(`${name}: expected ${n} argument${n === 1 ? "" : "s"}, got ${args.length}`);
}

const none =
  (name: string) =>
  (args: readonly unknown[]): [] => {
    count(name, args, 0);
    return [];
  };

/** For each request, the check that turns what arrived into the contract's arguments (or throws IpcArgumentError). */
export const IPC_ARGUMENTS: { readonly [K in IpcRequestName]: (args: readonly unknown[]) => IpcArgs<K> } = {
  info: none("info"),
  listSamples: none("listSamples"),
  startRun: (args) => {
    count("startRun", args, 2);
    return [programRef(args[0], "startRun program"), runSettings(args[1], "startRun settings")];
  },
  stopRun: (args) => {
    count("stopRun", args, 1);
    return [integer(1, Number.MAX_SAFE_INTEGER)(args[0], "stopRun runId")];
  },
  openTrace: none("openTrace"),
  grantDroppedPaths: (args) => {
    count("grantDroppedPaths", args, 1);
    const paths = args[0];
    if (!Array.isArray(paths) || paths.length > MAX_DROPPED_FILES)
      fail("grantDroppedPaths paths", `an array of at most ${MAX_DROPPED_FILES} paths`, paths);
    return [(paths as unknown[]).map((p, k) => path(p, `grantDroppedPaths paths[${k}]`))];
  },
  openDroppedPath: (args) => {
    count("openDroppedPath", args, 1);
    return [path(args[0], "openDroppedPath path")];
  },
  openRecent: (args) => {
    count("openRecent", args, 1);
    return [path(args[0], "openRecent path")];
  },
  recentFiles: none("recentFiles"),
  traceChunk: (args) => {
    count("traceChunk", args, 2);
    return [
      integer(1, Number.MAX_SAFE_INTEGER)(args[0], "traceChunk contentId"),
      integer(0, Number.MAX_SAFE_INTEGER)(args[1], "traceChunk index"),
    ];
  },
  cancelOpen: none("cancelOpen"),
  pickProgram: none("pickProgram"),
  saveTrace: none("saveTrace"),
  exportPerfetto: none("exportPerfetto"),
  currentSession: none("currentSession"),
};

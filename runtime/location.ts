// Source locations of the user's calls into the runtime, from `new Error().stack`.
// Costly (a stack capture per operation), so only with captureLocations.
//
// The user's frame is the first one below the runtime's own frames. Runtime
// modules register their URL at load; a frame whose file is one of them is ours.
// (If a bundler merged the runtime and the program into one file, no frame can
// be told apart and locations are simply absent.)

const runtimeFiles = new Set<string>();

function normalizeFile(f: string): string {
  let s = f;
  const q = s.search(/[?#]/);
  if (q >= 0) s = s.slice(0, q);
  if (s.startsWith("file://")) s = s.slice("file://".length);
  try {
    s = decodeURIComponent(s);
  } catch {
    // Keep it as it is.
  }
  return s;
}

/** Each runtime module calls this with its import.meta.url. */
export function registerRuntimeModule(url: string): void {
  runtimeFiles.add(normalizeFile(url));
}
registerRuntimeModule(import.meta.url);

interface Frame {
  readonly file: string;
  readonly line: string;
}

// V8: "    at fn (file:1:2)" or "    at file:1:2"; SpiderMonkey/JSC: "fn@file:1:2".
function parseFrame(line: string): Frame | undefined {
  let s = line.trim();
  if (s.startsWith("at ")) {
    s = s.slice(3);
    if (s.endsWith(")")) {
      const open = s.lastIndexOf("(");
      if (open >= 0) s = s.slice(open + 1, -1);
    }
    if (s.startsWith("async ")) s = s.slice(6);
  } else {
    const at = s.indexOf("@");
    if (at >= 0) s = s.slice(at + 1);
  }
  const m = /^(.*):(\d+):(\d+)$/.exec(s);
  if (m === null) return undefined;
  return { file: m[1]!, line: m[2]! };
}

/** What V8 hands Error.prepareStackTrace: one per frame. */
interface CallSite {
  getScriptNameOrSourceURL(): string | null | undefined;
  getLineNumber(): number | null;
}
type PrepareStackTrace = (error: Error, sites: readonly CallSite[]) => unknown;

const V8Error = Error as unknown as { stackTraceLimit?: number; prepareStackTrace?: PrepareStackTrace };
const hostProcess = (globalThis as { process?: { sourceMapsEnabled?: boolean } }).process;

/**
 * Frames to capture: the user's frame is at most about six below the top
 * (captureLocation, the slow path, an operation's entry and body); fewer
 * frames make the capture cheaper. It still costs several µs an operation
 * (more with source maps on), which is why locations are an option.
 */
const FRAMES = 10;

/** Files by the name a frame gives them (a handful per run: the program's and the runtime's). */
const normalized = new Map<string, string>();

function normalizeCached(name: string): string {
  let file = normalized.get(name);
  if (file === undefined) {
    file = normalizeFile(name);
    if (normalized.size < 1024) normalized.set(name, file);
  }
  return file;
}

/** The innermost user frame, given frames innermost first: the first after a runtime frame that is neither the runtime's nor Node's. */
class UserFrameFinder {
  private sawRuntime = false;

  /** The frame's file when the frame is the user's, else undefined (keep looking). */
  userFile(fileName: string): string | undefined {
    const file = normalizeCached(fileName);
    if (runtimeFiles.has(file)) {
      this.sawRuntime = true;
      return undefined;
    }
    return !this.sawRuntime || file.startsWith("node:") ? undefined : file;
  }
}

// ---------------------------------------------------------------------------
// Compiled locations: a program compiled to JavaScript (a Go program, by
// gofront) says where it is before each runtime operation, as a constant, so
// its events are located without any stack capture. The operation that follows
// reads it synchronously: one register is enough in a single-threaded realm.

let compiled: string | undefined;

/** Where the compiled program is ("prog.go:12"): the next operation's location. */
export function atLocation(loc: string): void {
  compiled = loc;
}

/** The location the compiled program last declared. */
export function compiledLocation(): string | undefined {
  return compiled;
}

/** "file:line" of the innermost frame outside the runtime, if the stack shows one. */
export function captureLocation(): string | undefined {
  return callSitesAreFaithful() ? locationFromCallSites() : locationFromText();
}

/**
 * Whether V8's structured call sites give the positions the text stack would.
 * Not when something maps stack positions: a source-map hook installed as
 * Error.prepareStackTrace (vitest, source-map-support), or Node's own source
 * maps (--enable-source-maps, tsx). The app's run worker has neither (its
 * programs keep their lines through sucrase), and there the structured sites
 * cost about half as much as formatting and parsing the text.
 */
function callSitesAreFaithful(): boolean {
  return V8Error.prepareStackTrace === undefined && hostProcess?.sourceMapsEnabled !== true;
}

const returnCallSites: PrepareStackTrace = (_error, sites) => sites;

/** Through V8's structured call sites: no stack text is formatted or parsed. */
export function locationFromCallSites(): string | undefined {
  const savedHook = V8Error.prepareStackTrace;
  const savedLimit = V8Error.stackTraceLimit;
  let sites: unknown;
  try {
    V8Error.prepareStackTrace = returnCallSites;
    V8Error.stackTraceLimit = FRAMES;
    sites = new Error().stack; // read here: V8 calls prepareStackTrace on the first read
  } finally {
    // Put back by assignment, never `delete`: V8 and Node treat an undefined hook
    // as none, and adding and deleting a property of Error on every operation
    // cost a third of the capture (measured).
    V8Error.prepareStackTrace = savedHook;
    V8Error.stackTraceLimit = savedLimit;
  }
  // Not V8: the hook was ignored and the stack is text.
  if (typeof sites === "string") return locationInStackText(sites);
  if (!Array.isArray(sites)) return undefined;
  const finder = new UserFrameFinder();
  for (const site of sites as readonly CallSite[]) {
    const name = site.getScriptNameOrSourceURL();
    if (!name) continue;
    const file = finder.userFile(name);
    if (file === undefined) continue;
    // The line only of the one frame that needs it: finding it is the costly part of a call site.
    const line = site.getLineNumber();
    if (line !== null) return `${file}:${line}`;
  }
  return undefined;
}

/** Through the text stack, which honours source maps where the host has them on. */
export function locationFromText(): string | undefined {
  const saved = V8Error.stackTraceLimit;
  if (saved !== undefined) V8Error.stackTraceLimit = FRAMES;
  const stack = new Error().stack;
  if (saved !== undefined) V8Error.stackTraceLimit = saved;
  return stack === undefined ? undefined : locationInStackText(stack);
}

function locationInStackText(stack: string): string | undefined {
  const finder = new UserFrameFinder();
  for (const l of stack.split("\n")) {
    const f = parseFrame(l);
    if (f === undefined) continue;
    const file = finder.userFile(f.file);
    if (file !== undefined) return `${file}:${f.line}`;
  }
  return undefined;
}

/** "file:line" of a stack's first frame: where an error was thrown, once the runtime's frames are gone. */
export function firstFrameLocation(stack: string): string | undefined {
  for (const l of stack.split("\n")) {
    const f = parseFrame(l);
    if (f !== undefined) return `${normalizeFile(f.file)}:${f.line}`;
  }
  return undefined;
}

/**
 * A thrown error's stack without the runtime's own frames: the user reads
 * their program's frames, as in a Go traceback, and the trace does not carry
 * the install path of chanscope or Node's internals (which would also make
 * traces differ from one machine to another).
 */
export function withoutRuntimeFrames(stack: string): string {
  return stack
    .split("\n")
    .filter((line) => {
      const f = parseFrame(line);
      if (f === undefined) return true;
      const file = normalizeFile(f.file);
      // Node's internals say nothing about the program and vary with Node's version.
      return !runtimeFiles.has(file) && !file.startsWith("node:");
    })
    .join("\n");
}

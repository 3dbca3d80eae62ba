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

const V8Error = Error as unknown as { stackTraceLimit?: number };

/**
 * Frames to capture: the user's frame is at most about six below the top
 * (captureLocation, the slow path, an operation's entry and body); fewer
 * frames make the capture cheaper. It still costs ~10–50 µs an operation
 * (more with source maps on), which is why locations are an option.
 */
const FRAMES = 10;

/** "file:line" of the innermost frame outside the runtime, if the stack shows one. */
export function captureLocation(): string | undefined {
  // The text stack rather than V8's structured call sites: it is no slower, and
  // it honours source maps where the host has them on (tsx, vitest).
  const saved = V8Error.stackTraceLimit;
  if (saved !== undefined) V8Error.stackTraceLimit = FRAMES;
  const stack = new Error().stack;
  if (saved !== undefined) V8Error.stackTraceLimit = saved;
  if (stack === undefined) return undefined;
  let sawRuntime = false;
  for (const l of stack.split("\n")) {
    const f = parseFrame(l);
    if (f === undefined) continue;
    const file = normalizeFile(f.file);
    if (runtimeFiles.has(file)) {
      sawRuntime = true;
      continue;
    }
    if (!sawRuntime || file.startsWith("node:")) continue;
    return `${file}:${f.line}`;
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

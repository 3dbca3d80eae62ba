// Go's os package for compiled programs: a program has no file system and no
// environment. Stdout and Stderr write through the run's GoHost (a line at a
// time, an `output` event each); Open and ReadFile fail as for a missing file;
// Exit ends the run at once through the runtime's exit (no deferred call runs).

import * as rt from "../../../runtime/index";
import type { GoHost } from "../host";
import { ERROR, definedType, pointerTo, type GoType } from "../types";
import { Iface, Slice } from "../values";
import { STRING, field, methods, newError, structType } from "./goShared";

/** The program's name in os.Args[0], where `go run` would give the path of a temporary binary. */
export const PROGRAM_PATH = "/tmp/prog";

export const ErrNotExist: Iface = newError("file does not exist");
export const ErrExist: Iface = newError("file already exists");

/** syscall.Errno ENOENT: "no such file or directory", which errors.Is matches with ErrNotExist. */
const ERRNO = methods(definedType("syscall.Errno", { kind: "basic", basic: "uintptr" }), "value", {
  Error: () => "no such file or directory",
  Is: (_e, target) => target instanceof Iface && target.value === ErrNotExist.value,
});
const ENOENT = new Iface(ERRNO, 2);

/** Go's *fs.PathError: "open NAME: no such file or directory". */
class PathError {
  constructor(
    readonly Op: string,
    readonly Path: string,
    readonly Err: Iface | null,
  ) {}
}
export const PathError$type: GoType = methods(
  structType("fs.PathError", [field("Op", STRING), field("Path", STRING), field("Err", ERROR)]),
  "pointer",
  {
    Error: (e) => {
      const p = e as PathError;
      const inner = p.Err === null ? "<nil>" : (p.Err.type.methods.get("Error")!(p.Err.value) as string);
      return `${p.Op} ${p.Path}: ${inner}`;
    },
    Unwrap: (e) => (e as PathError).Err,
  },
);
const notExist = (op: string, name: string): Iface => new Iface(pointerTo(PathError$type), new PathError(op, name, ENOENT));

/** Go's *os.File: only the standard streams exist. */
export class File {
  constructor(
    readonly name: string = "",
    private readonly write: ((bytes: string) => void) | undefined = undefined,
  ) {}

  Write(b: Slice<number> | null): [number, Iface | null] {
    const bytes = b === null ? "" : String.fromCharCode(...b.toArray());
    return this.WriteString(bytes);
  }

  WriteString(s: string): [number, Iface | null] {
    if (this.write === undefined)
      return [0, new Iface(pointerTo(PathError$type), new PathError("write", this.name, newError("bad file descriptor")))];
    this.write(s);
    return [s.length, null];
  }

  Close(): Iface | null {
    return null;
  }

  Name(): string {
    return this.name;
  }
}

export const File$type: GoType = methods(structType("os.File", [field("name", STRING)]), "pointer", {
  Write: (f, b) => (f as File).Write(b as Slice<number> | null),
  WriteString: (f, s) => (f as File).WriteString(s as string),
  Close: (f) => (f as File).Close(),
  Name: (f) => (f as File).Name(),
});

/** The os package of one run: its streams are the host's. */
export function osPackage(host: GoHost) {
  return {
    File,
    File$type,
    PathError$type,
    Stdin: new File("/dev/stdin"),
    Stdout: new File("/dev/stdout", (s) => host.stdout(s)),
    Stderr: new File("/dev/stderr", (s) => host.stderr(s)),
    Args: Slice.of([PROGRAM_PATH]),
    ErrNotExist,
    ErrExist,
    /** Go's os.Exit: what the program printed without a newline is printed, then the run ends with the code. */
    Exit: (code: number): never => {
      host.flush();
      return rt.exit(code);
    },
    Getenv: (_key: string): string => "",
    Open: (name: string): [File | null, Iface | null] => [null, notExist("open", name)],
    ReadFile: (name: string): [Slice<number> | null, Iface | null] => [null, notExist("open", name)],
  };
}

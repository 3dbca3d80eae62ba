import type * as A from "../syntax/ast";
import type { Info } from "../types/info";

export function emitProgram(file: A.SourceFile, info: Info, fileName: string): string {
  void file;
  void info;
  throw new Error(`${fileName}: the emitter is being written`);
}

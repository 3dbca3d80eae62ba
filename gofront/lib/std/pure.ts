// The standard packages that are pure JS (no host, no goroutines), by import
// path, as the emitter calls them (gofront/lib/std/index.ts gathers them).

import * as errors from "./errors";
import * as maps from "./maps";
import { methodExports } from "./methods";
import * as math from "./math";
import * as slices from "./slices";
import * as sort from "./sort";
import * as strconv from "./strconv";
import * as strings from "./strings";
import * as utf8 from "./utf8";

export function purePackages(): Readonly<Record<string, Readonly<Record<string, unknown>>>> {
  return {
    errors,
    strings,
    sort: { ...sort, ...methodExports([sort.IntSlice$type, sort.Float64Slice$type, sort.StringSlice$type]) },
    math,
    "unicode/utf8": utf8,
    strconv,
    slices,
    maps,
  };
}

// The standard packages a compiled program calls, by import path, built once
// per run (math/rand and the clock read the run's host). Each module exports
// Go's names; gofront/README.md ("Standard packages") says how values cross.

import type { GoHost } from "../host";
import { fmtPackage } from "../support";
import { concurrentPackages } from "./concurrent";

export type StdPackages = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

export function stdPackages(host: GoHost): StdPackages {
  return { ...concurrentPackages(host), fmt: fmtPackage(host) };
}

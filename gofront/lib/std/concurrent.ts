// The concurrency standard packages of one run, by import path: time, sync,
// sync/atomic, context, os, math/rand and x/sync's errgroup and semaphore.
// Built per run, since the clock, the streams and the PRNG are the run's.

import type { GoHost } from "../host";
import { atomicPackage } from "./atomic";
import { contextPackage } from "./context";
import { osPackage } from "./os";
import { randPackage } from "./rand";
import { syncPackage } from "./sync";
import { RunClock, timePackage } from "./time";
import { xsyncPackages } from "./xsync";

export function concurrentPackages(host: GoHost) {
  const context = contextPackage(new RunClock(host));
  const x = xsyncPackages(context);
  return {
    time: timePackage(host),
    sync: syncPackage,
    "sync/atomic": atomicPackage,
    context,
    os: osPackage(host),
    "math/rand": randPackage(host),
    "golang.org/x/sync/errgroup": x.errgroup,
    "golang.org/x/sync/semaphore": x.semaphore,
  } satisfies Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

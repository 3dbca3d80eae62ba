// RunSettings (what the renderer asks for) as the runtime's options.
import type { RunSettings } from "../contract/hostApi";
import type { ProgramRunOptions } from "./runProgram";
import { DEFAULT_WALL_TIME_MS } from "./workerProtocol";

export function runOptions(settings: RunSettings): ProgramRunOptions {
  return {
    seed: settings.seed,
    strategy: settings.strategy,
    clock: settings.realTime === true ? "real" : "virtual",
    ...(settings.maxEvents !== undefined ? { maxEvents: settings.maxEvents } : {}),
    ...(settings.maxVirtualTimeMs !== undefined ? { maxVirtualTime: settings.maxVirtualTimeMs } : {}),
    wallTimeBudgetMs: wallTimeMs(settings),
  };
}

export function wallTimeMs(settings: RunSettings): number {
  return settings.wallTimeMs ?? DEFAULT_WALL_TIME_MS;
}

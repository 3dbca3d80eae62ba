// Which sample a trace's program is, and which version of it ran: a
// TypeScript sample's trace carries the sample's id, a Go original's run the
// original's file (samples/go/<id>.go), so its events and its reruns stay Go.

import type { ProgramRef, SampleSummary } from "../../main/contract/hostApi";

/** The sample a trace's program is: by its id, or by its Go original's file. */
export function sampleOfProgram(id: string | undefined, samples: readonly SampleSummary[]): SampleSummary | undefined {
  return id === undefined ? undefined : samples.find((s) => s.id === id || s.go?.file === id);
}

/** What runs that sample again, in the version that ran; undefined for a program that is no sample. */
export function sampleRefOfProgram(id: string | undefined, samples: readonly SampleSummary[]): ProgramRef | undefined {
  const sample = sampleOfProgram(id, samples);
  if (sample === undefined) return undefined;
  return sample.go !== undefined && sample.go.file === id
    ? { kind: "sample", id: sample.id, language: "go" }
    : { kind: "sample", id: sample.id };
}

/** A sample run's title: the sample's, marked when it is the Go original. */
export function sampleRunTitle(ref: Extract<ProgramRef, { kind: "sample" }>, samples: readonly SampleSummary[]): string {
  const title = samples.find((s) => s.id === ref.id)?.title ?? ref.id;
  return ref.language === "go" ? `${title} (Go)` : title;
}

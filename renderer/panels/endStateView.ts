// What the end-state banner says, read from the model's explanation: Go's own
// headline, one line per stuck (or leaked, or panicked) goroutine with where to
// jump, and the wait cycle. Undefined for a run that simply finished.

import type { ChannelId, EventIndex, GoroutineId } from "../../traces/events";
import type { ExplainedCycle, ExplanationItem, TraceModel } from "../../traces/model/index";
import { goroutineTag, whySentence, type EndingKind } from "../../traces/vocabulary/index";
import { plural } from "../timeline/words";

/** Every ending but a clean finish gets a banner. */
export type EndStateTone = Exclude<EndingKind, "finished">;

export interface EndStateEntry {
  readonly g: GoroutineId;
  readonly name: string | undefined;
  readonly kind: ExplanationItem["kind"];
  /** Parked (a last block to jump to), or runnable (undefined). */
  readonly parked: boolean;
  /** "goroutine 2 (alice) [chan receive]: waiting to receive from `a` (unbuffered)" */
  readonly summary: string;
  readonly why: string;
  readonly jumpTo: EventIndex | undefined;
  readonly channels: readonly ChannelId[];
  readonly loc: string | undefined;
}

export interface EndStateView {
  readonly tone: EndStateTone;
  readonly headline: string;
  readonly entries: readonly EndStateEntry[];
  readonly cycles: readonly string[];
  /** One line for when the banner has no room for its list: "3 goroutines stuck · wait cycle G2 → G3 → G2". */
  readonly summary: string;
  /** The panic's stack, when there was one. */
  readonly stack: string | undefined;
  /** For a timeout: which limit, "stopped" when the user stopped it. */
  readonly limit: "events" | "virtual-time" | "wall-time" | "stopped" | undefined;
}

export function endStateView(model: TraceModel | undefined, live: boolean): EndStateView | undefined {
  if (model === undefined || model.length === 0 || live) return undefined;
  const x = model.explanation;
  const tone = x.ending;
  if (tone === "finished") return undefined;
  return {
    tone,
    headline: x.headline,
    entries: x.items.map((it) => ({
      g: it.g,
      name: it.name,
      kind: it.kind,
      parked: it.reason !== undefined,
      summary: withoutGoroutineHeader(it.summary),
      why: whySentence(it.why),
      jumpTo: it.jumpTo?.index,
      channels: it.resources.flatMap((r) => (r.kind === "channel" ? [r.id] : [])),
      loc: it.loc,
    })),
    cycles: x.cycles.map((c) => c.text),
    summary: bannerSummary(x.items, x.cycles),
    stack: x.panic?.stack,
    limit: x.limit,
  };
}

const KIND_WORD: Readonly<Record<ExplanationItem["kind"], string>> = {
  deadlocked: "stuck",
  leaked: "leaked",
  unawaited: "missing an await",
  blocked: "blocked",
  panicked: "panicked",
  unfinished: "cut off by main's return",
};

/** How many goroutines ended each way, and each wait cycle as the goroutines it goes round. */
export function bannerSummary(items: readonly ExplanationItem[], cycles: readonly ExplainedCycle[]): string {
  const counts = new Map<ExplanationItem["kind"], number>();
  for (const it of items) counts.set(it.kind, (counts.get(it.kind) ?? 0) + 1);
  const parts = [...counts].map(([kind, n]) => `${plural(n, "goroutine", "goroutines")} ${KIND_WORD[kind]}`);
  for (const c of cycles) {
    const ring = c.steps.map((s) => goroutineTag(s.g));
    if (ring.length > 0) parts.push(`wait cycle ${[...ring, ring[0] as string].join(" → ")}`);
  }
  return parts.join(" · ");
}

/**
 * "goroutine 2 (alice) [chan receive]: waiting…" → "[chan receive] waiting…":
 * the banner shows the goroutine as a chip in front, so the text need not repeat it.
 */
export function withoutGoroutineHeader(summary: string): string {
  const m = /^goroutine \d+(?: \([^)]*\))? (\[[^\]]*\]):? ?(.*)$/s.exec(summary);
  return m === null ? summary : `${m[1] as string} ${m[2] as string}`;
}

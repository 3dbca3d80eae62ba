// Which events belong to a goroutine or a channel, read straight from the
// model's columns (no event objects), for Shift+←/→ and the event filters.

import type { ChannelId, GoroutineId } from "../../traces/events";
import { KIND_CODE } from "../../traces/codes";
import type { TraceModel } from "../../traces/model/index";
import type { Selection } from "../timeline/contract";

export type EventScope = { readonly kind: "goroutine"; readonly g: GoroutineId } | { readonly kind: "channel"; readonly ch: ChannelId };

const NONE = -1;
const SPAWN = KIND_CODE.spawn;
const SELECT = KIND_CODE.select;
const BLOCK = KIND_CODE.block;

/** The goroutine's own events, and the spawn that created it. */
export function isEventOfGoroutine(model: TraceModel, i: number, g: GoroutineId): boolean {
  const c = model.columns;
  return c.g[i] === g || (c.kind[i] === SPAWN && c.peer[i] === g);
}

/** Operations on the channel, and selects (or select blocks) with a case on it. */
export function isEventOnChannel(model: TraceModel, i: number, ch: ChannelId): boolean {
  const c = model.columns;
  if (c.ch[i] === ch) return true;
  const k = c.kind[i];
  if (k !== SELECT && k !== BLOCK) return false;
  const list = c.from[i] as number;
  if (list === NONE) return false;
  const cases = c.caseLists[list];
  return cases !== undefined && cases.some((sc) => sc.ch === ch);
}

export function isEventInScope(model: TraceModel, i: number, scope: EventScope): boolean {
  return scope.kind === "goroutine" ? isEventOfGoroutine(model, i, scope.g) : isEventOnChannel(model, i, scope.ch);
}

/** What Shift+←/→ steps through for a selection: the goroutine or channel it is about. */
export function scopeOfSelection(model: TraceModel, selection: Selection | undefined): EventScope | undefined {
  if (selection === undefined) return undefined;
  switch (selection.kind) {
    case "goroutine":
      return { kind: "goroutine", g: selection.g };
    case "span":
      return { kind: "goroutine", g: selection.g };
    case "channel":
      return { kind: "channel", ch: selection.ch };
    case "flow":
      return selection.flow >= 0 && selection.flow < model.flows.length
        ? { kind: "channel", ch: model.flows.flow(selection.flow).ch }
        : undefined;
    case "event": {
      if (selection.index < 0 || selection.index >= model.length) return undefined;
      const g = model.columns.g[selection.index] as number;
      if (g !== 0) return { kind: "goroutine", g };
      const ch = model.columns.ch[selection.index] as number;
      return ch === NONE ? undefined : { kind: "channel", ch };
    }
  }
}

/**
 * The next (direction 1) or previous (-1) event from `from` within the scope;
 * undefined when there is none. From -1 (before the first event) forward is event 0's turn.
 */
export function nextEventInScope(model: TraceModel, from: number, direction: -1 | 1, scope: EventScope | undefined): number | undefined {
  const n = model.length;
  for (let i = from + direction; i >= 0 && i < n; i += direction) {
    if (scope === undefined || isEventInScope(model, i, scope)) return i;
  }
  return undefined;
}

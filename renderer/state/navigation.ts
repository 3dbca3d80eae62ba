// Which events belong to a goroutine or a channel, asked of the model without
// building event objects, for Shift+←/→ and the event filters.

import { eventIndex, type ChannelId, type EventIndex, type GoroutineId } from "../../traces/events";
import type { TraceModel } from "../../traces/model/index";
import type { Selection } from "../timeline/contract";

export type EventScope = { readonly kind: "goroutine"; readonly g: GoroutineId } | { readonly kind: "channel"; readonly ch: ChannelId };

function isEventInScope(model: TraceModel, i: EventIndex, scope: EventScope): boolean {
  return scope.kind === "goroutine" ? model.isEventOf(i, scope.g) : model.isEventOn(i, scope.ch);
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
      const g = model.columns.g[selection.index] as GoroutineId;
      if (g !== 0) return { kind: "goroutine", g };
      const ch = model.channelOf(selection.index);
      return ch === undefined ? undefined : { kind: "channel", ch };
    }
  }
}

/**
 * The next (direction 1) or previous (-1) event from `from` within the scope;
 * undefined when there is none. From -1 (before the first event) forward is event 0's turn.
 */
export function nextEventInScope(
  model: TraceModel,
  from: EventIndex,
  direction: -1 | 1,
  scope: EventScope | undefined,
): EventIndex | undefined {
  const n = model.length;
  for (let i = from + direction; i >= 0 && i < n; i += direction) {
    if (scope === undefined || isEventInScope(model, eventIndex(i), scope)) return eventIndex(i);
  }
  return undefined;
}

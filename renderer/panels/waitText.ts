// A parked goroutine's wait in a few words for the inspector's table
// ("recv ← a", "send 4 → messages", "Lock Mutex mu"), with the channels
// involved so the table can colour them.

import type { ChannelId } from "../../traces/events";
import { formatTime, type TraceModel, type WaitInfo } from "../../traces/model/index";
import { channelLabel, objectLabel } from "../state/names";

export interface WaitSummary {
  readonly text: string;
  readonly channels: readonly ChannelId[];
}

export function waitSummary(model: TraceModel, w: WaitInfo): WaitSummary {
  const ch = (id: ChannelId | null): string => channelLabel(model, id);
  const obj = (): string => (w.obj === undefined ? "?" : objectLabel(model, w.obj));
  switch (w.reason) {
    case "chan send":
      return { text: `send${w.v === undefined ? "" : ` ${w.v}`} → ${w.ch === undefined ? "?" : ch(w.ch)}`, channels: w.ch === undefined ? [] : [w.ch] };
    case "chan receive":
      return { text: `recv ← ${w.ch === undefined ? "?" : ch(w.ch)}`, channels: w.ch === undefined ? [] : [w.ch] };
    case "chan send (nil chan)":
      return { text: "send → nil chan (forever)", channels: [] };
    case "chan receive (nil chan)":
      return { text: "recv ← nil chan (forever)", channels: [] };
    case "select": {
      const cases = w.cases ?? [];
      return {
        text: `select ${cases.map((c) => `${c.dir === "send" ? "→" : "←"} ${ch(c.ch)}`).join(", ")}`,
        channels: cases.flatMap((c) => (c.ch === null ? [] : [c.ch])),
      };
    }
    case "select (no cases)":
      return { text: "select {} (forever)", channels: [] };
    case "sleep":
      return { text: w.until === undefined ? "sleep" : `sleep until ${formatTime(w.until)}`, channels: [] };
    case "sync.Mutex.Lock":
    case "sync.RWMutex.Lock":
      return { text: `Lock ${obj()}`, channels: [] };
    case "sync.RWMutex.RLock":
      return { text: `RLock ${obj()}`, channels: [] };
    case "sync.WaitGroup.Wait":
      return { text: `Wait ${obj()}`, channels: [] };
    case "sync.Once.Do":
      return { text: `Once.Do ${obj()}`, channels: [] };
    case "io":
      return { text: "io", channels: [] };
  }
}

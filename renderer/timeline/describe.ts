// Tooltip words for whatever the pointer is on, in the vocabulary's words
// (traces/vocabulary): each track says what its own things are; this picks
// the track.

import type { TraceModel } from "../../traces/model/index";
import type { HitTarget } from "./hitTest";
import { describeChannel, describeChannelAt } from "./tracks/channelTrack";
import { describeFlow } from "./tracks/flowTrack";
import { describeGoroutine, describeSpan } from "./tracks/goroutineTrack";
import { describeEvent, type Description } from "./words";

export function describeHit(model: TraceModel, hit: HitTarget): Description | undefined {
  switch (hit.kind) {
    case "span":
      return describeSpan(model, hit.rect.g, hit.rect.span, hit.rect.merged ? hit.rect.count : 1, hit.rect.state);
    case "glyph":
      return describeEvent(model, hit.glyph.index);
    case "arrow":
      return describeFlow(model, hit.arrow.flow);
    case "goroutine-label":
      return describeGoroutine(model, hit.g);
    case "channel-label":
      return describeChannel(model, hit.ch);
    case "channel-lane":
      if (hit.tick !== undefined) return describeEvent(model, hit.tick.index);
      return hit.index === undefined || hit.index < 0 ? describeChannel(model, hit.ch) : describeChannelAt(model, hit.ch, hit.index);
    case "axis":
    case "overview":
      return undefined;
  }
}

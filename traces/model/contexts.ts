// The context tree: every context with its parent, kind, deadline and done
// channel, when it was cancelled and why, and how each cancellation spread from
// the context that started it to its descendants.

import type { ChannelId, ContextCancelEvent, ContextId, ContextMakeEvent, ContextType, GoroutineId } from "../events";
import type { Nanos } from "../units";
import { refAt, type EventRef } from "./eventRef";

export interface ContextCancel {
  readonly at: EventRef;
  readonly g: GoroutineId;
  readonly err: string;
  readonly cause: string | undefined;
  /** The context whose cancel started it: itself, or an ancestor. */
  readonly source: ContextId;
}

export interface ContextInfo {
  readonly id: ContextId;
  /** Undefined for background. */
  readonly parent: ContextId | undefined;
  readonly children: readonly ContextId[];
  readonly type: ContextType;
  readonly deadline: Nanos | undefined;
  readonly done: ChannelId;
  readonly made: EventRef;
  readonly madeBy: GoroutineId;
  readonly cancel: ContextCancel | undefined;
}

/** One cancellation and the order in which it reached the source and its descendants. */
export interface CancelPropagation {
  readonly source: ContextId;
  readonly g: GoroutineId;
  readonly err: string;
  readonly cause: string | undefined;
  /** Source first (when its own cancel event is in the trace), then descendants as they were cancelled. */
  readonly order: readonly { readonly ctx: ContextId; readonly at: EventRef }[];
}

interface ContextRecord {
  readonly make: ContextMakeEvent;
  readonly made: number;
  readonly children: ContextId[];
  cancel: { readonly index: number; readonly e: ContextCancelEvent } | undefined;
  /** The last picture taken; cleared when the record changes. */
  info: ContextInfo | undefined;
}

export class ContextRecorder {
  private readonly byId = new Map<ContextId, ContextRecord>();
  private readonly bySource = new Map<ContextId, { first: ContextCancelEvent; order: { ctx: ContextId; index: number }[] }>();
  // The last lists handed out, reused by snapshots until something changes.
  private list: readonly ContextInfo[] | undefined;
  private cancellations: readonly CancelPropagation[] | undefined;

  made(index: number, e: ContextMakeEvent): void {
    this.byId.set(e.ctx, { make: e, made: index, children: [], cancel: undefined, info: undefined });
    const parent = e.parent === undefined ? undefined : this.byId.get(e.parent);
    if (parent !== undefined) {
      parent.children.push(e.ctx);
      parent.info = undefined;
    }
    this.list = undefined;
  }

  /** Returns false when the context was never made (the caller records the anomaly). */
  cancelled(index: number, e: ContextCancelEvent): boolean {
    const rec = this.byId.get(e.ctx);
    if (rec !== undefined && rec.cancel === undefined) {
      rec.cancel = { index, e };
      rec.info = undefined;
      this.list = undefined;
    }
    this.cancellations = undefined;
    let p = this.bySource.get(e.source);
    if (p === undefined) {
      p = { first: e, order: [] };
      this.bySource.set(e.source, p);
    }
    p.order.push({ ctx: e.ctx, index });
    return rec !== undefined;
  }

  view(t: { readonly [i: number]: number }): { contexts: readonly ContextInfo[]; cancellations: readonly CancelPropagation[] } {
    if (this.list === undefined) {
      const contexts: ContextInfo[] = [];
      for (const [id, r] of this.byId) {
        r.info ??= this.info(id, r, t);
        contexts.push(r.info);
      }
      contexts.sort((a, b) => a.id - b.id);
      this.list = Object.freeze(contexts);
    }
    if (this.cancellations === undefined) {
      const cancellations: CancelPropagation[] = [];
      for (const [source, p] of this.bySource) {
        const order = [];
        for (const o of p.order) order.push(Object.freeze({ ctx: o.ctx, at: refAt(t, o.index) }));
        cancellations.push(Object.freeze({ source, g: p.first.g, err: p.first.err, cause: p.first.cause, order: Object.freeze(order) }));
      }
      cancellations.sort((a, b) => (a.order[0]?.at.index ?? 0) - (b.order[0]?.at.index ?? 0));
      this.cancellations = Object.freeze(cancellations);
    }
    return { contexts: this.list, cancellations: this.cancellations };
  }

  private info(id: ContextId, r: ContextRecord, t: { readonly [i: number]: number }): ContextInfo {
    const c = r.cancel;
    return Object.freeze({
      id,
      parent: r.make.parent,
      children: Object.freeze(r.children.slice()),
      type: r.make.type,
      deadline: r.make.deadline,
      done: r.make.done,
      made: refAt(t, r.made),
      madeBy: r.make.g,
      cancel:
        c === undefined
          ? undefined
          : Object.freeze({ at: refAt(t, c.index), g: c.e.g, err: c.e.err, cause: c.e.cause, source: c.e.source }),
    });
  }
}

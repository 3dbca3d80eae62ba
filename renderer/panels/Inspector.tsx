// The state at the playhead, read from model.stateAt: every goroutine (state,
// what it waits on, since when, where), every channel (len/cap, the buffered
// values in order, parked senders and receivers, closed), the sync objects,
// and the selected event in full.

import { eventIndex, type ChannelId, type EventIndex, type GoroutineId } from "../../traces/events";
import type { ModelState, SyncObjectStateAt, TraceModel, WaitInfo } from "../../traces/model/index";
import { channelLabelOf, eventNumber, formatTime, goroutineTag, objectLabelOf, waitShortParts } from "../../traces/vocabulary/index";
import type { Selection } from "../timeline/contract";
import type { ThemeName } from "../theme/palette";
import { parseLoc } from "../state/sourceLoc";
import { useEffect, useRef, useState } from "react";
import { ChannelBufferBoxes } from "./ChannelBufferBoxes";
import { firstOf } from "./listWindow";
import { AndMore, ShowMore, useVirtualRows } from "./LongLists";
import { ChannelChip, EventLink, GoroutineChip, StateBadge } from "./chips";
import { EventDetails } from "./EventDetails";
import { waitingSince } from "./waitingSince";

export interface InspectorProps {
  readonly model: TraceModel;
  readonly state: ModelState;
  readonly selection: Selection | undefined;
  readonly theme: ThemeName;
  readonly onActivate: (index: EventIndex) => void;
  readonly onSelect: (selection: Selection | undefined) => void;
  readonly onShowLine: (index: EventIndex) => void;
}

/** Chips a queue (or a lock's readers, or its waiters) shows before "and N more". */
const QUEUE_CHIPS = 12;
/** Channels and sync objects listed at first, and how many more each "Show more" adds. */
const LIST_STEP = 100;
/** From this many goroutines on, the table is virtualized: fixed-height rows, only those in view in the page. */
const VIRTUAL_FROM = 200;
const GOROUTINE_ROW_HEIGHT = 26;

export function Inspector(p: InspectorProps) {
  const { model, state, theme, selection } = p;
  const selectG = (g: GoroutineId) => p.onSelect({ kind: "goroutine", g });
  const selectCh = (ch: ChannelId) => p.onSelect({ kind: "channel", ch });
  const detailIndex = detailIndexOf(model, selection, state.index);
  const detailTitle = titleOfDetail(selection, detailIndex, state.index);
  const selectedG = selection?.kind === "goroutine" || selection?.kind === "span" ? selection.g : undefined;
  const selectedCh = selection?.kind === "channel" ? selection.ch : undefined;
  const goroutines = state.goroutines;
  const blocked = goroutines.filter((g) => g.wait !== undefined).length;
  const [channelLimit, setChannelLimit] = useState(LIST_STEP);
  const [objectLimit, setObjectLimit] = useState(LIST_STEP);
  const channels = firstOf(state.channels, channelLimit, (c) => c.id === selectedCh);
  const objects = firstOf(state.objects, objectLimit);
  // In a run where everything happens at one instant (virtual time), "since" is an event, not a time.
  const timed = model.endTime > model.startTime;
  return (
    <div className="inspector" data-testid="inspector" data-playhead={state.index}>
      <section className="panel-section">
        <h3>{detailTitle}</h3>
        {detailIndex >= 0 && detailIndex < model.length ? (
          <EventDetails
            model={model}
            index={detailIndex}
            theme={theme}
            onActivate={p.onActivate}
            onSelectGoroutine={selectG}
            onSelectChannel={selectCh}
            onShowLine={p.onShowLine}
          />
        ) : (
          <p className="muted">Before the first event: nothing has happened yet.</p>
        )}
      </section>

      <section className="panel-section">
        <h3>
          Goroutines <span className="count">{goroutines.length}</span>
          {blocked > 0 && <span className="count warn">{blocked} parked</span>}
        </h3>
        <GoroutineTable
          model={model}
          state={state}
          theme={theme}
          selectedG={selectedG}
          timed={timed}
          onSelectGoroutine={selectG}
          onSelectChannel={selectCh}
          onActivate={p.onActivate}
          onShowLine={p.onShowLine}
        />
      </section>

      <section className="panel-section">
        <h3>
          Channels <span className="count">{state.channels.length}</span>
        </h3>
        {state.channels.length === 0 && <p className="muted">No channel made yet.</p>}
        <ul className="channel-list" data-testid="channel-list">
          {channels.shown.map((c) => (
            <li
              key={c.id}
              className={c.id === selectedCh ? "channel-card selected" : "channel-card"}
              data-ch={c.id}
              data-channel-name={c.name ?? ""}
            >
              <div className="channel-head">
                <ChannelChip model={model} ch={c.id} theme={theme} onClick={() => selectCh(c.id)} />
                <span className="len-cap" data-testid="len-cap">
                  {c.cap === 0 ? "unbuffered" : `${c.buffer.length}/${c.cap}`}
                </span>
                {c.closed && <span className="closed-tag">closed</span>}
              </div>
              <ChannelBufferBoxes channel={c} theme={theme} />
              {c.sendq.length > 0 && (
                <div className="queue" data-testid="sendq">
                  <span className="queue-label">waiting to send</span>
                  {firstOf(c.sendq, QUEUE_CHIPS).shown.map((w) => (
                    <span key={w.g} className="queue-item">
                      <GoroutineChip model={model} g={w.g} state={state.goroutine(w.g)?.state} theme={theme} onClick={() => selectG(w.g)} />
                      {w.v !== undefined && <code className="queue-value">{w.v}</code>}
                      {w.select && <span className="muted">(select)</span>}
                    </span>
                  ))}
                  <AndMore hidden={c.sendq.length - QUEUE_CHIPS} />
                </div>
              )}
              {c.recvq.length > 0 && (
                <div className="queue" data-testid="recvq">
                  <span className="queue-label">waiting to receive</span>
                  {firstOf(c.recvq, QUEUE_CHIPS).shown.map((w) => (
                    <span key={w.g} className="queue-item">
                      <GoroutineChip model={model} g={w.g} state={state.goroutine(w.g)?.state} theme={theme} onClick={() => selectG(w.g)} />
                      {w.select && <span className="muted">(select)</span>}
                    </span>
                  ))}
                  <AndMore hidden={c.recvq.length - QUEUE_CHIPS} />
                </div>
              )}
            </li>
          ))}
        </ul>
        <ShowMore
          hidden={channels.hidden}
          step={LIST_STEP}
          noun={["channel", "channels"]}
          onMore={() => setChannelLimit((n) => n + LIST_STEP)}
        />
      </section>

      {state.objects.length > 0 && (
        <section className="panel-section">
          <h3>
            Sync objects <span className="count">{state.objects.length}</span>
          </h3>
          <ul className="object-list">
            {objects.shown.map((o) => (
              <li key={o.id} className="object-row">
                <span className="object-name">{objectLabelOf(model, o.id)}</span>{" "}
                <SyncObjectState model={model} object={o} theme={theme} onSelectGoroutine={selectG} />
              </li>
            ))}
          </ul>
          <ShowMore
            hidden={objects.hidden}
            step={LIST_STEP}
            noun={["sync object", "sync objects"]}
            onMore={() => setObjectLimit((n) => n + LIST_STEP)}
          />
        </section>
      )}
    </div>
  );
}

/** The event the details section shows: the selected event, a selected flow's send, a selected span's start; else the playhead's. */
function detailIndexOf(model: TraceModel, selection: Selection | undefined, playhead: EventIndex): EventIndex {
  switch (selection?.kind) {
    case "event":
      return selection.index;
    case "flow":
      return selection.flow >= 0 && selection.flow < model.flows.length ? model.flows.flow(selection.flow).send.index : playhead;
    case "span": {
      const spans = model.goroutine(selection.g)?.spans;
      return spans !== undefined && selection.span >= 0 && selection.span < spans.length ? spans.startIndex(selection.span) : playhead;
    }
    case "goroutine":
    case "channel":
    case undefined:
      return playhead;
  }
}

function titleOfDetail(selection: Selection | undefined, index: number, playhead: number): string {
  switch (selection?.kind) {
    case "event":
      return index === playhead ? "Selected event (at the playhead)" : `Selected event ${eventNumber(index)}`;
    case "flow":
      return `Selected value: its send, ${eventNumber(index)}`;
    case "span":
      return `Selected span of ${goroutineTag(selection.g)}: where it began, ${eventNumber(index)}`;
    case "goroutine":
    case "channel":
    case undefined:
      return "Event at the playhead";
  }
}

/** "recv ← a": the wait's short form, each channel in it a coloured chip. */
function WaitWithChannels(p: {
  readonly wait: WaitInfo;
  readonly model: TraceModel;
  readonly theme: ThemeName;
  readonly onSelectChannel: (ch: ChannelId) => void;
}) {
  const parts = waitShortParts(p.wait, p.model);
  // A cell too narrow cuts it with an ellipsis: the title says it whole.
  const whole = parts.map((part) => (typeof part === "string" ? part : channelLabelOf(p.model, part.ch))).join("");
  return (
    <span title={whole}>
      {parts.map((part, k) =>
        typeof part === "string" ? (
          <span key={k}>{part}</span>
        ) : (
          <ChannelChip key={k} model={p.model} ch={part.ch} theme={p.theme} onClick={() => p.onSelectChannel(part.ch)} />
        ),
      )}
    </span>
  );
}

function SyncObjectState(p: {
  readonly model: TraceModel;
  readonly object: SyncObjectStateAt;
  readonly theme: ThemeName;
  readonly onSelectGoroutine: (g: GoroutineId) => void;
}) {
  const o = p.object;
  const chip = (g: GoroutineId) => <GoroutineChip key={g} model={p.model} g={g} theme={p.theme} onClick={() => p.onSelectGoroutine(g)} />;
  const waiting = o.waiters.length > 0 && (
    <>
      {" "}
      · waiting: {firstOf(o.waiters, QUEUE_CHIPS).shown.map((w) => chip(w.g))}
      <AndMore hidden={o.waiters.length - QUEUE_CHIPS} />
    </>
  );
  switch (o.type) {
    case "Mutex":
    case "RWMutex":
      return (
        <span className="object-state">
          {o.holder !== undefined ? (
            <>held by {chip(o.holder)}</>
          ) : o.readers.length > 0 ? (
            <>
              read by {firstOf(o.readers, QUEUE_CHIPS).shown.map(chip)}
              <AndMore hidden={o.readers.length - QUEUE_CHIPS} />
            </>
          ) : (
            <span className="muted">unlocked</span>
          )}
          {waiting}
        </span>
      );
    case "WaitGroup":
      return (
        <span className="object-state">
          counter <strong>{o.counter}</strong>
          {waiting}
        </span>
      );
    case "Once":
      return (
        <span className="object-state">
          {o.once}
          {o.onceBy !== undefined && <> by {chip(o.onceBy)}</>}
          {waiting}
        </span>
      );
    case "Cond":
    case "Semaphore":
    case "ErrGroup":
      return <span className="object-state">{waiting === false ? <span className="muted">nobody waiting</span> : waiting}</span>;
    case "Atomic":
      // Its operations are events of their own (the event list); it never has waiters.
      return null;
  }
}

interface GoroutineTableProps {
  readonly model: TraceModel;
  readonly state: ModelState;
  readonly theme: ThemeName;
  readonly selectedG: GoroutineId | undefined;
  /** "since" as a time, or as an event when the whole run happens at one instant. */
  readonly timed: boolean;
  readonly onSelectGoroutine: (g: GoroutineId) => void;
  readonly onSelectChannel: (ch: ChannelId) => void;
  readonly onActivate: (index: EventIndex) => void;
  readonly onShowLine: (index: EventIndex) => void;
}

/**
 * Every goroutine at the playhead, one row each. A few hundred are laid out as
 * they come (a wait may wrap); more are virtualized in a scroller of their own,
 * one line each, so a program of 300,000 goroutines puts a screenful of rows
 * in the page, not 300,000.
 */
function GoroutineTable(p: GoroutineTableProps) {
  const { model, state, theme, selectedG } = p;
  const goroutines = state.goroutines;
  const virtual = goroutines.length >= VIRTUAL_FROM;
  const scroller = useRef<HTMLDivElement>(null);
  const { first, last, onScroll } = useVirtualRows(scroller, virtual ? goroutines.length : 0, GOROUTINE_ROW_HEIGHT);

  // A goroutine selected elsewhere (the timeline, a chip) is scrolled into view.
  useEffect(() => {
    const el = scroller.current;
    if (!virtual || el === null || selectedG === undefined) return;
    const row = goroutines.findIndex((g) => g.id === selectedG);
    if (row < 0) return;
    const top = row * GOROUTINE_ROW_HEIGHT;
    if (top < el.scrollTop || top + 2 * GOROUTINE_ROW_HEIGHT > el.scrollTop + el.clientHeight) {
      el.scrollTop = Math.max(0, top - el.clientHeight / 2);
    }
  }, [virtual, selectedG, goroutines]);

  const row = (g: ModelState["goroutines"][number]) => {
    const line = parseLoc(g.wait?.loc)?.line;
    const since = waitingSince(g);
    return (
      <tr
        key={g.id}
        className={g.id === selectedG ? "selected" : g.id === state.running ? "running-now" : g.state === "exited" ? "gone" : undefined}
        data-g={g.id}
        data-state={g.state}
        onClick={() => p.onSelectGoroutine(g.id)}
      >
        <td>
          <GoroutineChip model={model} g={g.id} theme={theme} />
        </td>
        <td>
          <StateBadge state={g.state} theme={theme} short />
        </td>
        <td className="wait-cell">
          {g.wait === undefined ? (
            <span className="muted">—</span>
          ) : (
            <WaitWithChannels wait={g.wait} model={model} theme={theme} onSelectChannel={p.onSelectChannel} />
          )}
          {g.wait !== undefined && line !== undefined && (
            <button
              type="button"
              className="event-link line-link"
              onClick={(e) => {
                e.stopPropagation();
                p.onShowLine(g.wait?.block.index ?? eventIndex(-1));
              }}
              title={`Show line ${line} in the source`}
            >
              :{line}
            </button>
          )}
        </td>
        <td>
          <EventLink index={since.index} onActivate={p.onActivate} label={p.timed ? formatTime(since.t) : eventNumber(since.index)} />
        </td>
      </tr>
    );
  };

  const table = (
    <table className={virtual ? "grid goroutines virtual" : "grid goroutines"} data-testid="goroutine-table">
      <thead>
        <tr>
          <th>goroutine</th>
          <th>state</th>
          <th>waiting on</th>
          <th>since</th>
        </tr>
      </thead>
      <tbody>
        {virtual ? (
          <>
            {first > 0 && <SpacerRow height={first * GOROUTINE_ROW_HEIGHT} />}
            {goroutines.slice(first, last).map(row)}
            {last < goroutines.length && <SpacerRow height={(goroutines.length - last) * GOROUTINE_ROW_HEIGHT} />}
          </>
        ) : (
          goroutines.map(row)
        )}
      </tbody>
    </table>
  );
  if (!virtual) return table;
  return (
    <div className="grid-scroller" ref={scroller} onScroll={onScroll} data-testid="goroutine-scroller">
      {table}
    </div>
  );
}

/** Stands for the rows of a virtualized table out of view, so its scrollbar is true. */
function SpacerRow(p: { readonly height: number }) {
  return (
    <tr className="spacer" aria-hidden>
      <td colSpan={4} style={{ height: p.height, padding: 0 }} />
    </tr>
  );
}

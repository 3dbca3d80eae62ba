// One event in full: what happened, who, when, where, and what it connects
// to — the other end of a send/receive, the select it was a case of, or for a
// select its cases, which were ready and which fired.

import type { ReactNode } from "react";
import type { ChannelId, EventIndex, GoroutineId, SelectCase } from "../../traces/events";
import type { TraceModel } from "../../traces/model/index";
import { eventNumber, eventPhrase, formatTime, goroutineTag } from "../../traces/vocabulary/index";
import type { ThemeName } from "../theme/palette";
import { ChannelChip, EventLink, GoroutineChip } from "./chips";

interface EventDetailsProps {
  readonly model: TraceModel;
  readonly index: EventIndex;
  readonly theme: ThemeName;
  readonly onActivate: (index: EventIndex) => void;
  readonly onSelectGoroutine: (g: GoroutineId) => void;
  readonly onSelectChannel: (ch: ChannelId) => void;
  readonly onShowLine: (index: EventIndex) => void;
}

export function EventDetails(p: EventDetailsProps) {
  const { model, index, theme } = p;
  const e = model.event(index);
  const flowId = e.kind === "send" || e.kind === "recv" ? model.flows.ofEvent(index) : undefined;
  const flow = flowId === undefined ? undefined : model.flows.flow(flowId);
  const decisionId =
    e.kind === "select" || ((e.kind === "send" || e.kind === "recv") && e.sel !== undefined) ? model.selects.ofEvent(index) : undefined;
  const decision = decisionId === undefined ? undefined : model.selects.decision(decisionId);
  const blockCases = e.kind === "block" && e.cases !== undefined ? e.cases : undefined;
  return (
    <div className="event-details" data-testid="event-details" data-index={index}>
      <div className="event-title">
        <span className={`kind-tag kind-${e.kind.replace(".", "-")}`}>{e.kind}</span>
        <span className="event-desc">{eventPhrase(e, model)}</span>
      </div>
      <dl className="facts">
        <dt>event</dt>
        <dd>
          {eventNumber(index)} at {formatTime(e.t)}
        </dd>
        <dt>goroutine</dt>
        <dd>
          {e.g === 0 ? (
            <span className="muted">{goroutineTag(e.g)}</span>
          ) : (
            <GoroutineChip model={model} g={e.g} theme={theme} onClick={() => p.onSelectGoroutine(e.g)} />
          )}
        </dd>
        {"ch" in e && e.ch !== undefined && (
          <>
            <dt>channel</dt>
            <dd>
              <ChannelChip model={model} ch={e.ch} theme={theme} onClick={() => p.onSelectChannel(e.ch as ChannelId)} />
              {model.channel(e.ch) !== undefined && <span className="muted"> cap {model.channel(e.ch)?.cap}</span>}
            </dd>
          </>
        )}
        {e.loc !== undefined && (
          <>
            <dt>source</dt>
            <dd>
              <button type="button" className="event-link" onClick={() => p.onShowLine(index)}>
                {e.loc}
              </button>
            </dd>
          </>
        )}
        {flow !== undefined && (
          <>
            <dt>value</dt>
            <dd>
              <code>{flow.v}</code>{" "}
              <span className="muted">
                {flow.direct ? "handed over directly" : flow.status === "buffered" ? "still in the buffer" : "through the buffer"}
              </span>
            </dd>
            <dt>sent</dt>
            <dd>
              by <GoroutineChip model={model} g={flow.sender} theme={theme} /> at{" "}
              <EventLink index={flow.send.index} onActivate={p.onActivate} />
            </dd>
            <dt>received</dt>
            <dd>
              {flow.recv === undefined || flow.receiver === undefined ? (
                <span className="muted">{flow.status === "lost" ? "not in the trace (cut off)" : "not yet"}</span>
              ) : (
                <>
                  by <GoroutineChip model={model} g={flow.receiver} theme={theme} /> at{" "}
                  <EventLink index={flow.recv.index} onActivate={p.onActivate} />
                </>
              )}
            </dd>
          </>
        )}
        {e.kind === "spawn" && (
          <>
            <dt>spawned</dt>
            <dd>
              <GoroutineChip model={model} g={e.child} theme={theme} onClick={() => p.onSelectGoroutine(e.child)} />
            </dd>
          </>
        )}
        {e.kind === "unblock" && e.by !== 0 && (
          <>
            <dt>woken by</dt>
            <dd>
              <GoroutineChip model={model} g={e.by} theme={theme} onClick={() => p.onSelectGoroutine(e.by)} />
            </dd>
          </>
        )}
        {e.kind === "panic" && e.stack !== undefined && (
          <>
            <dt>stack</dt>
            <dd>
              <pre className="stack">{e.stack}</pre>
            </dd>
          </>
        )}
      </dl>
      {decision !== undefined && (
        <SelectCasesTable
          model={model}
          theme={theme}
          cases={decision.cases}
          ready={decision.ready}
          chosen={decision.chosen}
          hasDefault={decision.hasDefault}
          title={
            e.kind === "select" ? (
              "select decision"
            ) : (
              <>
                case of the select at <EventLink index={decision.at.index} onActivate={p.onActivate} />
              </>
            )
          }
        />
      )}
      {blockCases !== undefined && (
        <SelectCasesTable
          model={model}
          theme={theme}
          cases={blockCases}
          ready={[]}
          chosen={undefined}
          hasDefault={false}
          title="waiting in select on"
        />
      )}
    </div>
  );
}

function SelectCasesTable(p: {
  readonly model: TraceModel;
  readonly theme: ThemeName;
  readonly cases: readonly SelectCase[];
  readonly ready: readonly number[];
  /** undefined: not decided yet (parked). */
  readonly chosen: number | undefined;
  readonly hasDefault: boolean;
  readonly title: ReactNode;
}) {
  return (
    <table className="grid select-cases" data-testid="select-cases">
      <caption>{p.title}</caption>
      <thead>
        <tr>
          <th>case</th>
          <th>op</th>
          <th>channel</th>
          <th>ready</th>
          <th>fired</th>
        </tr>
      </thead>
      <tbody>
        {p.cases.map((c, k) => (
          <tr key={k} className={p.chosen === k ? "fired" : undefined}>
            <td>{k}</td>
            <td>{c.dir === "send" ? "send →" : "recv ←"}</td>
            <td>
              <ChannelChip model={p.model} ch={c.ch} theme={p.theme} />
            </td>
            <td>{p.chosen === undefined ? "—" : p.ready.includes(k) ? "ready" : <span className="muted">no</span>}</td>
            <td>{p.chosen === k ? "✔ fired" : ""}</td>
          </tr>
        ))}
        {p.hasDefault && (
          <tr className={p.chosen === -1 ? "fired" : undefined}>
            <td>default</td>
            <td colSpan={3} className="muted">
              taken when no case is ready
            </td>
            <td>{p.chosen === -1 ? "✔ fired" : ""}</td>
          </tr>
        )}
      </tbody>
    </table>
  );
}

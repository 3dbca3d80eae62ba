// The wait-for graph at the playhead, in SVG (few items): goroutines → the
// channels and locks they wait on → the goroutines that could act on them.
// A wait cycle (a deadlock ring) is drawn thick in the deadlock colour.

import { useMemo, useRef } from "react";
import type { ChannelId, GoroutineId } from "../../traces/events";
import type { ModelState, TraceModel } from "../../traces/model/index";
import { goroutineTag, STUCK_PHRASE } from "../../traces/vocabulary/index";
import type { Selection } from "../timeline/contract";
import { channelColor, stateColor, textOnColor, withAlpha, type ThemeName } from "../theme/palette";
import { useElementSize } from "./useElementSize";
import { layoutWaitForGraph, type GraphNodeLayout } from "./waitForGraphLayout";

export interface WaitForGraphViewProps {
  readonly model: TraceModel;
  readonly state: ModelState;
  readonly theme: ThemeName;
  readonly selection: Selection | undefined;
  readonly onSelect: (selection: Selection) => void;
}

export function WaitForGraphView(p: WaitForGraphViewProps) {
  const box = useRef<HTMLDivElement>(null);
  const size = useElementSize(box);
  const graph = p.state.waitFor;
  const layout = useMemo(
    () =>
      size.width === 0
        ? undefined
        : layoutWaitForGraph(graph, p.model, (g) => p.state.goroutine(g)?.state, { width: size.width, height: Math.max(size.height, 120) }),
    [graph, p.model, p.state, size.width, size.height],
  );
  const cycleColor = stateColor("deadlocked", p.theme);
  const edgeColor = (channel: ChannelId | undefined): string => (channel === undefined ? "var(--muted)" : channelColor(channel, p.theme));
  const nodeSelected = (n: GraphNodeLayout): boolean =>
    (n.kind === "goroutine" && (p.selection?.kind === "goroutine" || p.selection?.kind === "span") && p.selection.g === n.id) ||
    (n.kind === "channel" && p.selection?.kind === "channel" && p.selection.ch === n.id);
  return (
    <div className="graph-box" data-testid="wait-for-graph" data-cycles={graph.cycles.length} data-nodes={graph.nodes.length}>
      <div className="graph-canvas" ref={box}>
        {graph.nodes.length === 0 ? (
          <p className="muted graph-empty">Nobody is waiting on a channel or a lock at this moment.</p>
        ) : layout === undefined ? null : (
          <svg width={layout.width} height={layout.height} role="img" aria-label="wait-for graph">
            <defs>
              <marker id="wf-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                <path d="M0,0 L10,5 L0,10 z" fill="context-stroke" />
              </marker>
            </defs>
            {layout.edges.map((e) => (
              <g key={e.key} className={e.inCycle ? "wf-edge in-cycle" : "wf-edge"} data-edge={e.key}>
                <line
                  x1={e.x1}
                  y1={e.y1}
                  x2={e.x2}
                  y2={e.y2}
                  stroke={e.inCycle ? cycleColor : edgeColor(e.channel)}
                  strokeWidth={e.inCycle ? 2.5 : 1.4}
                  strokeDasharray={e.kind === "can-act" ? "5 3" : undefined}
                  markerEnd="url(#wf-arrow)"
                />
                <EdgeLabel x={(e.x1 + e.x2) / 2} y={(e.y1 + e.y2) / 2} text={e.label} />
              </g>
            ))}
            {layout.nodes.map((n) => {
              const fill =
                n.kind === "goroutine"
                  ? n.state === undefined
                    ? "var(--panel)"
                    : stateColor(n.state, p.theme)
                  : n.kind === "channel"
                    ? withAlpha(channelColor(n.id as ChannelId, p.theme), p.theme === "dark" ? 0.25 : 0.14)
                    : "var(--panel)";
              const stroke = n.inCycle
                ? cycleColor
                : n.kind === "channel"
                  ? channelColor(n.id as ChannelId, p.theme)
                  : n.stuck
                    ? cycleColor
                    : "var(--border-strong)";
              const text =
                n.kind === "goroutine" && n.state !== undefined
                  ? textOnColor(fill)
                  : n.kind === "channel"
                    ? channelColor(n.id as ChannelId, p.theme)
                    : "var(--fg)";
              return (
                <g
                  key={n.key}
                  className={`wf-node wf-${n.kind}${n.inCycle ? " in-cycle" : ""}${nodeSelected(n) ? " selected" : ""}`}
                  data-node={n.key}
                  data-label={n.label}
                  transform={`translate(${n.x},${n.y})`}
                  onClick={() => {
                    if (n.kind === "goroutine" && n.members === undefined) p.onSelect({ kind: "goroutine", g: n.id as GoroutineId });
                    else if (n.kind === "channel") p.onSelect({ kind: "channel", ch: n.id as ChannelId });
                  }}
                >
                  <title>
                    {`${n.members === undefined ? n.label : n.members.map(goroutineTag).join(", ")}${n.stuck ? ` — ${STUCK_PHRASE}` : ""}${n.inCycle ? " — on a wait cycle" : ""}`}
                  </title>
                  <rect
                    x={-n.halfWidth}
                    y={-n.halfHeight}
                    width={n.halfWidth * 2}
                    height={n.halfHeight * 2}
                    rx={n.kind === "goroutine" ? n.halfHeight : 3}
                    fill={fill}
                    stroke={stroke}
                    strokeWidth={n.inCycle || nodeSelected(n) ? 2.5 : 1.2}
                    strokeDasharray={n.kind === "object" ? "3 2" : undefined}
                  />
                  <text textAnchor="middle" dominantBaseline="central" fill={text} className="wf-label">
                    {n.label}
                  </text>
                </g>
              );
            })}
          </svg>
        )}
      </div>
      <div className="graph-legend">
        <span>
          <svg width="22" height="8" aria-hidden="true">
            <line x1="0" y1="4" x2="22" y2="4" stroke="currentColor" strokeWidth="1.4" />
          </svg>{" "}
          waits on
        </span>
        <span>
          <svg width="22" height="8" aria-hidden="true">
            <line x1="0" y1="4" x2="22" y2="4" stroke="currentColor" strokeWidth="1.4" strokeDasharray="5 3" />
          </svg>{" "}
          could act on it
        </span>
        {graph.cycles.length > 0 && (
          <span style={{ color: cycleColor }} data-testid="cycle-legend">
            <svg width="22" height="8" aria-hidden="true">
              <line x1="0" y1="4" x2="22" y2="4" stroke={cycleColor} strokeWidth="2.5" />
            </svg>{" "}
            wait cycle ({graph.cycles.length})
          </span>
        )}
      </div>
    </div>
  );
}

function EdgeLabel({ x, y, text }: { readonly x: number; readonly y: number; readonly text: string }) {
  if (text === "") return null;
  const w = text.length * 5.6 + 6;
  return (
    <g transform={`translate(${x},${y})`} className="wf-edge-label">
      <rect x={-w / 2} y={-7} width={w} height={14} rx={3} />
      <text textAnchor="middle" dominantBaseline="central">
        {text}
      </text>
    </g>
  );
}

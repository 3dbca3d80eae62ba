// The wait-for graph at the playhead, in SVG (few items): goroutines → the
// channels and locks they wait on → the goroutines that could act on them.
// A wait cycle (a deadlock ring) is drawn thick in the deadlock colour. It
// zooms and pans (useGraphView.ts): Ctrl/⌘+wheel about the pointer, the
// wheel or a drag to pan, and the buttons under it.

import { useMemo, useRef } from "react";
import type { ChannelId, GoroutineId } from "../../traces/events";
import { isVerdict, type ModelState, type TraceModel } from "../../traces/model/index";
import { goroutineTag, STUCK_FOR_GOOD_PHRASE, STUCK_PHRASE } from "../../traces/vocabulary/index";
import type { Selection } from "../timeline/contract";
import { channelColor, stateColor, textOnColor, withAlpha, type ThemeName } from "../theme/palette";
import { hiddenSides, MAX_SCALE, READABLE_SCALE, type ViewTransform } from "./graphViewport";
import { useElementSize } from "./useElementSize";
import { useGraphView, type GraphViewControls } from "./useGraphView";
import { layoutWaitForGraph, type EdgeLabelLayout, type GraphLayout, type GraphNodeLayout } from "./waitForGraphLayout";

export interface WaitForGraphViewProps {
  readonly model: TraceModel;
  readonly state: ModelState;
  readonly theme: ThemeName;
  readonly selection: Selection | undefined;
  readonly onSelect: (selection: Selection) => void;
}

const transformText = (t: ViewTransform): string => `translate(${t.x.toFixed(1)},${t.y.toFixed(1)}) scale(${t.k.toFixed(3)})`;

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
  const shown = graph.nodes.length === 0 ? undefined : layout;
  const controls = useGraphView(shown, size, box);
  const view = controls.view;
  const cycleColor = stateColor("deadlocked", p.theme);
  const hidden = shown === undefined || view === undefined ? [] : hiddenSides(view.transform, view.content, view.viewport);
  const classes = ["graph-canvas"];
  if (hidden.length > 0) classes.push("pannable");
  if (controls.panning) classes.push("panning");
  return (
    <div className="graph-box" data-testid="wait-for-graph" data-cycles={graph.cycles.length} data-nodes={graph.nodes.length}>
      <div
        className={classes.join(" ")}
        ref={box}
        data-zoom={view?.transform.k.toFixed(3)}
        data-transform={view === undefined ? undefined : transformText(view.transform)}
        data-fitted={view === undefined ? undefined : String(view.fitted)}
        {...controls.pointer}
      >
        {shown === undefined ? (
          graph.nodes.length === 0 && <p className="muted graph-empty">Nobody is waiting on a channel or a lock at this moment.</p>
        ) : view === undefined ? null : (
          <svg width={size.width} height={size.height} role="img" aria-label="wait-for graph">
            <defs>
              <marker id="wf-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                <path d="M0,0 L10,5 L0,10 z" fill="context-stroke" />
              </marker>
            </defs>
            <g className="wf-drawing" transform={transformText(view.transform)}>
              <Drawing layout={shown} {...p} />
            </g>
          </svg>
        )}
        {/* A fade at each side with more of the graph beyond it: there is somewhere to pan to. */}
        {hidden.map((side) => (
          <div key={side} className={`graph-more graph-more-${side}`} aria-hidden="true" />
        ))}
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
        {shown !== undefined && <ZoomButtons controls={controls} />}
      </div>
    </div>
  );
}

/** Zoom out, the zoom, zoom in, fit: buttons, so the keyboard reaches them (Tab, then Enter). */
function ZoomButtons({ controls }: { readonly controls: GraphViewControls }) {
  const k = controls.view?.transform.k ?? 1;
  return (
    <span className="graph-zoom" role="group" aria-label="Zoom the wait-for graph">
      <button
        type="button"
        className="small"
        data-testid="graph-zoom-out"
        aria-label="Zoom out"
        title="Zoom out (Ctrl+wheel)"
        disabled={k <= READABLE_SCALE + 1e-6}
        onClick={controls.zoomOut}
      >
        −
      </button>
      <span className="graph-zoom-level" aria-live="polite" data-testid="graph-zoom-level">
        {Math.round(k * 100)}%
      </span>
      <button
        type="button"
        className="small"
        data-testid="graph-zoom-in"
        aria-label="Zoom in"
        title="Zoom in (Ctrl+wheel)"
        disabled={k >= MAX_SCALE - 1e-6}
        onClick={controls.zoomIn}
      >
        +
      </button>
      <button
        type="button"
        className="small"
        data-testid="graph-fit"
        aria-label="Fit the graph to the panel"
        title="Fit the graph to the panel"
        onClick={controls.fit}
      >
        Fit
      </button>
    </span>
  );
}

function Drawing(p: WaitForGraphViewProps & { readonly layout: GraphLayout }) {
  const cycleColor = stateColor("deadlocked", p.theme);
  // Stuck is a verdict only once the run is over; mid-run it is what the trace shows so far, in neutral colours.
  const forGood = isVerdict(p.model.ending, p.state.index);
  const stuckPhrase = forGood ? STUCK_FOR_GOOD_PHRASE : STUCK_PHRASE;
  const edgeColor = (channel: ChannelId | undefined): string => (channel === undefined ? "var(--muted)" : channelColor(channel, p.theme));
  const nodeSelected = (n: GraphNodeLayout): boolean =>
    (n.kind === "goroutine" && (p.selection?.kind === "goroutine" || p.selection?.kind === "span") && p.selection.g === n.id) ||
    (n.kind === "channel" && p.selection?.kind === "channel" && p.selection.ch === n.id);
  return (
    <>
      {p.layout.edges.map((e) => (
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
        </g>
      ))}
      {/* Labels over every line: a line may cross a label, a label never another label. */}
      {p.layout.edges.map((e) =>
        e.labelAt === undefined ? null : <EdgeLabel key={e.key} edgeKey={e.key} at={e.labelAt} text={e.label} inCycle={e.inCycle} />,
      )}
      {p.layout.nodes.map((n) => {
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
            : n.stuck && forGood
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
              {`${n.members === undefined ? n.label : n.members.map(goroutineTag).join(", ")}${n.stuck ? ` — ${stuckPhrase}` : ""}${n.inCycle ? " — on a wait cycle" : ""}`}
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
    </>
  );
}

function EdgeLabel(p: { readonly edgeKey: string; readonly at: EdgeLabelLayout; readonly text: string; readonly inCycle: boolean }) {
  const { at } = p;
  return (
    <g className={p.inCycle ? "wf-edge-label in-cycle" : "wf-edge-label"} data-edge-label={p.edgeKey}>
      {/* No room on its edge: the label stands under the drawing, a leader points at its edge. */}
      {!at.onEdge && <line className="wf-leader" x1={at.x} y1={at.y - at.halfHeight} x2={at.anchorX} y2={at.anchorY} />}
      <g transform={`translate(${at.x},${at.y})`}>
        <rect x={-at.halfWidth} y={-at.halfHeight} width={at.halfWidth * 2} height={at.halfHeight * 2} rx={3} />
        <text textAnchor="middle" dominantBaseline="central">
          {p.text}
        </text>
      </g>
    </g>
  );
}

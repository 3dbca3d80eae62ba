// The timeline: goroutine swimlanes, channel lanes and flow arrows on two
// canvases, with a legend above. React renders the wrapper once; TimelineView
// paints (DESIGN §5, Excalidraw's split). Controlled: every change the user
// makes goes out through onWindowChange / onPlayheadChange / onSelect.

import { useLayoutEffect, useRef } from "react";
import type { TimelineProps } from "./contract";
import { TimelineLegend } from "./TimelineLegend";
import { TimelineView } from "./timelineView";
import { AXIS_HEIGHT, GUTTER_WIDTH, OVERVIEW_HEIGHT, SCROLLBAR_WIDTH } from "./geometry";
import { timeAxisNote } from "./timeAxis";
import { plural } from "./words";
import "./timeline.css";

export function Timeline(props: TimelineProps) {
  const rootRef = useRef<HTMLDivElement>(null);
  const staticRef = useRef<HTMLCanvasElement>(null);
  const interactiveRef = useRef<HTMLCanvasElement>(null);
  const scrollerRef = useRef<HTMLDivElement>(null);
  const scrollerContentRef = useRef<HTMLDivElement>(null);
  const tooltipRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<TimelineView | undefined>(undefined);

  useLayoutEffect(() => {
    const root = rootRef.current;
    const staticCanvas = staticRef.current;
    const interactiveCanvas = interactiveRef.current;
    const scroller = scrollerRef.current;
    const scrollerContent = scrollerContentRef.current;
    const tooltip = tooltipRef.current;
    if (!root || !staticCanvas || !interactiveCanvas || !scroller || !scrollerContent || !tooltip) return;
    const view = new TimelineView({ root, staticCanvas, interactiveCanvas, scroller, scrollerContent, tooltip });
    viewRef.current = view;
    return () => {
      view.destroy();
      viewRef.current = undefined;
    };
  }, []);

  // Every render hands the props over; the view repaints only what they change.
  useLayoutEffect(() => {
    viewRef.current?.update(props);
  });

  const note = timeAxisNote(props.model, props.axis);
  return (
    <div className={`cs-timeline cs-timeline-${props.theme}`} data-testid="timeline">
      <TimelineLegend model={props.model} theme={props.theme} />
      <div className="cs-timeline-plot" ref={rootRef}>
        <canvas className="cs-timeline-layer" ref={staticRef} aria-hidden="true" />
        <canvas
          className="cs-timeline-layer cs-timeline-interactive"
          ref={interactiveRef}
          role="img"
          aria-label={`Timeline of ${plural(props.model.goroutines.length, "goroutine", "goroutines")} and ${plural(props.model.channels.length, "channel", "channels")} over ${plural(props.model.length, "event", "events")}`}
        />
        <div className="cs-timeline-scroller" ref={scrollerRef}>
          <div ref={scrollerContentRef} />
        </div>
        {note !== undefined && (
          // Over the plot only: the gutter still names the lanes.
          <div
            className="cs-timeline-note"
            role="status"
            data-testid="timeline-note"
            style={{ left: GUTTER_WIDTH, top: OVERVIEW_HEIGHT + AXIS_HEIGHT, right: SCROLLBAR_WIDTH }}
          >
            <p>{note}</p>
          </div>
        )}
        <div className="cs-timeline-tooltip" ref={tooltipRef} role="tooltip" hidden>
          <div className="cs-timeline-tooltip-title" />
          <div className="cs-timeline-tooltip-detail" />
        </div>
      </div>
    </div>
  );
}

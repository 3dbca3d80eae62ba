// The wait-for graph's zoom and pan, as plain values: a transform from the
// drawing to the panel (screen = k · drawing + (x, y)) and the view that owns
// it. The view fits the drawing to the panel when first shown, follows the fit
// until the person zooms or pans, and from then on keeps their zoom while the
// playhead moves — until the graph's nodes are mostly new ones, when it fits
// again. Text is never drawn smaller than READABLE_SCALE of its size.

export interface ViewTransform {
  readonly x: number;
  readonly y: number;
  readonly k: number;
}

export interface Size {
  readonly width: number;
  readonly height: number;
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** The smallest scale: 11 px labels stay 8.25 px, 10 px edge labels 7.5 px. */
export const READABLE_SCALE = 0.75;
export const MAX_SCALE = 4;
/** One press of a zoom button. */
export const ZOOM_STEP = 1.25;

const clamp = (v: number, lo: number, hi: number): number => Math.min(Math.max(v, lo), hi);

/** One axis: a drawing narrower than the panel is centred; a wider one may not leave a gap at either side. */
function constrainAxis(at: number, scaled: number, room: number): number {
  return scaled <= room ? (room - scaled) / 2 : clamp(at, room - scaled, 0);
}

/** The transform moved as little as needed to keep the drawing on the panel. */
export function constrain(t: ViewTransform, content: Size, viewport: Size): ViewTransform {
  const k = clamp(t.k, READABLE_SCALE, MAX_SCALE);
  return {
    x: constrainAxis(t.x, k * content.width, viewport.width),
    y: constrainAxis(t.y, k * content.height, viewport.height),
    k,
  };
}

/**
 * The whole drawing in the panel, never magnified. A drawing too big to show
 * whole at the readable scale is fitted to the panel's width instead (from
 * its top, at most full size): the wheel scrolls through the rest, as it
 * would a page.
 */
export function fitTransform(content: Size, viewport: Size): ViewTransform {
  const across = viewport.width / Math.max(content.width, 1);
  const whole = Math.min(across, viewport.height / Math.max(content.height, 1));
  const k = whole >= READABLE_SCALE ? Math.min(whole, 1) : clamp(across, READABLE_SCALE, 1);
  return constrain({ x: 0, y: 0, k }, content, viewport);
}

/** Zoomed by `factor` about `at` (a panel point): the drawing under it stays under it, as far as the limits allow. */
export function zoomAbout(t: ViewTransform, factor: number, at: Point, content: Size, viewport: Size): ViewTransform {
  const k = clamp(t.k * factor, READABLE_SCALE, MAX_SCALE);
  const x = at.x - ((at.x - t.x) * k) / t.k;
  const y = at.y - ((at.y - t.y) * k) / t.k;
  return constrain({ x, y, k }, content, viewport);
}

export function panBy(t: ViewTransform, dx: number, dy: number, content: Size, viewport: Size): ViewTransform {
  return constrain({ x: t.x + dx, y: t.y + dy, k: t.k }, content, viewport);
}

/** The zoom factor of one wheel event (a mouse notch ≈ ×1.3; a trackpad pinch sends many small ones). */
export function wheelZoomFactor(deltaY: number, deltaMode: number): number {
  const pixels = deltaY * (deltaMode === 1 ? 16 : deltaMode === 2 ? 400 : 1);
  return clamp(2 ** (-pixels * 0.004), 0.5, 2);
}

export type Side = "top" | "right" | "bottom" | "left";

/** The panel's sides beyond which some of the drawing is hidden (there is more to pan to). */
export function hiddenSides(t: ViewTransform, content: Size, viewport: Size): readonly Side[] {
  const sides: Side[] = [];
  if (t.y < -0.5) sides.push("top");
  if (t.x + t.k * content.width > viewport.width + 0.5) sides.push("right");
  if (t.y + t.k * content.height > viewport.height + 0.5) sides.push("bottom");
  if (t.x < -0.5) sides.push("left");
  return sides;
}

/** Fewer than half of the nodes of the bigger set are in both: the graph is another one now. */
export function mostlyNewNodes(before: readonly string[], after: readonly string[]): boolean {
  const seen = new Set(before);
  const shared = after.reduce((n, k) => (seen.has(k) ? n + 1 : n), 0);
  return shared * 2 < Math.max(before.length, after.length);
}

export interface GraphView {
  readonly transform: ViewTransform;
  /** Following the fit: true until the person zooms or pans, and again after Fit. */
  readonly fitted: boolean;
  /** The nodes shown when the view was fitted or last moved by the person. */
  readonly chosenFor: readonly string[];
  readonly nodes: readonly string[];
  readonly content: Size;
  readonly viewport: Size;
}

const sameSize = (a: Size, b: Size): boolean => a.width === b.width && a.height === b.height;
const sameKeys = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((k, i) => k === b[i]);

/**
 * The view for a new layout (the playhead moved, the panel was resized): the
 * same object when nothing changed; fitted again when it was following the
 * fit or when the nodes are mostly new; else the person's zoom, kept on the
 * drawing.
 */
export function viewForLayout(view: GraphView | undefined, nodes: readonly string[], content: Size, viewport: Size): GraphView {
  if (view !== undefined && sameKeys(view.nodes, nodes) && sameSize(view.content, content) && sameSize(view.viewport, viewport))
    return view;
  if (view === undefined || view.fitted || mostlyNewNodes(view.chosenFor, nodes))
    return { transform: fitTransform(content, viewport), fitted: true, chosenFor: nodes, nodes, content, viewport };
  return { ...view, transform: constrain(view.transform, content, viewport), nodes, content, viewport };
}

/** The person's own view: no longer following the fit, chosen for the nodes on screen now. */
const moved = (view: GraphView, transform: ViewTransform): GraphView =>
  transform.x === view.transform.x && transform.y === view.transform.y && transform.k === view.transform.k
    ? view
    : { ...view, transform, fitted: false, chosenFor: view.nodes };

/** Zoomed about a panel point, or about the panel's centre (the buttons). */
export function zoomView(view: GraphView, factor: number, at?: Point): GraphView {
  const centre = at ?? { x: view.viewport.width / 2, y: view.viewport.height / 2 };
  return moved(view, zoomAbout(view.transform, factor, centre, view.content, view.viewport));
}

export function panView(view: GraphView, dx: number, dy: number): GraphView {
  return moved(view, panBy(view.transform, dx, dy, view.content, view.viewport));
}

export function fitView(view: GraphView): GraphView {
  return { ...view, transform: fitTransform(view.content, view.viewport), fitted: true, chosenFor: view.nodes };
}

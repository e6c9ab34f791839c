/**
 * Where the graph's first view goes, worked out without React Flow so it can be tested: the whole
 * drawing, centred, when it fits the box at a readable zoom; else the readable zoom, centred on the
 * focus (where the run is), each axis kept inside the drawing's edges, so that a focus near the
 * start shows the drawing from its top and a focus near the end shows it down to its bottom.
 */
import type { GraphLayout } from './graph-layout';

/** The smallest zoom at which node text stays readable: a graph that only fits smaller is not fitted. */
export const READABLE_ZOOM = 0.5;
/** The largest zoom of the first view (a small graph is not blown up beyond a little over full size). */
export const MAX_INITIAL_ZOOM = 1.1;
/** Room left between the drawing and the box's edges, in screen pixels. */
export const VIEW_PAD = 16;

export interface Viewport {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
}

/** The zoom that shows the whole drawing in a `width` × `height` box (at most MAX_INITIAL_ZOOM). */
export function fitZoom(width: number, height: number, layout: Pick<GraphLayout, 'width' | 'height'>): number {
  return Math.min(MAX_INITIAL_ZOOM, (width - 2 * VIEW_PAD) / layout.width, (height - 2 * VIEW_PAD) / layout.height);
}

/** Offset on one axis: the drawing centred when it fits, else `focus` (drawing units) centred, clamped to the drawing's extent. */
function offset(view: number, size: number, focus: number, zoom: number): number {
  const drawn = size * zoom;
  // A hair of slack: at the fitting zoom, drawn + 2 × pad equals the view up to rounding.
  if (drawn + 2 * VIEW_PAD <= view + 0.5) return (view - drawn) / 2;
  const centred = view / 2 - focus * zoom;
  return Math.min(VIEW_PAD, Math.max(view - drawn - VIEW_PAD, centred));
}

/**
 * The first view of `layout` in a `width` × `height` box. `focus` is the node to show when the
 * whole drawing does not fit (the failed or running state); without it (or when it is not in the
 * layout) the first node, the start.
 */
export function initialViewport(width: number, height: number, layout: GraphLayout, focus?: string): Viewport {
  const fit = fitZoom(width, height, layout);
  const zoom = Math.max(fit, READABLE_ZOOM);
  const box = (focus !== undefined ? layout.nodes.get(focus) : undefined) ?? layout.nodes.values().next().value;
  const fx = box ? box.x + box.width / 2 : layout.width / 2;
  const fy = box ? box.y + box.height / 2 : layout.height / 2;
  return { x: offset(width, layout.width, fx, zoom), y: offset(height, layout.height, fy, zoom), zoom };
}

/**
 * Places the graph once, when it is first shown: the whole drawing when it fits at a readable
 * size, else a readable zoom centred on where the run is (the failed or running state, else the
 * start), kept inside the drawing's edges. Rendered inside <ReactFlow>; the fit-view button shows
 * the whole drawing on demand.
 */
import { useReactFlow, useStore } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import type { GraphLayout } from './graph-layout';

/** The smallest zoom at which node text stays readable. */
export const READABLE_ZOOM = 0.6;
const MAX_ZOOM = 1.1;
const PAD = 16;

/** Viewport offset on one axis: centred on `focus` (drawing units), clamped to the drawing's extent. */
function offset(view: number, size: number, focus: number, zoom: number): number {
  const drawn = size * zoom;
  if (drawn + 2 * PAD <= view) return (view - drawn) / 2;
  const centred = view / 2 - focus * zoom;
  return Math.min(PAD, Math.max(view - drawn - PAD, centred));
}

export function InitialViewport({ layout, focus }: { layout: GraphLayout; focus: string | undefined }) {
  const { setViewport } = useReactFlow();
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const placed = useRef(false);

  useEffect(() => {
    if (placed.current || !width || !height || layout.width === 0) return;
    placed.current = true;
    const fit = Math.min(MAX_ZOOM, (width - 2 * PAD) / layout.width, (height - 2 * PAD) / layout.height);
    const zoom = Math.max(fit, READABLE_ZOOM);
    const box = (focus && layout.nodes.get(focus)) || [...layout.nodes.values()][0];
    const fx = box ? box.x + box.width / 2 : layout.width / 2;
    const fy = box ? box.y + box.height / 2 : layout.height / 2;
    void setViewport({ x: offset(width, layout.width, fx, zoom), y: offset(height, layout.height, fy, zoom), zoom });
  }, [width, height, layout, focus, setViewport]);

  return null;
}

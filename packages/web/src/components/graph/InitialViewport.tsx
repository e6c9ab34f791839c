/**
 * Places the graph once, when it is first shown: the whole drawing when it fits at a readable
 * size, else a readable zoom centred on where the run is (the failed or running state, else the
 * start), kept inside the drawing's edges (see initial-viewport.ts). Rendered inside <ReactFlow>;
 * the fit-view button shows the whole drawing on demand.
 */
import { useReactFlow, useStore } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import type { GraphLayout } from './graph-layout';
import { initialViewport } from './initial-viewport';

export function InitialViewport({ layout, focus }: { layout: GraphLayout; focus: string | undefined }) {
  const { setViewport } = useReactFlow();
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const placed = useRef(false);

  useEffect(() => {
    if (placed.current || !width || !height || layout.width === 0) return;
    placed.current = true;
    void setViewport(initialViewport(width, height, layout, focus));
  }, [width, height, layout, focus, setViewport]);

  return null;
}

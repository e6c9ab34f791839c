/**
 * An edge drawn along the route ELK computed, with its label where ELK placed it. Error handlers
 * are dashed red, compensation dotted purple; edges the run went along are thick and dark, the
 * others thin (and faded when a run is shown).
 */
import { BaseEdge, EdgeLabelRenderer, type EdgeProps } from '@xyflow/react';
import type { RoutedFlowEdge } from './graph-elements';
import { shortLabel } from './graph-layout';
import { EDGE_COLOR } from './node-look';

function pathOf(points: readonly { x: number; y: number }[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'} ${p.x} ${p.y}`).join(' ');
}

export function RoutedEdge({ id, data, sourceX, sourceY, targetX, targetY, markerEnd }: EdgeProps<RoutedFlowEdge>) {
  if (!data) return null;
  const points = data.points.length >= 2 ? data.points : [{ x: sourceX, y: sourceY }, { x: targetX, y: targetY }];
  const kindColor = data.kind === 'error' ? EDGE_COLOR.error : data.kind === 'compensation' ? EDGE_COLOR.compensation : EDGE_COLOR.normal;
  const color = data.taken ? EDGE_COLOR.taken : kindColor;
  const dash = data.kind === 'error' ? '7 5' : data.kind === 'compensation' ? '2 4' : undefined;
  const faded = data.inRun && !data.taken;
  const box = data.labelBox;
  const mid = points[Math.floor(points.length / 2)]!;
  return (
    <>
      <BaseEdge
        id={id}
        path={pathOf(points)}
        markerEnd={markerEnd}
        style={{ stroke: color, strokeWidth: data.taken ? 3 : 1.5, strokeDasharray: dash, opacity: faded ? 0.55 : 1 }}
      />
      {data.label && (
        <EdgeLabelRenderer>
          <div
            className="nodrag nopan"
            title={data.label}
            aria-hidden
            style={{
              position: 'absolute',
              transform: box ? `translate(${box.x}px, ${box.y}px)` : `translate(-50%, -50%) translate(${mid.x}px, ${mid.y}px)`,
              background: '#fff',
              border: `1px solid ${data.taken ? EDGE_COLOR.taken : kindColor}`,
              borderRadius: 4,
              padding: '0 5px',
              fontSize: 11,
              lineHeight: '18px',
              whiteSpace: 'nowrap',
              color: data.kind === 'error' ? EDGE_COLOR.error : data.kind === 'compensation' ? EDGE_COLOR.compensation : '#1f2937',
              fontWeight: data.taken ? 700 : 400,
              pointerEvents: 'all',
            }}
          >
            {shortLabel(data.label)}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

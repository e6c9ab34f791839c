/**
 * The graph's first view (components/graph/initial-viewport.ts): the whole drawing when it fits
 * at a readable zoom (at least 0.5), else a readable zoom centred on where the run is, kept inside
 * the drawing's edges. Checked on made-up layouts and on the real ELK layouts of the shipped
 * workflows (graphs built by the server's own `workflowGraph`), in the run page's graph box
 * (about 1230 × 860 px in a 1280 px window).
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { loadWorkflow } from '@sluice/engine';
import { describe, expect, it } from 'vitest';
import type { WorkflowGraph } from '../src/api/types';
import { layoutGraph, type Box, type GraphLayout } from '../src/components/graph/graph-layout';
import { initialViewport, READABLE_ZOOM, VIEW_PAD, type Viewport } from '../src/components/graph/initial-viewport';
import { workflowGraph } from '../../server/src/portal/workflow-graph.js';

const REPO = resolve(import.meta.dirname, '../../..');
const BOX = { width: 1230, height: 860 };

/** A layout of boxes 200 × 80 stacked in one column, `n` of them, 60 apart. */
function column(n: number): GraphLayout {
  const nodes = new Map<string, Box>();
  for (let i = 0; i < n; i++) nodes.set(`s${i}`, { x: 0, y: i * 140, width: 200, height: 80 });
  return { width: 200, height: n * 140 - 60, nodes, edges: new Map() };
}

/** The part of the drawing the view shows, in drawing units. */
function shown(v: Viewport, box = BOX): { left: number; top: number; right: number; bottom: number } {
  return { left: -v.x / v.zoom, top: -v.y / v.zoom, right: (box.width - v.x) / v.zoom, bottom: (box.height - v.y) / v.zoom };
}

function inView(v: Viewport, b: Box, box = BOX): boolean {
  const s = shown(v, box);
  return b.x >= s.left && b.y >= s.top && b.x + b.width <= s.right && b.y + b.height <= s.bottom;
}

function allInView(v: Viewport, layout: GraphLayout, box = BOX): boolean {
  return inView(v, { x: 0, y: 0, width: layout.width, height: layout.height }, box);
}

async function shippedGraph(folder: string): Promise<WorkflowGraph> {
  const dir = join(REPO, 'workflows', folder);
  const reader = { read: (path: string) => readFile(path, 'utf8').catch(() => undefined) };
  const { value, issues } = await loadWorkflow({ path: join(dir, `${folder}.sw.yaml`), reader });
  if (!value) throw new Error(`${folder} does not load: ${issues.map((i) => i.message).join('; ')}`);
  return workflowGraph(value) as WorkflowGraph;
}

describe('initialViewport on made-up layouts', () => {
  it('fits and centres a drawing that fits at a readable zoom, whatever the focus', () => {
    const layout = column(4);
    const v = initialViewport(BOX.width, BOX.height, layout, 's3');
    expect(v.zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
    expect(allInView(v, layout)).toBe(true);
    expect(v.x).toBeCloseTo((BOX.width - layout.width * v.zoom) / 2);
    expect(v.y).toBeCloseTo((BOX.height - layout.height * v.zoom) / 2);
  });

  it('does not blow a tiny drawing up beyond 1.1', () => {
    expect(initialViewport(BOX.width, BOX.height, column(1)).zoom).toBe(1.1);
  });

  it('fits down to the readable zoom, not below', () => {
    // (860 − 32) / 0.5 = 1656 drawing units tall fits at exactly 0.5.
    const nodes = new Map<string, Box>([['a', { x: 0, y: 0, width: 200, height: 80 }], ['b', { x: 0, y: 1576, width: 200, height: 80 }]]);
    const layout: GraphLayout = { width: 200, height: 1656, nodes, edges: new Map() };
    const v = initialViewport(BOX.width, BOX.height, layout, 'b');
    expect(v.zoom).toBeCloseTo(0.5);
    expect(allInView(v, layout)).toBe(true);
  });

  it('shows a drawing too tall to fit from its top when the focus is the start, at the readable zoom', () => {
    const layout = column(20);
    const v = initialViewport(BOX.width, BOX.height, layout);
    expect(v.zoom).toBe(READABLE_ZOOM);
    expect(v.y).toBe(VIEW_PAD);
    expect(inView(v, layout.nodes.get('s0')!)).toBe(true);
    // Narrower than the box: centred across.
    expect(v.x).toBeCloseTo((BOX.width - layout.width * v.zoom) / 2);
  });

  it('centres a drawing too tall to fit on the focus, kept inside the drawing at the bottom', () => {
    const layout = column(20);
    const middle = initialViewport(BOX.width, BOX.height, layout, 's10');
    const s10 = layout.nodes.get('s10')!;
    expect(middle.y + (s10.y + s10.height / 2) * middle.zoom).toBeCloseTo(BOX.height / 2);
    const last = initialViewport(BOX.width, BOX.height, layout, 's19');
    expect(inView(last, layout.nodes.get('s19')!)).toBe(true);
    expect(last.y + layout.height * last.zoom).toBeCloseTo(BOX.height - VIEW_PAD);
  });

  it('falls back to the first node for a focus the layout does not have', () => {
    const layout = column(20);
    expect(initialViewport(BOX.width, BOX.height, layout, 'gone')).toEqual(initialViewport(BOX.width, BOX.height, layout));
  });
});

describe('initialViewport on the shipped workflows', () => {
  it('shows request-namespace (14 nodes, about 1740 units tall) whole where it fits at 0.5, else centred on the waiting state', async () => {
    const layout = await layoutGraph(await shippedGraph('request-namespace'));
    const tall = { width: BOX.width, height: Math.ceil(layout.height * READABLE_ZOOM + 2 * VIEW_PAD) };
    const whole = initialViewport(tall.width, tall.height, layout, 'AwaitApproval');
    expect(whole.zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
    expect(allInView(whole, layout, tall)).toBe(true);
    const short = { width: BOX.width, height: tall.height - 40 };
    const focused = initialViewport(short.width, short.height, layout, 'AwaitApproval');
    expect(focused.zoom).toBe(READABLE_ZOOM);
    expect(inView(focused, layout.nodes.get('AwaitApproval')!, short)).toBe(true);
  });

  it('shows the seed (about 20 states) whole if it fits at a readable zoom, else from its start; a running state centred', async () => {
    const graph = await shippedGraph('create-ocp-namespace-swt');
    expect(graph.nodes.length).toBeGreaterThanOrEqual(18);
    const layout = await layoutGraph(graph);
    const completed = initialViewport(BOX.width, BOX.height, layout);
    expect(completed.zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
    if (!allInView(completed, layout)) {
      expect(inView(completed, layout.nodes.get('__start')!)).toBe(true);
      expect(inView(completed, layout.nodes.get(graph.start)!)).toBe(true);
    }
    const running = initialViewport(BOX.width, BOX.height, layout, 'GetSoftwareTemplate');
    expect(inView(running, layout.nodes.get('GetSoftwareTemplate')!)).toBe(true);
  });
});

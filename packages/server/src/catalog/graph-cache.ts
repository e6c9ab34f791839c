/**
 * The catalog graph, rebuilt from the entity table when this process changed an entity or when
 * it is older than `ttlMs` (another replica may have changed one). Auth asks for a user's groups on
 * every request, so reading every entity each time is not an option; the cost of the cache is that
 * a change made on another replica reaches this one's group lookups up to `ttlMs` later.
 */
import type { Clock } from '@sluice/engine';
import { CatalogGraph } from './catalog-graph.js';
import type { Entity } from './entity.js';

/** @internal */
export class GraphCache {
  private snapshot: { graph: CatalogGraph; at: number } | undefined;
  private pending: Promise<CatalogGraph> | undefined;
  private generation = 0;

  constructor(
    private readonly o: {
      readonly load: () => Promise<readonly Entity[]>;
      readonly clock: Clock;
      readonly ttlMs: number;
    },
  ) {}

  /** The current graph. */
  async get(): Promise<CatalogGraph> {
    const now = this.o.clock.now();
    const s = this.snapshot;
    if (s && now >= s.at && now - s.at < this.o.ttlMs) return s.graph;
    if (!this.pending) {
      const generation = this.generation;
      const pending = this.o.load().then((entities) => {
        const graph = new CatalogGraph(entities);
        // A change while loading may be missing from what was read: use it, but do not keep it.
        if (generation === this.generation) this.snapshot = { graph, at: now };
        return graph;
      });
      this.pending = pending;
      void pending
        .finally(() => {
          if (this.pending === pending) this.pending = undefined;
        })
        .catch(() => undefined);
    }
    return this.pending;
  }

  /** Forgets the graph (after a write). */
  invalidate(): void {
    this.generation += 1;
    this.snapshot = undefined;
    this.pending = undefined;
  }
}

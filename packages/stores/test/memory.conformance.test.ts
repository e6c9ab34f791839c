// The engine's MemoryInstanceStore, the reference for the port's semantics, against the conformance suite.
import { MemoryInstanceStore } from '@sluice/engine';
import { runStoreConformance } from '../src/conformance/index.js';

runStoreConformance({
  name: 'memory',
  makeStore: async () => ({ store: new MemoryInstanceStore(), close: async () => undefined }),
});

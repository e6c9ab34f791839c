/** The shape of workflow corpus files (see corpus/README.md). */
import type { Json } from '@sluice/engine';
import type { StubAnswer } from './stub-invokers.js';

export interface CorpusStep {
  advance?: string;
  event?: { source?: string; type: string; data?: Json; id?: string; extensions?: Record<string, string> };
  cancel?: boolean;
}

export interface CorpusCase {
  name: string;
  input?: Json;
  startEvent?: { source?: string; type: string; data?: Json; extensions?: Record<string, string> };
  config?: Record<string, string>;
  functions?: Record<string, StubAnswer[]>;
  steps?: CorpusStep[];
  expect: {
    status?: 'completed' | 'faulted' | 'waiting' | 'cancelled';
    states?: string[];
    output?: Json;
    outputContains?: Json;
    error?: Record<string, Json>;
    calls?: Record<string, Json[]>;
    callCount?: Record<string, number>;
    events?: Json[];
    logs?: string[];
    elapsed?: string;
  };
  skip?: string | null;
}

export interface CorpusFile {
  definition?: Json;
  definitionFile?: string;
  subflows?: Json[];
  config?: Record<string, string>;
  cases: CorpusCase[];
}

/** The workflow corpus on the in-memory store (the stores package runs it on SQLite and PostgreSQL). */
import { defineCorpus } from './corpus-suite.js';

defineCorpus({ label: 'memory' });

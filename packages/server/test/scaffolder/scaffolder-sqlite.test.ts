/** The scaffolder task API suite on SQLite. */
import { describe } from 'vitest';
import { scaffolderSuite } from './scaffolder-suite.js';

describe('scaffolder on SQLite', () => scaffolderSuite());

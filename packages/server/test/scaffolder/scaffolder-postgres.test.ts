/** The scaffolder task API suite on PostgreSQL. */
import { describe } from 'vitest';
import { usePgTestDatabase } from '../helpers/pg-test-database.js';
import { scaffolderSuite } from './scaffolder-suite.js';

const pgdb = usePgTestDatabase();

describe('scaffolder on PostgreSQL', () => scaffolderSuite(() => pgdb.url()));

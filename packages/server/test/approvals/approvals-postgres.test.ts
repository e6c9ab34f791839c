// The approvals API on PostgreSQL, a fresh database for this file (see approvals-suite.ts).
import { usePgTestDatabase } from '../helpers/pg-test-database.js';
import { approvalsSuite } from './approvals-suite.js';

const pgdb = usePgTestDatabase();
approvalsSuite(() => pgdb.url());

/** CloudEvents in, on PostgreSQL: a fresh database on the local server, dropped afterwards. */
import { usePgTestDatabase } from '../helpers/pg-test-database.js';
import { defineEventTests } from './events-suite.js';

// Registered before the suite, so the server starts after the database exists and stops before it is dropped.
const db = usePgTestDatabase();
defineEventTests('PostgreSQL', () => db.url());

/** CloudEvents in, on SQLite (the test server's default database). */
import { defineEventTests } from './events-suite.js';

defineEventTests('SQLite', () => undefined);

// The notifications API on SQLite (the embedded default); the same suite runs on PostgreSQL.
import { notificationSuite } from './notification-suite.js';

notificationSuite();

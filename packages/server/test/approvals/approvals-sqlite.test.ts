// The approvals API on SQLite (see approvals-suite.ts).
import { approvalsSuite } from './approvals-suite.js';

approvalsSuite();

/** The workflow folders the journeys load: the shipped ones and the e2e's own (e2e/workflows). */
import { join, resolve } from 'node:path';
import { REPO_DIR } from './portal-build.js';

export const SEED_WORKFLOW = join(REPO_DIR, 'workflows/create-ocp-namespace-swt');
export const REQUEST_NAMESPACE_WORKFLOW = join(REPO_DIR, 'workflows/request-namespace');
export const NAMESPACE_TEMPLATE = join(REPO_DIR, 'templates/namespace');
export const RESERVE_ITEM_WORKFLOW = resolve(import.meta.dirname, '../workflows/reserve-item');
export const SAY_HELLO_WORKFLOW = resolve(import.meta.dirname, '../workflows/say-hello');

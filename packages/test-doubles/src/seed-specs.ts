// Where the seed workflow's published OpenAPI specs live, so the fakes check traffic against the
// very files the workflow's functions reference.
import { fileURLToPath } from 'node:url';

/**
 * Absolute path of `workflows/create-ocp-namespace-swt/specs/` in this repository. Resolved from
 * this module's location (`packages/test-doubles/src` or `dist`, both three levels deep).
 */
export const SEED_SPECS_DIR = fileURLToPath(new URL('../../../workflows/create-ocp-namespace-swt/specs/', import.meta.url));

/** File names of the seed specs the fakes check against. */
export const SEED_SPEC_FILES = {
  gitlab: 'gitlab-openapi.yaml',
  notifications: 'notifications-openapi.yaml',
  scaffolder: 'scaffolder-openapi.yaml',
} as const;

/** The absolute path of one seed spec, optionally under another directory. @internal */
export function seedSpecPath(name: string, dir: string = SEED_SPECS_DIR): string {
  return `${dir.replace(/\/+$/, '')}/${name}`;
}

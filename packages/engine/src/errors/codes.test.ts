/** Every engine error code and definition issue code is documented in docs/errors.md (STYLE §8). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LOAD_ISSUE_CODES } from '../load/load-issue-codes.js';
import { DEFINITION_ISSUE_CODES } from '../validate/semantic-codes.js';
import { ENGINE_ERROR_CODES } from './codes.js';

const doc = readFileSync(new URL('../../../../docs/errors.md', import.meta.url), 'utf8');

describe('docs/errors.md', () => {
  const all = { ...ENGINE_ERROR_CODES, ...DEFINITION_ISSUE_CODES, ...LOAD_ISSUE_CODES };
  for (const code of new Set(Object.values(all))) {
    it(`documents ${code}`, () => {
      expect(doc).toContain(`\`${code}\``);
    });
  }
});

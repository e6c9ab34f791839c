/** The request-namespace run form, filled as dev1 fills it (J2, J3, J5). Returns the new run's id. */
import type { Page } from 'playwright-core';
import { fillRunForm, openRunForm, reviewAndRun } from './run-form.js';

export const REQUEST_NAMESPACE_NAME = 'Request a namespace';

export async function requestNamespace(page: Page, namespace: string, size: 'small' | 'medium' | 'large', reason = 'ML training'): Promise<string> {
  await openRunForm(page, REQUEST_NAMESPACE_NAME);
  await fillRunForm(page, [
    ['Namespace name', namespace],
    ['Requester', 'dev1'],
    ['Git host', 'gitlab.example.com'],
    ['Size', size],
    ['Reason', reason],
    ['Notify', ['user:default/dev1']],
  ]);
  return reviewAndRun(page, [namespace, size]);
}

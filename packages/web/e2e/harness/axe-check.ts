/**
 * Accessibility check with axe-core injected into the page: fails on any 'serious' or 'critical'
 * violation, listing each rule id with its help text and the offending elements.
 */
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeViolation {
  id: string;
  impact?: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/** Runs axe on the whole page (or `include`, a CSS selector); throws listing serious and critical violations. */
export async function expectAccessible(page: Page, label: string, include?: string): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_PATH });
  const violations = await page.evaluate(async (sel) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(sel ? { include: [sel] } : document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact ?? null, help: v.help, helpUrl: v.helpUrl, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  }, include ?? null);
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (bad.length === 0) return;
  const why = (summary?: string): string => (summary ? `: ${summary.replace(/\s*\n\s*/g, ' ').slice(0, 240)}` : '');
  const lines = bad.map((v) => `  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${v.nodes.map((n) => `      at ${n.target.map(String).join(' > ')}${why(n.failureSummary)}`).join('\n')}`);
  throw new Error(`accessibility: ${bad.length} serious or critical violation(s) on ${label}:\n${lines.join('\n')}`);
}

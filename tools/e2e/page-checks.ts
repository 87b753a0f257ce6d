import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core in the page (through the debugging protocol, so the page's CSP stays on) and returns serious/critical violations. */
export async function seriousViolations(page: Page): Promise<string[]> {
  // A dialog that is still fading out is half transparent: check the page once its finite transitions are over.
  await page
    .waitForFunction(
      () => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().endTime === Infinity),
      undefined,
      { timeout: 3000 },
    )
    .catch(() => undefined);
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(axeSource);
  const violations = (await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  })) as AxeViolation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} @ ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
}

/** True if the page is wider than the viewport (a phone would have to scroll sideways). */
export async function overflowsHorizontally(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
}

/** Shared packages the portal provides; each must be fetched once, from the portal, never from a module. */
export const SHARED_CHUNKS: Record<string, RegExp> = {
  vue: /__prebuild__vue__prebuild__-/,
  'vue-router': /__prebuild__vue_mf_2_router__prebuild__-/,
  pinia: /__prebuild__pinia__prebuild__-/,
  '@tanstack/vue-query': /__prebuild___mf_0_tanstack_mf_1_vue_mf_2_query__prebuild__-/,
  '@hyedu/ui': /__loadShare___mf_0_hyedu_mf_1_ui__loadShare__\.js-/,
  '@hyedu/domain': /__loadShare___mf_0_hyedu_mf_1_domain__loadShare__\.js-/,
};

export function countSharedFetches(urls: string[]) {
  return Object.fromEntries(
    Object.entries(SHARED_CHUNKS).map(([name, re]) => {
      const hits = urls.filter((u) => re.test(u));
      return [name, { total: hits.length, fromModules: hits.filter((u) => new URL(u).pathname.startsWith('/mf/')).length }];
    }),
  );
}

import type { Tx } from '../audit.ts';
import { kpiCountyTargets } from '../schema/index.ts';

/**
 * The demo's county targets for 2022 (the 办公室's 县市区目标): a few counties with a staged target of their own, so the
 * dashboard shows both kinds of county row — judged against its own target (局定目标（县市区）) and against the city's
 * (沿用全市目标). Ratios as fractions, counts as whole numbers.
 */
export const DEMO_COUNTY_TARGETS: readonly { kpiId: string; unitCode: string; target: number }[] = [
  // 衡南县 and 耒阳市 carry the longest hazard ledgers: a staged closure target for the year.
  { kpiId: 'safety.hazard-closure', unitCode: '430422', target: 0.9 },
  { kpiId: 'safety.hazard-closure', unitCode: '430481', target: 0.92 },
  // 石鼓区, the old town with most private schools: the 市域 5% cap is met city-wide while the district comes down.
  { kpiId: 'private.compulsory-share', unitCode: '430407', target: 0.08 },
  // 衡南县's training plan was set late in the year: 95% of the planned trainees.
  { kpiId: 'teachers.training-completion', unitCode: '430422', target: 0.95 },
];

export async function seedCountyTargets(tx: Tx, year: number) {
  const setAt = new Date(`${year}-04-20T09:30:00+08:00`);
  await tx.insert(kpiCountyTargets).values(DEMO_COUNTY_TARGETS.map((t) => ({ ...t, year, setBy: 'office', setAt })));
}

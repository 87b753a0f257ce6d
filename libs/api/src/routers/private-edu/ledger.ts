import { inArray } from 'drizzle-orm';
import { tables } from '@hyedu/db';
import { targetFor } from '@hyedu/domain';
import { HENGYANG_KPIS_2022 } from '@hyedu/domain/hengyang';
import { capStatus, leverCensus, projectedCounts, requiredReduction, shareOf, type ShareCounts } from '@hyedu/domain/private-edu';
import type { Context } from '../../context.ts';
import { countyTargets, yearOf } from '../../kpi/targets.ts';
import { listUnits } from '../../queries.ts';
import { censusCounts, censusYears, countingRule, leverForecasts } from './census.ts';

const { privateCountyTargets } = tables;
const ZERO: ShareCounts = { privateStudents: 0, totalStudents: 0 };

/**
 * 调减台账 per county: the end-2020 baseline and the cut it needs to come within the county's cap, each census with the
 * cut achieved since the baseline against the year's target, the levers not yet in the latest census (done and
 * planned) and the share projected after them. The levers come along with their effect, so the page can take planned
 * ones out and see the shares move (the what-if) with the same domain function.
 */
export async function ledger(ctx: Pick<Context, 'db' | 'scope' | 'today' | 'now'>) {
  const { db, scope } = ctx;
  // Independent reads go out together (the pool has connections to spare); the ledger is one of the heavier views.
  const [years, rule, county, units] = await Promise.all([
    censusYears(db),
    countingRule(db),
    countyTargets(db, yearOf(ctx.today), ctx.now),
    listUnits(db, scope),
  ]);
  const baseline = years[0] ?? null;
  const latest = years.at(-1) ?? null;
  const def = HENGYANG_KPIS_2022.find((k) => k.id === 'private.compulsory-share')!;
  if (baseline === null || latest === null) return { years, baseline, latest, rule, cap: def.target, units: [], levers: [] };
  const codes = units.map((u) => u.code);
  const [counted, forecasts, targets] = await Promise.all([
    censusCounts(db, scope, rule),
    leverForecasts(db, scope, latest, rule),
    codes.length === 0
      ? []
      : db
          .select({
            unitCode: privateCountyTargets.unitCode,
            schoolYear: privateCountyTargets.schoolYear,
            targetCut: privateCountyTargets.targetCut,
          })
          .from(privateCountyTargets)
          .where(inArray(privateCountyTargets.unitCode, codes)),
  ]);
  const perYear = new Map(years.map((y) => [y, counted.get(y) ?? new Map<string, ShareCounts>()] as const));
  const pending = (l: (typeof forecasts)[number]) => (leverCensus(l) ?? '') > latest;
  return {
    years,
    baseline,
    latest,
    rule,
    cap: def.target,
    units: units.map((u) => {
      const base = perYear.get(baseline)!.get(u.code) ?? ZERO;
      const now = perYear.get(latest)!.get(u.code) ?? ZERO;
      const cap = targetFor(def, u.code, county).target;
      const own = forecasts.filter((l) => l.unitCode === u.code && pending(l));
      const p = projectedCounts(now, latest, own);
      return {
        code: u.code,
        name: u.name,
        kind: u.kind,
        cap,
        baseline: { ...base, share: shareOf(base) },
        requiredCut: requiredReduction(base, cap),
        censuses: years.map((y) => {
          const c = perYear.get(y)!.get(u.code) ?? ZERO;
          const target = targets.find((t) => t.unitCode === u.code && t.schoolYear === y)?.targetCut ?? null;
          const cut = base.privateStudents - c.privateStudents;
          return {
            year: y,
            ...c,
            share: shareOf(c),
            status: capStatus(shareOf(c), cap),
            cut,
            target,
            metTarget: target === null ? null : cut >= target,
          };
        }),
        done: { count: own.filter((l) => l.status === 'done').length, effect: now.privateStudents - p.done.privateStudents },
        planned: own.filter((l) => l.status === 'planned').length,
        doneShare: p.doneShare,
        projectedShare: p.projectedShare,
        projectedStatus: capStatus(p.projectedShare, cap),
      };
    }),
    levers: forecasts.filter(pending),
  };
}

import { eq } from 'drizzle-orm';
import { tables, type Db } from '@hyedu/db';
import { countyTargetsFrom, type CountyTargets } from '@hyedu/domain';
import { forgetMemo, memo } from './rollup.ts';

const key = (year: number) => `county-targets:${year}`;

/**
 * The county targets of a plan year as the domain's lookup, read at most once a minute per database like the rollups
 * it is judged with, and forgotten at once when one is set or cleared (forgetCountyTargets), so the next dashboard
 * read uses it.
 */
export function countyTargets(db: Db, year: number, now: Date): Promise<CountyTargets> {
  return memo(db, key(year), now, async () => {
    const t = tables.kpiCountyTargets;
    return countyTargetsFrom(await db.select({ kpiId: t.kpiId, unitCode: t.unitCode, target: t.target }).from(t).where(eq(t.year, year)));
  });
}

export const forgetCountyTargets = (db: Db, year: number) => forgetMemo(db, key(year));

/** The plan year a business date falls in (the dashboard judges against that year's targets). */
export const yearOf = (isoDate: string) => Number(isoDate.slice(0, 4));

import { and, eq, like, ne, sql } from 'drizzle-orm';
import type { Tx } from '../audit.ts';
import { privatePreschoolPopulations, schoolCensus, schoolEnrolment, schools } from '../schema/index.ts';
import { CITY_DIRECT_UNIT_CODE } from './schools.ts';

const SEEDER = 'demo-seed';

/**
 * Each county's 学前三年毛入园率 in the demo at the latest census: most counties between 88% and 96%, the two big rural
 * counties below the 85% target, the old city district above 100% (children of families registered elsewhere).
 */
const LATEST_RATE: Readonly<Record<string, number>> = {
  '430405': 1.03,
  '430406': 0.96,
  '430407': 0.93,
  '430408': 0.91,
  '430412': 0.95,
  '430421': 0.81,
  '430422': 0.88,
  '430423': 0.9,
  '430424': 0.89,
  '430426': 0.83,
  '430481': 0.92,
  '430482': 0.9,
  '430472': 0.94,
};
/** The rate rose by about two points a year up to the latest census. */
const YEARLY_RISE = 0.02;
/** 南岳区 entered no population for the oldest census (the page shows 暂无数据 there). */
const MISSING = { unitCode: '430412', yearsBack: 2 };

/**
 * The resident population aged 3–5 each county entered for each census year on record: derived from the census's
 * 在园 children (K1–K3, every ownership) and the county's rate that year, so the demo's rates are plausible. Counties only
 * (局直 kindergartens have no population of their own).
 */
export async function seedPreschoolPopulations(tx: Tx): Promise<number> {
  const children = await tx
    .select({
      unitCode: schools.unitCode,
      schoolYear: schoolCensus.schoolYear,
      n: sql<number>`sum(${schoolEnrolment.students})::int`,
    })
    .from(schoolCensus)
    .innerJoin(schools, eq(schools.id, schoolCensus.schoolId))
    .innerJoin(
      schoolEnrolment,
      and(
        eq(schoolEnrolment.schoolId, schoolCensus.schoolId),
        eq(schoolEnrolment.schoolYear, schoolCensus.schoolYear),
        like(schoolEnrolment.grade, 'K%'),
      ),
    )
    .where(ne(schools.unitCode, CITY_DIRECT_UNIT_CODE))
    .groupBy(schools.unitCode, schoolCensus.schoolYear);
  const years = [...new Set(children.map((c) => c.schoolYear))].sort();
  const rows = children.flatMap((c) => {
    const back = years.length - 1 - years.indexOf(c.schoolYear);
    const rate = (LATEST_RATE[c.unitCode] ?? 0.9) - back * YEARLY_RISE;
    if (c.n <= 0 || (c.unitCode === MISSING.unitCode && back === MISSING.yearsBack)) return [];
    const updatedAt = new Date(`${c.schoolYear.slice(0, 4)}-10-20T09:00:00+08:00`);
    return [{ unitCode: c.unitCode, schoolYear: c.schoolYear, population: Math.round(c.n / rate), updatedBy: SEEDER, updatedAt }];
  });
  if (rows.length) await tx.insert(privatePreschoolPopulations).values(rows);
  return rows.length;
}

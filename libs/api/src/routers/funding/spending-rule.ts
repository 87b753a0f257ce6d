import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { tables, type Db } from '@hyedu/db';
import type { DataScope } from '@hyedu/domain';
import {
  censusYearOf,
  comparedYears,
  fiscalYearLabel,
  perPupil,
  twoNoDecrease,
  type Movement,
  type SpendingStatus,
} from '@hyedu/domain/funding';
import { listUnits } from '../../queries.ts';
import { unitInScope } from './access.ts';

const { fundingSettings, fundingSpendingReturns: r, orgUnits, schools, schoolEnrolment } = tables;

/** A budget unit's name: the city's own budget is 市本级. */
export const budgetUnitName = (u: { kind: string; name: string }) => (u.kind === 'city' ? '市本级' : u.name);

/** The units the rule covers: the settings' list, or every unit of the organisation (12 县市区, 高新区, 市本级). */
export async function checkedUnits(db: Db): Promise<string[]> {
  const [row] = await db.select({ units: fundingSettings.checkedUnits }).from(fundingSettings).where(eq(fundingSettings.id, 1));
  if (row) return row.units;
  return (await db.select({ code: orgUnits.code }).from(orgUnits).orderBy(asc(orgUnits.sortOrder))).map((u) => u.code);
}

/** Pupils per unit and 决算 year from the enrolment base: every stage and ownership of the unit's schools in the census of that autumn. */
export async function censusPupils(db: Db, units: readonly string[], years: readonly number[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (!units.length || !years.length) return out;
  const rows = await db
    .select({
      unitCode: schools.unitCode,
      schoolYear: schoolEnrolment.schoolYear,
      n: sql<number>`sum(${schoolEnrolment.students})::int`,
    })
    .from(schoolEnrolment)
    .innerJoin(schools, eq(schools.id, schoolEnrolment.schoolId))
    .where(and(inArray(schoolEnrolment.schoolYear, years.map(censusYearOf)), inArray(schools.unitCode, [...units])))
    .groupBy(schools.unitCode, schoolEnrolment.schoolYear);
  for (const x of rows) out.set(`${x.unitCode}:${Number(x.schoolYear.slice(0, 4))}`, x.n);
  return out;
}

export interface RuleYear {
  year: number;
  label: { zh: string; en: string };
  returnId: number;
  status: SpendingStatus;
  spending: number;
  pupils: number | null;
  pupilsSource: 'census' | 'reported' | null;
  perPupil: number | null;
  /** Against the year before on record (null for the first year). */
  spendingMove: Movement | null;
  perPupilMove: Movement | null;
}

export interface RuleUnit {
  unitCode: string;
  unitName: string;
  years: RuleYear[];
  /** The plan year's check: the two 决算 years, how each figure moved, and whether it is judged (both returns accepted). */
  check: {
    year: number;
    previous: number;
    spending: Movement | null;
    perPupil: Movement | null;
    met: boolean | null;
    /** judged: both returns accepted; awaiting: a return is not accepted yet; missing: a year has no return. */
    state: 'judged' | 'awaiting' | 'missing';
  };
}

/** The rule for the checked units in `scope` (one unit when `unitCode` is given) as of a plan year, with every year on record. */
export async function ruleView(db: Db, scope: DataScope, planYear: number, unitCode?: string): Promise<RuleUnit[]> {
  const checked = new Set(await checkedUnits(db));
  const units = (await listUnits(db, scope)).filter(
    (u) => checked.has(u.code) && unitInScope(scope, u.code) && (!unitCode || u.code === unitCode),
  );
  if (!units.length) return [];
  const codes = units.map((u) => u.code);
  const returns = await db
    .select({
      id: r.id,
      unitCode: r.unitCode,
      year: r.fiscalYear,
      spending: r.budgetSpending,
      reportedPupils: r.reportedPupils,
      status: r.status,
    })
    .from(r)
    .where(inArray(r.unitCode, codes))
    .orderBy(asc(r.fiscalYear));
  const pupils = await censusPupils(db, codes, [...new Set(returns.map((x) => x.year))]);
  const { year, previous } = comparedYears(planYear);
  return units.map((u) => {
    const years: RuleYear[] = [];
    for (const x of returns.filter((x) => x.unitCode === u.code)) {
      const census = pupils.get(`${u.code}:${x.year}`);
      const p = census ?? x.reportedPupils ?? null;
      const before = years.at(-1);
      const move = before ? twoNoDecrease({ year: x.year, spending: x.spending, pupils: p }, before) : null;
      years.push({
        year: x.year,
        label: { zh: fiscalYearLabel(x.year, 'zh'), en: fiscalYearLabel(x.year, 'en') },
        returnId: x.id,
        status: x.status,
        spending: x.spending,
        pupils: p,
        pupilsSource: census !== undefined ? 'census' : x.reportedPupils ? 'reported' : null,
        perPupil: perPupil({ spending: x.spending, pupils: p }),
        spendingMove: move?.spending ?? null,
        perPupilMove: move?.perPupil ?? null,
      });
    }
    const cur = years.find((y) => y.year === year);
    const prev = years.find((y) => y.year === previous);
    const rule = twoNoDecrease(cur, prev);
    const state = !cur || !prev ? 'missing' : cur.status === 'accepted' && prev.status === 'accepted' ? 'judged' : 'awaiting';
    return {
      unitCode: u.code,
      unitName: budgetUnitName(u),
      years,
      check: {
        year,
        previous,
        spending: rule?.spending ?? null,
        perPupil: rule?.perPupil ?? null,
        met: state === 'judged' ? (rule?.met ?? null) : null,
        state,
      },
    };
  });
}

import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { censusYearOf, comparedYears, twoNoDecrease } from '@hyedu/domain/funding';
import { HENGYANG_ORG_UNITS } from '@hyedu/domain/hengyang';
import type { Database } from '../client.ts';
import { fundingSpendingReturns, schoolEnrolment, schools } from '../schema/index.ts';
import { openTestDatabase } from '../testing.ts';
import { FALLING_UNIT, SEED_FISCAL_YEARS } from './funding-spending.ts';

describe('the demo’s 教育经费决算 returns', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase('pglite');
  }, 120_000);
  afterAll(() => database?.close());

  it('three accepted years for every unit, rising except 祁东县’s 2021, which fails the 2022 check alone', async () => {
    const rows = await database.db.select().from(fundingSpendingReturns);
    expect(rows).toHaveLength(HENGYANG_ORG_UNITS.length * SEED_FISCAL_YEARS.length);
    expect(rows.every((r) => r.status === 'accepted' && r.budgetSpending % 1_000_000 === 0)).toBe(true);
    const census = await database.db
      .select({ unitCode: schools.unitCode, year: schoolEnrolment.schoolYear, n: sql<number>`sum(${schoolEnrolment.students})::int` })
      .from(schoolEnrolment)
      .innerJoin(schools, eq(schools.id, schoolEnrolment.schoolId))
      .where(and(inArray(schoolEnrolment.schoolYear, [censusYearOf(2020), censusYearOf(2021)])))
      .groupBy(schools.unitCode, schoolEnrolment.schoolYear);
    const year = (unit: string, y: number) => {
      const r = rows.find((x) => x.unitCode === unit && x.fiscalYear === y)!;
      const n = census.find((c) => c.unitCode === unit && c.year === censusYearOf(y))?.n ?? r.reportedPupils;
      return { year: y, spending: r.budgetSpending, pupils: n };
    };
    const { year: cur, previous } = comparedYears(2022);
    const failing = HENGYANG_ORG_UNITS.filter((u) => twoNoDecrease(year(u.code, cur), year(u.code, previous))!.met !== true).map(
      (u) => u.code,
    );
    expect(failing).toEqual([FALLING_UNIT]);
    expect(twoNoDecrease(year(FALLING_UNIT, cur), year(FALLING_UNIT, previous))!.spending).toBe('down');
    // 2019 (no census in the base) carries the unit's own pupils; the earlier years rise everywhere.
    for (const u of HENGYANG_ORG_UNITS) {
      expect(rows.find((r) => r.unitCode === u.code && r.fiscalYear === 2019)!.reportedPupils).toBeGreaterThan(0);
      expect(twoNoDecrease(year(u.code, 2020), year(u.code, 2019))!.met).toBe(true);
    }
  });
});

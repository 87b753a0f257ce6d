import { and, eq, inArray, sql } from 'drizzle-orm';
import { censusYearOf, comparePerPupil, type SpendingStage } from '@hyedu/domain/funding';
import { HENGYANG_ORG_UNITS } from '@hyedu/domain/hengyang';
import type { Tx } from '../audit.ts';
import { fundingSpendingReturns, schoolEnrolment, schools } from '../schema/index.ts';

const SEEDER = 'demo-seed';
/** The 决算 years on record: 2019 has no census in the base (its pupils are the unit's own), 2020 and 2021 have. */
export const SEED_FISCAL_YEARS = [2019, 2020, 2021] as const;
/** 祁东县: the one unit whose 2021 spending fell below 2020 (the 2022 check fails there). */
export const FALLING_UNIT = '430426';
const WAN = 1_000_000; // 1 万元 in fen
const at = (date: string) => new Date(`${date}T09:00:00+08:00`);
/** Shares of the total by stage (the rest — administration, 教育费附加 items — belongs to no stage). */
const STAGE_SHARE: Record<SpendingStage, number> = { K: 0.08, P: 0.35, J: 0.25, S: 0.15, V: 0.07, X: 0.01 };

/**
 * 教育经费决算 returns of every budget unit (the 12 县市区, 高新区, 市本级) for 2019–2021, all accepted: spending per pupil
 * between about 12,000 and 16,000 yuan in 2020 (a county's total some 10–30 亿元 at full scale), rising each year in
 * total and per pupil, except 祁东县's 2021 total, 4% below its 2020. Amounts are whole 万元. Deterministic.
 */
export async function seedFundingSpending(tx: Tx): Promise<number> {
  const years = SEED_FISCAL_YEARS.slice(1).map(censusYearOf);
  const rows = await tx
    .select({ unitCode: schools.unitCode, schoolYear: schoolEnrolment.schoolYear, n: sql<number>`sum(${schoolEnrolment.students})::int` })
    .from(schoolEnrolment)
    .innerJoin(schools, eq(schools.id, schoolEnrolment.schoolId))
    .where(and(inArray(schoolEnrolment.schoolYear, years)))
    .groupBy(schools.unitCode, schoolEnrolment.schoolYear);
  const pupils = (unit: string, year: number) => rows.find((r) => r.unitCode === unit && r.schoolYear === censusYearOf(year))?.n || 20_000;
  const values: (typeof fundingSpendingReturns.$inferInsert)[] = [];
  HENGYANG_ORG_UNITS.forEach((u, i) => {
    const p20 = pupils(u.code, 2020);
    const p21 = pupils(u.code, 2021);
    const p19 = Math.round(p20 * 0.985);
    const pp20 = 12_000 + ((i * 613) % 4_000); // yuan per pupil
    const s20 = Math.round((pp20 * p20 * 100) / WAN) * WAN;
    const s19 = Math.round(s20 / 1.06 / WAN) * WAN;
    let s21: number;
    if (u.code === FALLING_UNIT) s21 = Math.floor((s20 * 0.96) / WAN) * WAN;
    else {
      s21 = Math.ceil(Math.max(pp20 * (1.03 + (i % 5) * 0.01) * p21 * 100, s20 * 1.02) / WAN) * WAN;
      while (comparePerPupil({ year: 2021, spending: s21, pupils: p21 }, { year: 2020, spending: s20, pupils: p20 })! <= 0) s21 += WAN;
    }
    const amounts: Record<number, number> = { 2019: s19, 2020: s20, 2021: s21 };
    for (const year of SEED_FISCAL_YEARS) {
      const total = amounts[year]!;
      values.push({
        unitCode: u.code,
        fiscalYear: year,
        budgetSpending: total,
        byStage: Object.fromEntries(Object.entries(STAGE_SHARE).map(([s, share]) => [s, Math.floor((total * share) / WAN) * WAN])),
        reportedPupils: year === 2019 ? p19 : null,
        note: u.code === FALLING_UNIT && year === 2021 ? '本年度一次性基建支出减少（演示）' : null,
        status: 'accepted',
        createdBy: SEEDER,
        createdAt: at(`${year + 1}-05-20`),
        submittedBy: SEEDER,
        submittedAt: at(`${year + 1}-05-28`),
        reviewedBy: SEEDER,
        reviewedAt: at(`${year + 1}-06-15`),
      });
    }
  });
  await tx.insert(fundingSpendingReturns).values(values);
  return values.length;
}

import { and, asc, eq, inArray, isNull, lte, ne } from 'drizzle-orm';
import {
  DEFAULT_EXCHANGE_TERM,
  DEFAULT_EXCHANGE_YEARS,
  EXCHANGE_LEVELS,
  exchangeDirection,
  exchangeStatusOn,
  isSendingSchool,
  joinedBy,
  schoolYearStart,
  type ExchangePlanStatus,
  type SchoolDesignation,
} from '@hyedu/domain/teachers';
import type { Tx } from '../audit.ts';
import {
  orgUnits,
  schools,
  teacherExchangeDesignations,
  teacherExchangePlans,
  teacherExchangeRecords,
  teacherStaff,
} from '../schema/index.ts';
import { createRng } from './prng.ts';

const SEEDER = 'demo-seed';
const at = (date: string) => new Date(`${date}T10:00:00+08:00`);
/** The county the browser test makes its 2022-2023 plan in (the demo leaves it without one). */
export const EXCHANGE_DEMO_COUNTY = '430422';
/** Counties below the 10% (index in the county order, per school year) and below the 20% 骨干, so the KPIs go red somewhere. */
const LOW_RATE = new Set([2, 7]);
const LOW_BACKBONE = new Set([4, 9]);

interface Story {
  schoolYear: string;
  state: (i: number) => ExchangePlanStatus;
  submitted: string;
  decided: string;
}
const YEARS: Story[] = [
  { schoolYear: '2021-2022', state: () => 'approved', submitted: '2021-08-10', decided: '2021-08-25' },
  {
    // On 2022-11-30: most approved, two awaiting the city, one returned, one still drafting.
    schoolYear: '2022-2023',
    state: (i) => (i === 3 ? 'submitted' : i === 8 ? 'submitted' : i === 5 ? 'returned' : i === 10 ? 'draft' : 'approved'),
    submitted: '2022-08-12',
    decided: '2022-08-28',
  },
];

/**
 * 县管校聘 demo: each county designates some schools 优质 (a quarter of its 城镇 public 义务教育 schools) and 薄弱 (a fifth of
 * its rural ones, a seventh of its 城镇 ones — half of them in a 城区 without rural schools) for 2021-2022 and 2022-2023, and has a plan for each year — except
 * 衡南县 for 2022-2023, which the browser test makes. With the staff registry loaded, each plan lists eligible teachers
 * of its sending schools (`eligibilityRefusal`, `DEFAULT_EXCHANGE_YEARS`), about 11–14% of them (two counties 6–8%),
 * 22–35% 骨干 (two counties 10–15%), to rural or 薄弱 schools; a teacher exchanged in 2021-2022 (3-year term) is not
 * picked again. Deterministic.
 */
export async function seedTeacherExchange(tx: Tx, opts: { staffRegistry: boolean; today: string }) {
  const rng = createRng(20221919);
  const counties = await tx
    .select({ code: orgUnits.code })
    .from(orgUnits)
    .where(ne(orgUnits.kind, 'city'))
    .orderBy(asc(orgUnits.sortOrder));
  const list = await tx
    .select({ id: schools.id, unitCode: schools.unitCode, isRural: schools.isRural })
    .from(schools)
    .where(and(eq(schools.ownership, 'public'), inArray(schools.level, [...EXCHANGE_LEVELS])))
    .orderBy(asc(schools.code));
  const designationOf = new Map<number, SchoolDesignation>();
  for (const county of counties) {
    const own = list.filter((s) => s.unitCode === county.code);
    const hasRural = own.some((s) => s.isRural);
    own
      .filter((s) => !s.isRural)
      .forEach((s, k) => {
        if (k % 4 === 0) designationOf.set(s.id, 'quality');
        // A 城区 without rural schools exchanges 优质 → 薄弱 only: it designates some of its 城镇 schools 薄弱.
        else if (hasRural ? k % 7 === 2 : k % 2 === 1) designationOf.set(s.id, 'weak');
      });
    own.filter((s) => s.isRural).forEach((s, k) => k % 5 === 2 && designationOf.set(s.id, 'weak'));
  }
  const designations = YEARS.flatMap((y) =>
    [...designationOf].map(([schoolId, designation]) => ({
      schoolId,
      schoolYear: y.schoolYear,
      unitCode: list.find((s) => s.id === schoolId)!.unitCode,
      designation,
      updatedBy: SEEDER,
      updatedAt: at(`${y.schoolYear.slice(0, 4)}-07-01`),
    })),
  );
  for (let i = 0; i < designations.length; i += 2000) await tx.insert(teacherExchangeDesignations).values(designations.slice(i, i + 2000));

  const bySchool = new Map(list.map((s) => [s.id, { ...s, designation: designationOf.get(s.id) ?? null }]));
  const away = new Set<number>();
  let plans = 0;
  let records = 0;
  for (const y of YEARS) {
    for (const [i, county] of counties.entries()) {
      if (y.schoolYear === '2022-2023' && county.code === EXCHANGE_DEMO_COUNTY) continue;
      const state = y.state(i);
      const sending = list.filter((s) => s.unitCode === county.code && isSendingSchool(bySchool.get(s.id)!));
      const receiving = list.filter((s) => s.unitCode === county.code);
      const eligible = opts.staffRegistry
        ? (
            await tx
              .select({ id: teacherStaff.id, name: teacherStaff.name, schoolId: teacherStaff.schoolId })
              .from(teacherStaff)
              .where(
                and(
                  eq(teacherStaff.unitCode, county.code),
                  isNull(teacherStaff.leftOn),
                  eq(teacherStaff.status, 'tenured'),
                  eq(teacherStaff.post, 'teacher'),
                  lte(teacherStaff.joinedOn, joinedBy(y.schoolYear, DEFAULT_EXCHANGE_YEARS)),
                  inArray(
                    teacherStaff.schoolId,
                    sending.map((s) => s.id),
                  ),
                ),
              )
              .orderBy(asc(teacherStaff.id))
          ).filter((p) => !away.has(p.id))
        : [];
      const share = LOW_RATE.has(i) ? rng.float(0.06, 0.08) : rng.float(0.11, 0.14);
      const backboneShare = LOW_BACKBONE.has(i) ? rng.float(0.1, 0.15) : rng.float(0.22, 0.35);
      // The schools each sending school may send to (城→乡 or 优质→薄弱); a 城区 without rural schools sends its 优质 schools' teachers only.
      const targetsOf = new Map(
        sending.map((f) => [f.id, receiving.filter((s) => exchangeDirection(bySchool.get(f.id)!, bySchool.get(s.id)!) !== null)]),
      );
      const pool = eligible.filter((p) => targetsOf.get(p.schoolId)!.length > 0);
      const planned = Math.min(pool.length, Math.round(eligible.length * share));
      const listed = state === 'draft' ? Math.floor(planned / 2) : planned;
      const submitted = state === 'draft' ? null : y.submitted;
      const decided = state === 'approved' || state === 'returned' ? y.decided : null;
      const [plan] = await tx
        .insert(teacherExchangePlans)
        .values({
          unitCode: county.code,
          schoolYear: y.schoolYear,
          plannedCount: planned,
          status: state,
          returnReason: state === 'returned' ? '骨干教师比例不足20%，请调整人选' : null,
          createdBy: SEEDER,
          createdAt: at(`${y.schoolYear.slice(0, 4)}-07-15`),
          updatedBy: SEEDER,
          updatedAt: at(decided ?? submitted ?? `${y.schoolYear.slice(0, 4)}-07-15`),
          submittedBy: submitted ? SEEDER : null,
          submittedAt: submitted ? at(submitted) : null,
          decidedBy: decided ? 'teachers' : null,
          decidedAt: decided ? at(decided) : null,
        })
        .returning({ id: teacherExchangePlans.id });
      plans += 1;
      // 骨干: the share of those listed, at least one where the county meets the 20%.
      const backbones = LOW_BACKBONE.has(i) ? Math.floor(listed * backboneShare) : Math.max(1, Math.round(listed * backboneShare));
      // Every k-th eligible teacher, spread over the sending schools.
      const step = listed ? pool.length / listed : 0;
      const rows: (typeof teacherExchangeRecords.$inferInsert)[] = [];
      for (let k = 0; k < listed; k++) {
        const p = pool[Math.floor(k * step)]!;
        const from = bySchool.get(p.schoolId)!;
        const targets = targetsOf.get(p.schoolId)!;
        const to = bySchool.get(targets[rng.int(0, targets.length - 1)]!.id)!;
        const startOn = schoolYearStart(y.schoolYear);
        away.add(p.id);
        rows.push({
          planId: plan!.id,
          unitCode: county.code,
          schoolYear: y.schoolYear,
          staffId: p.id,
          name: p.name,
          schoolId: p.schoolId,
          toSchoolId: to.id,
          direction: exchangeDirection(from, to)!,
          backbone: k < backbones,
          startOn,
          termYears: DEFAULT_EXCHANGE_TERM,
          status: state === 'approved' ? exchangeStatusOn(startOn, DEFAULT_EXCHANGE_TERM, opts.today) : 'planned',
          createdBy: SEEDER,
          createdAt: at(`${y.schoolYear.slice(0, 4)}-07-20`),
        });
      }
      for (let c = 0; c < rows.length; c += 2000) await tx.insert(teacherExchangeRecords).values(rows.slice(c, c + 2000));
      records += rows.length;
    }
  }
  return { plans, records, designations: designations.length };
}

import { count } from 'drizzle-orm';
import { beijingDate } from '@hyedu/domain';
import {
  HENGYANG_DEPARTMENTS,
  HENGYANG_MODULES,
  HENGYANG_ORG_UNITS,
  HENGYANG_PLAN_2022,
  HENGYANG_TASKS_2022,
} from '@hyedu/domain/hengyang';
import type { Db } from '../client.ts';
import { insertDepartments, insertPlanTasks } from '../plan.ts';
import {
  modules,
  orgUnits,
  schoolEnrolment,
  schools,
  schoolStaffing,
  workPlanItems,
  workPlans,
  workPlanSections,
} from '../schema/index.ts';
import { seedDemoAccounts } from './accounts.ts';
import { seedCountyTargets } from './kpi-targets.ts';
import { seedPlanProgress } from './plan-progress.ts';
import { seedSafety, type SafetyVolumes } from './safety.ts';
import { generateSchoolRegistry } from './schools.ts';

/** School year of the registry figures (学年初统计, autumn 2021 → the 2022 plan year). */
export const SEED_SCHOOL_YEAR = '2021-2022';

export interface SeedOptions {
  seed?: number;
  /** Fraction of the registry to generate (tests use a small one). */
  scale?: number;
  /** Field-encryption key: the demo administrators' second-factor secret is stored encrypted with it. */
  dataKey: Buffer;
  /** The Beijing date (YYYY-MM-DD) dated module records lead up to (default: today); with seed and scale it fixes the data. */
  today?: string;
}

export interface SeedReport {
  seeded: boolean;
  orgUnits: number;
  schools: number;
  enrolmentRows: number;
  students: number;
  accounts: number;
  /** Rows of the safety module's demo data (null when nothing was seeded). */
  safety: SafetyVolumes | null;
}

async function insertChunked<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/**
 * Loads the demo data once: organisation, module registry, the 2022 work plan and a synthetic
 * school registry. Does nothing if the organisation is already there. One transaction: all or nothing.
 */
export async function seedDemoData(db: Db, opts: SeedOptions): Promise<SeedReport> {
  const [existing] = await db.select({ n: count() }).from(orgUnits);
  if ((existing?.n ?? 0) > 0) {
    const [s] = await db.select({ n: count() }).from(schools);
    return { seeded: false, orgUnits: existing?.n ?? 0, schools: s?.n ?? 0, enrolmentRows: 0, students: 0, accounts: 0, safety: null };
  }
  const registry = generateSchoolRegistry({ seed: opts.seed ?? 20220414, scale: opts.scale ?? 1 });
  let enrolmentRows = 0;
  let students = 0;
  let demoAccounts = 0;
  let safety: SafetyVolumes | null = null;
  const today = opts.today ?? beijingDate(new Date());
  await db.transaction(async (tx) => {
    await tx.insert(orgUnits).values(HENGYANG_ORG_UNITS.map((u) => ({ ...u })));
    await tx.insert(modules).values(HENGYANG_MODULES.map((m) => ({ ...m })));
    const plan = HENGYANG_PLAN_2022;
    await tx.insert(workPlans).values({
      year: plan.year,
      title: plan.title,
      issuer: plan.issuer,
      issuedOn: plan.issuedOn,
      recipients: plan.recipients,
      preamble: plan.preamble,
      closing: plan.closing,
    });
    await tx.insert(workPlanSections).values(plan.sections.map((s) => ({ year: plan.year, no: s.no, numeral: s.numeral, title: s.title })));
    await tx
      .insert(workPlanItems)
      .values(
        plan.sections.flatMap((s) =>
          s.items.map((i) => ({ year: plan.year, no: i.no, sectionNo: s.no, title: i.title, body: i.text, modules: [...i.modules] })),
        ),
      );
    await insertDepartments(tx, HENGYANG_DEPARTMENTS);
    const counties = HENGYANG_ORG_UNITS.filter((u) => u.kind !== 'city');
    await insertPlanTasks(
      tx,
      plan.year,
      HENGYANG_TASKS_2022,
      counties.map((u) => u.code),
    );
    await seedCountyTargets(tx, plan.year);
    await seedPlanProgress(tx, plan.year, plan.issuedOn, HENGYANG_ORG_UNITS.find((u) => u.kind === 'city')!.code, today);
    const ids: number[] = [];
    await insertChunked(registry, 500, async (chunk) => {
      const rows = await tx
        .insert(schools)
        .values(
          chunk.map(({ code, name, unitCode, town, level, ownership, isBoarding, isRural, runsBuses }) => ({
            code,
            name,
            unitCode,
            town,
            level,
            ownership,
            isBoarding,
            isRural,
            runsBuses,
          })),
        )
        .returning({ id: schools.id });
      ids.push(...rows.map((r) => r.id));
    });
    const enrolment = registry.flatMap((s, i) =>
      Object.entries(s.enrolment).map(([grade, n]) => ({ schoolId: ids[i]!, schoolYear: SEED_SCHOOL_YEAR, grade, students: n ?? 0 })),
    );
    enrolmentRows = enrolment.length;
    students = enrolment.reduce((a, r) => a + r.students, 0);
    await insertChunked(enrolment, 2000, (chunk) => tx.insert(schoolEnrolment).values(chunk));
    await insertChunked(
      registry.map((s, i) => ({ schoolId: ids[i]!, schoolYear: SEED_SCHOOL_YEAR, ...s.staffing })),
      2000,
      (chunk) => tx.insert(schoolStaffing).values(chunk),
    );
    safety = await seedSafety(tx, {
      schools: registry.map((s, i) => ({
        id: ids[i]!,
        code: s.code,
        unitCode: s.unitCode,
        level: s.level,
        ownership: s.ownership,
        isBoarding: s.isBoarding,
        isRural: s.isRural,
        students: Object.values(s.enrolment).reduce((a: number, n) => a + (n ?? 0), 0),
        staff: s.staffing.teachers + s.staffing.contractTeachers,
      })),
      today,
      seed: opts.seed ?? 20220414,
      scale: opts.scale ?? 1,
    });
    demoAccounts = await seedDemoAccounts(tx, opts.dataKey);
  });
  return {
    seeded: true,
    orgUnits: HENGYANG_ORG_UNITS.length,
    schools: registry.length,
    enrolmentRows,
    students,
    accounts: demoAccounts,
    safety,
  };
}

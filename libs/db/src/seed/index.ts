import { count, sql } from 'drizzle-orm';
import { beijingDate } from '@hyedu/domain';
import {
  HENGYANG_DEPARTMENTS,
  HENGYANG_MODULES,
  HENGYANG_ORG_UNITS,
  HENGYANG_PLAN_2022,
  HENGYANG_TASKS_2022,
} from '@hyedu/domain/hengyang';
import { rebuildAppraisalCounts } from '../appraisal-counts.ts';
import type { Db } from '../client.ts';
import { refreshItStanding } from '../it-standing.ts';
import { insertDepartments, insertPlanTasks } from '../plan.ts';
import {
  modules,
  orgUnits,
  safetyProfiles,
  schoolEnrolment,
  schools,
  schoolStaffing,
  workPlanItems,
  workPlans,
  workPlanSections,
} from '../schema/index.ts';
import { recountTraining } from '../training-counts.ts';
import { demoPrimarySchool, demoPrivateSchool, seedDemoAccounts } from './accounts.ts';
// 学生资助
import { seedFundingAidControl } from './funding-aid-control.ts';
import { seedFundingAid } from './funding-aid.ts';
// 控辍保学与随迁子女
import { seedFundingDropout } from './funding-dropout.ts';
import { seedNamedProjects } from './funding-named.ts';
import { seedFundingProjects } from './funding-projects.ts';
import { seedFundingSpending } from './funding-spending.ts';
import { seedCountyTargets } from './kpi-targets.ts';
import { seedPlanProgress } from './plan-progress.ts';
import { seedPrivateEdu, type PrivateVolumes } from './private-edu.ts';
// 校外培训执法案件
import { seedPrivateEnforcement } from './private-enforcement.ts';
import { seedKindergartenFees } from './private-fees.ts';
import { seedPrivateFiveItems } from './private-five-items.ts';
import { seedPrivateInspections } from './private-inspections.ts';
import { seedPrivateLicences } from './private-licences.ts';
import { seedPreschoolPopulations } from './private-preschool.ts';
import { seedPrivatePuhui } from './private-puhui.ts';
import { generatePrivateStory } from './private-story.ts';
import { seedPrivateTraining } from './private-training.ts';
import { seedSafety, type SafetyVolumes } from './safety.ts';
import { generateSchoolRegistry } from './schools.ts';
// 年度考核与教师资格定期注册
import { seedTeacherAppraisal } from './teacher-appraisal.ts';
// 县管校聘交流轮岗
import { seedTeacherExchange } from './teacher-exchange.ts';
// 教师工资保障
import { seedTeacherPay } from './teacher-pay.ts';
// 教师补充计划
import { seedTeacherProgrammes } from './teacher-programmes.ts';
// 教师培训与信息技术应用能力提升工程2.0
import { seedRegistrationHours } from './teacher-registration-hours.ts';
// 支教与表彰
import { seedTeacherSupport } from './teacher-support.ts';
import { seedTeacherTraining } from './teacher-training.ts';
import { generateStaffRegistry, seedTeachers, staffingFromRegistry, type TeacherVolumes } from './teachers.ts';

/** School year of the registry figures (学年初统计, autumn 2021 → the 2022 plan year). */
export const SEED_SCHOOL_YEAR = '2021-2022';

export interface SeedOptions {
  seed?: number;
  /** Fraction of the registry to generate (tests use a small one). */
  scale?: number;
  /** Field-encryption key: the demo administrators' second-factor secret and the demo ID numbers are stored encrypted with it. */
  dataKey: Buffer;
  /** Blind-index key: demo people are found by the index of their ID number. */
  indexKey: Buffer;
  /** The Beijing date (YYYY-MM-DD) dated module records lead up to (default: today); with seed and scale it fixes the data. */
  today?: string;
  /**
   * Whether to load the teachers module's staff registry (default true; ~97,000 people at scale 1, ~28,000 at 0.1).
   * Without it the year's staffing figures are the story's own; the integration tests leave it out unless they need it.
   */
  staffRegistry?: boolean;
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
  /** Rows of the private-education module's demo data (null when nothing was seeded). */
  privateEdu: PrivateVolumes | null;
  /** Rows of the teachers module's demo registry (null when nothing was seeded). */
  teachers: TeacherVolumes | null;
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
    return {
      seeded: false,
      orgUnits: existing?.n ?? 0,
      schools: s?.n ?? 0,
      enrolmentRows: 0,
      students: 0,
      accounts: 0,
      safety: null,
      privateEdu: null,
      teachers: null,
    };
  }
  const registry = generateSchoolRegistry({ seed: opts.seed ?? 20220414, scale: opts.scale ?? 1 });
  let enrolmentRows = 0;
  let students = 0;
  let demoAccounts = 0;
  let safety: SafetyVolumes | null = null;
  let privateEdu: PrivateVolumes | null = null;
  let teachers: TeacherVolumes | null = null;
  const today = opts.today ?? beijingDate(new Date());
  const story = generatePrivateStory(registry, { seed: opts.seed ?? 20220414, today });
  const enrolmentOf = (i: number) => story.censuses.find((c) => c.year === SEED_SCHOOL_YEAR)!.enrolment[i]!;
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
    const schoolRows = registry.map(({ code, name, unitCode, town, level, isBoarding, isRural, runsBuses }, i) => ({
      code,
      name,
      unitCode,
      town,
      level,
      ownership: story.ownership[i]!,
      isBoarding,
      isRural,
      runsBuses,
    }));
    await insertChunked(schoolRows, 500, async (chunk) => {
      const rows = await tx.insert(schools).values(chunk).returning({ id: schools.id });
      ids.push(...rows.map((r) => r.id));
    });
    await seedNamedProjects(tx);
    const enrolment = story.censuses.flatMap((c) =>
      c.enrolment.flatMap((e, i) =>
        Object.entries(e).map(([grade, n]) => ({ schoolId: ids[i]!, schoolYear: c.year, grade, students: n ?? 0 })),
      ),
    );
    enrolmentRows = enrolment.length;
    students = enrolment.filter((r) => r.schoolYear === SEED_SCHOOL_YEAR).reduce((a, r) => a + r.students, 0);
    await insertChunked(enrolment, 2000, (chunk) => tx.insert(schoolEnrolment).values(chunk));
    safety = await seedSafety(tx, {
      schools: registry.map((s, i) => ({
        id: ids[i]!,
        code: s.code,
        unitCode: s.unitCode,
        level: s.level,
        ownership: story.ownership[i]!,
        isBoarding: s.isBoarding,
        isRural: s.isRural,
        students: Object.values(enrolmentOf(i)).reduce((a: number, n) => a + (n ?? 0), 0),
        staff: story.inQuotaTeachers[i]! + s.staffing.contractTeachers,
      })),
      today,
      seed: opts.seed ?? 20220414,
      scale: opts.scale ?? 1,
    });
    // The staff registry: its people match the story's staffing figures; the guards are those of each school's latest
    // safety return. The year's staffing figures are then written from the registry's in-post counts.
    const staffSchools = registry.map((s, i) => ({
      unitCode: s.unitCode,
      level: s.level,
      ownership: story.ownership[i]!,
      isRural: s.isRural,
      isBoarding: s.isBoarding,
      inQuota: story.inQuotaTeachers[i]!,
      contractTeachers: s.staffing.contractTeachers,
      guards: 0,
    }));
    let counted = staffSchools.map((s) => ({ teachers: s.inQuota, contractTeachers: s.contractTeachers }));
    if (opts.staffRegistry ?? true) {
      // The staff registry: its people match the story's staffing figures; the guards are those of each school's
      // latest safety return. The year's staffing figures are then written from the registry's in-post counts.
      const guardRows = await tx
        .select({ schoolId: safetyProfiles.schoolId, term: safetyProfiles.term, guards: safetyProfiles.fulltimeGuards })
        .from(safetyProfiles);
      const guardsOf = new Map<number, { term: string; guards: number }>();
      for (const r of guardRows) if ((guardsOf.get(r.schoolId)?.term ?? '') < r.term) guardsOf.set(r.schoolId, r);
      staffSchools.forEach((s, i) => (s.guards = guardsOf.get(ids[i]!)?.guards ?? 0));
      const staffSeed = generateStaffRegistry(staffSchools, { seed: opts.seed ?? 20220414, today });
      teachers = await seedTeachers(tx, {
        seed: staffSeed,
        schools: staffSchools.map((s, i) => ({ id: ids[i]!, unitCode: s.unitCode, ownership: s.ownership })),
        keys: { dataKey: opts.dataKey, indexKey: opts.indexKey },
      });
      counted = staffingFromRegistry(staffSeed, registry.length);
      // 教师培训与信息技术应用能力提升工程2.0: records need the registry's staff.
      await seedTeacherTraining(tx, { seed: opts.seed ?? 20220414, today, demoSchool: await demoPrimarySchool(tx) });
      await refreshItStanding(tx);
      // 年度考核与教师资格定期注册
      await seedTeacherAppraisal(tx, { today, demoSchoolId: await demoPrimarySchool(tx) });
      await rebuildAppraisalCounts(tx);
      // 定期注册 counts the 继续教育 hours on record: those due have theirs (after the registrations).
      await seedRegistrationHours(tx, { today });
      await recountTraining(tx);
      // 支教与表彰
      await seedTeacherSupport(tx, { seed: opts.seed ?? 20220414 });
    }
    await insertChunked(
      registry.map((s, i) => ({ schoolId: ids[i]!, schoolYear: SEED_SCHOOL_YEAR, quota: s.staffing.quota, ...counted[i]! })),
      2000,
      (chunk) => tx.insert(schoolStaffing).values(chunk),
    );
    privateEdu = await seedPrivateEdu(tx, { registry, ids, story, keys: { dataKey: opts.dataKey, indexKey: opts.indexKey } });
    privateEdu.inspections = await seedPrivateInspections(tx, await demoPrivateSchool(tx));
    privateEdu.licences = await seedPrivateLicences(tx, await demoPrivateSchool(tx));
    privateEdu.puhui = await seedPrivatePuhui(tx);
    privateEdu.preschoolPopulations = await seedPreschoolPopulations(tx);
    privateEdu.kindergartenFees = await seedKindergartenFees(tx);
    await seedFundingSpending(tx);
    await seedFundingProjects(tx, { today, seed: opts.seed ?? 20220414 });
    // 校外培训执法案件
    await seedPrivateEnforcement(tx, { seed: opts.seed ?? 20220414, scale: opts.scale ?? 1 });
    // 五项管理
    // The demo primary school (account `xiaoxue`) has not filed its autumn return yet: its 待办 reminds it.
    privateEdu.fiveItems = await seedPrivateFiveItems(tx, { unfiled: await demoPrimarySchool(tx) });
    // 县管校聘交流轮岗: designations and plans; records only with the staff registry.
    await seedTeacherExchange(tx, { staffRegistry: opts.staffRegistry ?? true, today });
    // 教师工资保障
    await seedTeacherPay(tx);
    demoAccounts = await seedDemoAccounts(tx, opts.dataKey);
    // 校外培训机构
    await seedPrivateTraining(tx, { seed: opts.seed ?? 20220414, scale: opts.scale ?? 1 });
    // 学生资助: the listed children, their 学籍 records, the aid roll and the matching runs
    await seedFundingAid(tx, {
      seed: opts.seed ?? 20220414,
      today,
      keys: { dataKey: opts.dataKey, indexKey: opts.indexKey },
      demoSchool: await demoPrimarySchool(tx),
    });
    // 学生资助: funds per semester (预算, 下达) consistent with the aid roll, and spot checks
    await seedFundingAidControl(tx, { seed: opts.seed ?? 20220414, today, demoSchool: await demoPrimarySchool(tx) });
    // 教师补充计划 (after the registry: 特岗 arrivals take the identity of 特岗 teachers in post when it is loaded)
    await seedTeacherProgrammes(tx, { seed: opts.seed ?? 20220414, today, keys: { dataKey: opts.dataKey, indexKey: opts.indexKey } });
    // 控辍保学与随迁子女 (the demo primary school, account `xiaoxue`, keeps a 劝返中 case and misses a monthly return)
    await seedFundingDropout(tx, {
      seed: opts.seed ?? 20220414,
      today,
      keys: { dataKey: opts.dataKey, indexKey: opts.indexKey },
      demoSchool: await demoPrimarySchool(tx),
    });
  });
  // A bulk load leaves the planner without statistics until autovacuum comes round (a minute or more): the first
  // aggregates over enrolment and census then sort tens of thousands of rows the planner thought were a few hundred.
  // Outside the transaction; vacuum also sets the registry's visibility map, so its counts read the index alone.
  // The registry is rewritten first: the IT 2.0 rollup updated most of its rows after the load (a dead copy of each and
  // a second entry in every index), which would double what its scans and index-only counts read.
  if (teachers) await db.execute(sql`vacuum full teacher_staff`);
  if (teachers) await db.execute(sql`vacuum teacher_staff, teacher_entries, teacher_appraisals, teacher_registrations`);
  // 学生资助: the aid roll's counts per semester read the indexes alone once the visibility map is set.
  await db.execute(sql`vacuum funding_aid_listed, funding_aid_students, funding_aid_payments, funding_aid_matches, funding_aid_follow_ups`);
  await db.execute(sql`analyze`);
  return {
    seeded: true,
    orgUnits: HENGYANG_ORG_UNITS.length,
    schools: registry.length,
    enrolmentRows,
    students,
    accounts: demoAccounts,
    safety,
    privateEdu,
    teachers,
  };
}

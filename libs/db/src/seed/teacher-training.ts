import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { TrainingTier } from '@hyedu/domain/teachers';
import type { Tx } from '../audit.ts';
import { orgUnits, teacherStaff, teacherTrainingProjects, teacherTrainingRecords } from '../schema/index.ts';
import { bulkInsert, withBulkLoad } from './bulk.ts';
import { createRng, type Rng } from './prng.ts';

const SEEDER = 'demo-seed';
const at = (date: string) => new Date(`${date}T10:00:00+08:00`);
const YEARS = [2020, 2021, 2022] as const;

/**
 * The share of teachers short of the IT 2.0 hours per county (about 8% overall, varying by county; 局直 schools lowest):
 * by the county's position in the list, deterministic.
 */
const SHORT_SHARES = [0.04, 0.06, 0.07, 0.08, 0.09, 0.1, 0.12, 0.13, 0.05, 0.08, 0.11, 0.07, 0.09, 0.06];

interface ProjectSeed {
  key: string;
  tier: TrainingTier;
  name: string;
  code: string | null;
  year: number;
  organiser: string;
  plannedHours: number;
  itCapability: boolean;
  unitCode: string;
}

export interface TrainingVolumes {
  projects: number;
  records: number;
  /** 专任教师 in post short of the IT 2.0 hours on the day. */
  short: number;
}

/** A day of the project's year before `today` (months 3–11; a 2022 project's records up to the business date). */
function dayIn(rng: Rng, year: number, today: string): string {
  for (;;) {
    const d = `${year}-${String(rng.int(3, 11)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
    if (d <= today) return d;
  }
}

/**
 * Training projects of 2020–2022 of every tier and the 专任教师's records (`staffRegistry` only: records need staff):
 * each teacher's IT 2.0 hours are 25 of 网络研修 (a 国培 IT 2.0 project) and 25 of 校本实践 (their county's 县培 IT 2.0
 * project) — except a share per county (about 8%) short of the 50 hours: only the 网络研修, or a 2022 校本实践 not yet
 * completed. About 40% also have a record of another project (国培/省培/市培/县培 or their school's 校本). The first
 * teacher of `demoSchool` (the `xiaoxue` account's) is short. Deterministic from the seed.
 */
export async function seedTeacherTraining(tx: Tx, opts: { seed: number; today: string; demoSchool: number }): Promise<TrainingVolumes> {
  const rng = createRng(opts.seed ^ 0x7a11);
  const units = await tx
    .select({ code: orgUnits.code, name: orgUnits.name, kind: orgUnits.kind })
    .from(orgUnits)
    .orderBy(asc(orgUnits.sortOrder));
  const city = units.find((u) => u.kind === 'city')!;
  const counties = units.filter((u) => u.kind !== 'city');
  const staff = await tx
    .select({ id: teacherStaff.id, idIndex: teacherStaff.idIndex, schoolId: teacherStaff.schoolId, unitCode: teacherStaff.unitCode })
    .from(teacherStaff)
    .where(and(isNull(teacherStaff.leftOn), eq(teacherStaff.post, 'teacher')))
    .orderBy(asc(teacherStaff.id));
  if (!staff.length) return { projects: 0, records: 0, short: 0 };

  const projects: ProjectSeed[] = [];
  const add = (p: Omit<ProjectSeed, 'code'>, code: string | null = null) => projects.push({ ...p, code });
  for (const year of YEARS) {
    add(
      {
        key: `net-${year}`,
        tier: 'national',
        year,
        name: `国培计划（${year}）信息技术应用能力提升工程2.0网络研修`,
        organiser: '衡阳市教育局',
        plannedHours: 25,
        itCapability: true,
        unitCode: city.code,
      },
      `GP${year}-IT2`,
    );
    add(
      {
        key: `rural-${year}`,
        tier: 'national',
        year,
        name: `国培计划（${year}）乡村骨干教师能力提升培训`,
        organiser: '湖南第一师范学院',
        plannedHours: 60,
        itCapability: false,
        unitCode: city.code,
      },
      `GP${year}-XC`,
    );
    add(
      {
        key: `prov-${year}`,
        tier: 'provincial',
        year,
        name: `湖南省${year}年中小学学科骨干教师培训`,
        organiser: '湖南省中小学教师发展中心',
        plannedHours: 48,
        itCapability: false,
        unitCode: city.code,
      },
      `SP${year}-GG`,
    );
    add(
      {
        key: `city-${year}`,
        tier: 'municipal',
        year,
        name: `衡阳市${year}年中小学班主任能力提升培训`,
        organiser: '衡阳市教育局教师工作科',
        plannedHours: 24,
        itCapability: false,
        unitCode: city.code,
      },
      `HY${year}-BZR`,
    );
    // 县培 of each county; the 局直 schools' equivalents are the city's (市培).
    for (const c of [city, ...counties]) {
      const tier = c === city ? ('municipal' as const) : ('county' as const);
      const who = c === city ? '衡阳市局直学校' : c.name;
      if (year > 2020)
        add({
          key: `practice-${year}-${c.code}`,
          tier,
          year,
          name: `${who}${year}年信息技术应用能力提升工程2.0校本研修`,
          organiser: c === city ? '衡阳市教育科学研究所' : `${c.name}教师发展中心`,
          plannedHours: 25,
          itCapability: true,
          unitCode: c.code,
        });
      add({
        key: `new-${year}-${c.code}`,
        tier,
        year,
        name: `${who}${year}年新入职教师岗前培训`,
        organiser: c === city ? '衡阳市教育局' : `${c.name}教育局`,
        plannedHours: 40,
        itCapability: false,
        unitCode: c.code,
      });
    }
  }
  const inserted = await tx
    .insert(teacherTrainingProjects)
    .values(projects.map(({ key: _, ...p }) => ({ ...p, createdBy: SEEDER, createdAt: at(`${p.year}-02-20`) })))
    .returning({ id: teacherTrainingProjects.id });
  const idOf = new Map(projects.map((p, i) => [p.key, inserted[i]!.id]));
  const hoursOf = new Map(projects.map((p) => [p.key, p.plannedHours]));
  // 校本 projects of the demo school (2022), entered by the school.
  const [school] = await tx
    .insert(teacherTrainingProjects)
    .values({
      tier: 'school',
      name: '2022年信息技术与学科教学融合校本研修',
      year: 2022,
      organiser: '本校教科室',
      plannedHours: 12,
      itCapability: false,
      unitCode: staff.find((s) => s.schoolId === opts.demoSchool)?.unitCode ?? '430422',
      schoolId: opts.demoSchool,
      createdBy: SEEDER,
      createdAt: at('2022-03-01'),
    })
    .returning({ id: teacherTrainingProjects.id });

  const shareOf = new Map(counties.map((c, i) => [c.code, SHORT_SHARES[i % SHORT_SHARES.length]!]));
  shareOf.set(city.code, 0.03);
  const records: (typeof teacherTrainingRecords.$inferInsert)[] = [];
  const participants = new Map<string, number>();
  const record = (s: (typeof staff)[number], key: string, hours: number, completed: boolean, recordedOn: string) => {
    participants.set(key, (participants.get(key) ?? 0) + 1);
    records.push({
      projectId: idOf.get(key) ?? school!.id,
      staffId: s.id,
      idIndex: s.idIndex,
      schoolId: s.schoolId,
      unitCode: s.unitCode,
      hours,
      completed,
      recordedOn,
      createdBy: SEEDER,
      createdAt: at(recordedOn),
    });
  };
  let short = 0;
  let demoShort = false;
  for (const s of staff) {
    const county = s.unitCode;
    const forced = s.schoolId === opts.demoSchool && !demoShort;
    const isShort = forced || rng.chance(shareOf.get(s.unitCode) ?? 0.08);
    if (forced) demoShort = true;
    const netYear = forced ? 2021 : rng.pick(YEARS);
    record(s, `net-${netYear}`, 25, true, dayIn(rng, netYear, opts.today));
    if (isShort) {
      short++;
      // Either no 校本实践 yet, or this year's not completed (part of its hours).
      if (!forced && rng.chance(0.4)) record(s, `practice-2022-${county}`, rng.int(5, 20), false, dayIn(rng, 2022, opts.today));
    } else {
      const year = rng.pick([2021, 2022] as const);
      record(s, `practice-${year}-${county}`, 25, true, dayIn(rng, year, opts.today));
    }
    if (rng.chance(0.4)) {
      const year = rng.pick(YEARS);
      const key =
        s.schoolId === opts.demoSchool
          ? 'school'
          : rng.weighted<string>([
              [`rural-${year}`, 2],
              [`prov-${year}`, 2],
              [`city-${year}`, 3],
              [`new-${year}-${county}`, 3],
            ]);
      const full = key === 'school' ? 12 : hoursOf.get(key)!;
      const done = year < 2022 || key === 'school' ? rng.chance(0.97) : rng.chance(0.9);
      record(s, key, done ? full : rng.int(0, full - 1), done, dayIn(rng, key === 'school' ? 2022 : year, opts.today));
    }
  }
  await withBulkLoad(tx, [teacherTrainingRecords], () => bulkInsert(tx, teacherTrainingRecords, records));
  // The city's projects plan their participants as enrolled.
  for (const p of projects)
    if (p.unitCode === city.code && participants.has(p.key))
      await tx
        .update(teacherTrainingProjects)
        .set({ plannedParticipants: participants.get(p.key)! })
        .where(eq(teacherTrainingProjects.id, idOf.get(p.key)!));
  await tx.execute(sql`analyze teacher_training_records, teacher_training_projects`);
  return { projects: projects.length + 1, records: records.length, short };
}

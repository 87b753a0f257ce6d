import { and, asc, eq, inArray, isNull, notExists, sql } from 'drizzle-orm';
import { NOMINATION_WORKFLOW, type NominationStatus, type SupportStage } from '@hyedu/domain/teachers';
import type { Tx } from '../audit.ts';
import {
  orgUnits,
  schools,
  teacherBlacklist,
  teacherEntries,
  teacherEthicsCases,
  teacherHonourRounds,
  teacherNominations,
  teacherStaff,
  teacherSupportDispatches,
  teacherSupportNeeds,
} from '../schema/index.ts';
import { createRng } from './prng.ts';

const SEEDER = 'demo-seed';
const at = (date: string) => new Date(`${date}T10:00:00+08:00`);
const SUBJECTS = ['数学', '英语', '音乐', '美术', '体育', '信息技术', '科学', '语文'] as const;
const STAGE_OF: Record<string, SupportStage> = { primary: 'primary', junior: 'junior', nine_year: 'primary' };
const NEED_PERIOD = { startsOn: '2022-09-01', endsOn: '2023-07-10' };
const QUERIED_ON = '2022-08-20';
/** Needs per county (rural public compulsory schools, by code). */
const NEEDS_PER_COUNTY = 8;
/** The states of a unit's nominations in order; its last nomination is withdrawn, so one place stays free. */
const NOMINATION_STATES: readonly NominationStatus[] = ['approved', 'refused', 'nominated', 'approved', 'nominated'];
const DEEDS = [
  '扎根乡村教育二十余年，所带班级学业水平连年位居全县前列，关爱留守儿童，深受学生和家长爱戴。',
  '积极参与教学改革，主持县级课题两项，指导青年教师成长，课堂教学经验在全县推广。',
  '长期担任班主任，班级管理细致有方，组织开展劳动教育和课后服务，学生全面发展。',
  '主动申请到薄弱学校支教，帮扶学校教学质量明显提升，被评为县级骨干教师。',
];

/**
 * 支教 and 表彰 demo data, once the staff registry is loaded: for the 2022-2023 school year, needs of rural public
 * compulsory schools in every county (most partly filled by teachers in post at the county's town schools, some
 * filled, some still waiting), each dispatch with its admitted entry through the gate; and a 2022 市级优秀教师 round
 * with quotas for every county and nominations in every state. Teachers with any ethics case or 黑名单 entry are left
 * out. Deterministic.
 */
export async function seedTeacherSupport(
  tx: Tx,
  opts: { seed: number },
): Promise<{ needs: number; dispatches: number; nominations: number }> {
  const rng = createRng(opts.seed + 18);
  const counties = await tx.select({ code: orgUnits.code, kind: orgUnits.kind }).from(orgUnits).orderBy(asc(orgUnits.sortOrder));
  // Teachers in post with a clean record (no ethics case, no 黑名单 entry), by county: the people the demo sends and puts up.
  const clean = and(
    isNull(teacherStaff.leftOn),
    eq(teacherStaff.post, 'teacher'),
    notExists(
      tx
        .select({ one: sql`1` })
        .from(teacherEthicsCases)
        .where(eq(teacherEthicsCases.idIndex, teacherStaff.idIndex)),
    ),
    notExists(
      tx
        .select({ one: sql`1` })
        .from(teacherBlacklist)
        .where(eq(teacherBlacklist.idIndex, teacherStaff.idIndex)),
    ),
  );
  let needs = 0;
  let dispatches = 0;
  let nominations = 0;
  const quotas: Record<string, number> = {};
  const nominees: { staff: typeof teacherStaff.$inferSelect; i: number; last: boolean }[] = [];

  for (const unit of counties) {
    const rural = await tx
      .select({ id: schools.id, level: schools.level })
      .from(schools)
      .where(
        and(
          eq(schools.unitCode, unit.code),
          eq(schools.ownership, 'public'),
          eq(schools.isRural, true),
          inArray(schools.level, ['primary', 'junior', 'nine_year']),
        ),
      )
      .orderBy(asc(schools.code))
      .limit(NEEDS_PER_COUNTY);
    // Senders: teachers in post at the county's town (non-rural) public compulsory schools.
    const senders = await tx
      .select({ staff: teacherStaff })
      .from(teacherStaff)
      .innerJoin(schools, eq(schools.id, teacherStaff.schoolId))
      .where(
        and(
          clean,
          eq(teacherStaff.unitCode, unit.code),
          eq(schools.isRural, false),
          eq(schools.ownership, 'public'),
          inArray(schools.level, ['primary', 'junior', 'nine_year', 'complete_middle']),
        ),
      )
      .orderBy(asc(teacherStaff.id))
      .limit(60);
    let next = 0;
    for (const [i, s] of rural.entries()) {
      const needed = rng.int(2, 4);
      const subject = SUBJECTS[(i + needs) % SUBJECTS.length]!;
      // Most partly filled; one in four filled; one in five still waiting.
      const sent = i % 5 === 2 ? 0 : i % 4 === 1 ? needed : Math.max(needed - 1, 1);
      const [need] = await tx
        .insert(teacherSupportNeeds)
        .values({
          schoolId: s.id,
          unitCode: unit.code,
          schoolYear: '2022-2023',
          subject,
          schoolStage: STAGE_OF[s.level] ?? 'primary',
          needed,
          ...NEED_PERIOD,
          createdBy: SEEDER,
          createdAt: at('2022-07-05'),
          updatedBy: SEEDER,
          updatedAt: at('2022-07-05'),
          version: 1 + Math.min(sent, senders.length - next),
        })
        .returning({ id: teacherSupportNeeds.id });
      needs++;
      for (let k = 0; k < sent && next < senders.length; k++) {
        const { staff } = senders[next++]!;
        const [entry] = await tx
          .insert(teacherEntries)
          .values({
            kind: 'support',
            idIndex: staff.idIndex,
            staffId: staff.id,
            fromSchoolId: staff.schoolId,
            schoolId: s.id,
            unitCode: unit.code,
            entersOn: NEED_PERIOD.startsOn,
            queriedOn: QUERIED_ON,
            queryResult: 'clear',
            createdBy: SEEDER,
            createdAt: at('2022-08-25'),
          })
          .returning({ id: teacherEntries.id });
        await tx.insert(teacherSupportDispatches).values({
          needId: need!.id,
          staffId: staff.id,
          fromSchoolId: staff.schoolId,
          fromUnitCode: staff.unitCode,
          schoolId: s.id,
          unitCode: unit.code,
          idIndex: staff.idIndex,
          ...NEED_PERIOD,
          entryId: entry!.id,
          createdBy: SEEDER,
          createdAt: at('2022-08-25'),
        });
        dispatches++;
      }
    }
    // The round's quota for the unit, and its nominees: teachers who were not sent.
    const quota = unit.kind === 'city' ? 2 : rng.int(3, 6);
    quotas[unit.code] = quota;
    const put = senders.slice(next, next + Math.min(quota, NOMINATION_STATES.length + 1));
    put.forEach(({ staff }, i) => nominees.push({ staff, i, last: i === put.length - 1 }));
  }

  if (!nominees.length) return { needs, dispatches, nominations };
  const [round] = await tx
    .insert(teacherHonourRounds)
    .values({ name: '优秀教师', year: 2022, level: 'city', quotas, createdBy: 'teachers', createdAt: at('2022-08-10') })
    .returning({ id: teacherHonourRounds.id });
  for (const { staff, i, last } of nominees) {
    // Within the quota, one place left: the unit's last nomination was withdrawn.
    const status = last ? 'withdrawn' : NOMINATION_STATES[i]!;
    const [entry] = await tx
      .insert(teacherEntries)
      .values({
        kind: 'nomination',
        idIndex: staff.idIndex,
        staffId: staff.id,
        schoolId: staff.schoolId,
        unitCode: staff.unitCode,
        entersOn: '2022-09-05',
        createdBy: SEEDER,
        createdAt: at('2022-09-05'),
      })
      .returning({ id: teacherEntries.id });
    const decided = status === 'approved' || status === 'refused';
    await tx.insert(teacherNominations).values({
      roundId: round!.id,
      staffId: staff.id,
      schoolId: staff.schoolId,
      unitCode: staff.unitCode,
      idIndex: staff.idIndex,
      name: staff.name,
      deeds: DEEDS[(i + nominations) % DEEDS.length]!,
      status,
      reason: status === 'refused' ? '事迹材料不够具体，请补充近三年的教学业绩' : status === 'withdrawn' ? '县市区调整推荐人选' : null,
      entryId: entry!.id,
      createdBy: SEEDER,
      createdAt: at('2022-09-05'),
      decidedBy: decided ? 'teachers' : null,
      decidedAt: decided ? at('2022-09-20') : null,
      version: status === NOMINATION_WORKFLOW.initial ? 1 : 2,
    });
    nominations++;
  }
  return { needs, dispatches, nominations };
}

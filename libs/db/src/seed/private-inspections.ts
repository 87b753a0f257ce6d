import { asc, eq } from 'drizzle-orm';
import { approvingAuthority, enrolmentStoppedYear, type InspectionStatus } from '@hyedu/domain/private-edu';
import type { Tx } from '../audit.ts';
import { orgUnits, privateInspectionOpinions, privateInspections, schools } from '../schema/index.ts';

const SEEDER = 'demo-seed';
const YEAR = 2022;
const at = (date: string) => new Date(`${date}T09:00:00+08:00`);
/** The 科室 the demo's 联审 asks: 机关党委, 安全稳定科, 计划财务科. */
export const DEMO_OPINION_DEPARTMENTS = ['party', 'safety', 'planning'] as const;

/** The states the demo's inspections are left in, by position (every fifth private school has one). */
const STORY: readonly { status: InspectionStatus; grade?: string }[] = [
  { status: 'published', grade: 'excellent' },
  { status: 'published', grade: 'good' },
  { status: 'published', grade: 'pass' },
  { status: 'published', grade: 'fail' },
  { status: 'concluded', grade: 'pass' },
  { status: 'rechecking' },
  { status: 'rectifying' },
  { status: 'joint_review' },
  { status: 'preliminary' },
  { status: 'materials' },
];
const REACHED: readonly InspectionStatus[] = [
  'materials',
  'preliminary',
  'joint_review',
  'rectifying',
  'rechecking',
  'concluded',
  'published',
];
const past = (status: InspectionStatus, step: InspectionStatus) => REACHED.indexOf(status) >= REACHED.indexOf(step);

/**
 * 2022 年检 for every fifth private school (by code), in every state of the workflow; one school fails (its 2023
 * enrolment stopped), and the inspections at 联审 await 安全稳定科's opinion (the `safety` account's 待办).
 * The `minban` account's school is left out, so its own inspection can be opened in the demo.
 */
export async function seedPrivateInspections(tx: Tx, skipSchoolId: number): Promise<number> {
  const [city] = await tx.select({ code: orgUnits.code }).from(orgUnits).where(eq(orgUnits.kind, 'city'));
  const all = await tx
    .select({ id: schools.id, unitCode: schools.unitCode, level: schools.level })
    .from(schools)
    .where(eq(schools.ownership, 'private'))
    .orderBy(asc(schools.code));
  const picked = all.filter((s, i) => i % 5 === 0 && s.id !== skipSchoolId);
  let failed = false;
  let n = 0;
  for (const [k, s] of picked.entries()) {
    const story = STORY[k % STORY.length]!;
    // One failing grade in the demo; the other schools at that position pass.
    const grade = story.grade === 'fail' && failed ? 'pass' : story.grade;
    if (grade === 'fail') failed = true;
    const { status } = story;
    // Through 整改 (a notice, a deadline, the school's report) or straight from 联审 to the conclusion.
    const rectified = status === 'rectifying' || status === 'rechecking' || (past(status, 'concluded') && k % 2 === 0);
    const [row] = await tx
      .insert(privateInspections)
      .values({
        schoolId: s.id,
        unitCode: s.unitCode,
        year: YEAR,
        authority: approvingAuthority(s.level, s.unitCode === city?.code),
        status,
        materials: past(status, 'preliminary') ? '年检自查报告：办学许可、章程、招生、收费、师资与安全管理情况（演示）。' : null,
        siteVisit: past(status, 'joint_review') ? '已实地查看校舍、食堂与消防设施，台账基本齐全（演示）。' : null,
        notice: rectified ? '消防通道堆放杂物，食堂留样记录不全，限期整改（演示）。' : null,
        rectifyBy: rectified ? '2022-06-30' : null,
        report: rectified && status !== 'rectifying' ? '已清理消防通道，补齐食堂留样记录（演示）。' : null,
        grade: grade ?? null,
        conclusion: grade ? '经复审，作出年检结论（演示）。' : null,
        enrolmentStoppedYear: grade ? enrolmentStoppedYear(grade, YEAR) : null,
        publishedOn: status === 'published' ? '2022-07-15' : null,
        createdBy: SEEDER,
        createdAt: at('2022-03-01'),
        submittedBy: past(status, 'preliminary') ? SEEDER : null,
        submittedAt: past(status, 'preliminary') ? at('2022-04-10') : null,
      })
      .returning({ id: privateInspections.id });
    if (past(status, 'joint_review'))
      await tx.insert(privateInspectionOpinions).values(
        DEMO_OPINION_DEPARTMENTS.map((dept) => {
          const pending = status === 'joint_review' && dept === 'safety';
          return {
            inspectionId: row!.id,
            dept,
            verdict: pending ? null : dept === 'safety' && k % 2 === 0 ? ('concerns' as const) : ('agree' as const),
            comment: pending ? null : dept === 'safety' && k % 2 === 0 ? '消防通道需清理（演示）' : '同意（演示）',
            answeredBy: pending ? null : SEEDER,
            answeredAt: pending ? null : at('2022-05-10'),
          };
        }),
      );
    n++;
  }
  return n;
}

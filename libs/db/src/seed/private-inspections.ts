import { asc, eq } from 'drizzle-orm';
import { approvingAuthority, enrolmentStoppedYear, type InspectionStatus } from '@hyedu/domain/private-edu';
import type { Tx } from '../audit.ts';
import { orgUnits, privateInspectionOpinions, privateInspections, schools } from '../schema/index.ts';

const SEEDER = 'demo-seed';
const YEAR = 2022;
const at = (date: string) => new Date(`${date}T09:00:00+08:00`);
/** The 科室 the demo's 联审 asks: 机关党委, 安全稳定科, 计划财务科. */
export const DEMO_OPINION_DEPARTMENTS = ['party', 'safety', 'planning'] as const;

/**
 * Where a school's 2022 年检 stands by the demo's date (2022-11-30), by its position among the private schools: most
 * were concluded and published in July; of every 40, one has not been opened, one has not submitted its materials, and
 * one each is in 初审, 联审, 整改, 复审 and concluded but not yet published.
 */
function storyOf(k: number): { status: InspectionStatus; grade?: string } | null {
  switch (k % 40) {
    case 39:
      return null;
    case 38:
      return { status: 'materials' };
    case 37:
      return { status: 'preliminary' };
    case 36:
      return { status: 'joint_review' };
    case 35:
      return { status: 'rectifying' };
    case 34:
      return { status: 'rechecking' };
    case 33:
      return { status: 'concluded', grade: 'pass' };
    default:
      // One failing grade in the demo (the fourth school); the others excellent, good or pass.
      return { status: 'published', grade: k === 3 ? 'fail' : (['excellent', 'good', 'pass', 'pass'] as const)[k % 4] };
  }
}
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
const CHUNK = 200;

/**
 * The 2022 年检 of the private schools (see storyOf): one school fails (its 2023 enrolment stopped), and the inspections
 * at 联审 await 安全稳定科's opinion (the `safety` account's 待办). The `minban` account's school is left out, so its own
 * inspection can be opened in the demo.
 */
export async function seedPrivateInspections(tx: Tx, skipSchoolId: number): Promise<number> {
  const [city] = await tx.select({ code: orgUnits.code }).from(orgUnits).where(eq(orgUnits.kind, 'city'));
  const all = await tx
    .select({ id: schools.id, unitCode: schools.unitCode, level: schools.level })
    .from(schools)
    .where(eq(schools.ownership, 'private'))
    .orderBy(asc(schools.code));
  const picked = all
    .filter((s) => s.id !== skipSchoolId)
    .map((s, k) => ({ s, k, story: storyOf(k) }))
    .filter((p) => p.story !== null);
  let n = 0;
  for (let from = 0; from < picked.length; from += CHUNK) {
    const chunk = picked.slice(from, from + CHUNK);
    const values = chunk.map(({ s, k, story }) => {
      const { status, grade } = story!;
      // Through 整改 (a notice, a deadline, the school's report) or straight from 联审 to the conclusion.
      const rectified = status === 'rectifying' || status === 'rechecking' || (past(status, 'concluded') && k % 3 === 0);
      return {
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
      };
    });
    const ids = await tx
      .insert(privateInspections)
      .values(values)
      .returning({ id: privateInspections.id, schoolId: privateInspections.schoolId });
    const idOf = new Map(ids.map((r) => [r.schoolId, r.id]));
    const opinions = chunk
      .filter(({ story }) => past(story!.status, 'joint_review'))
      .flatMap(({ s, k, story }) =>
        DEMO_OPINION_DEPARTMENTS.map((dept) => {
          const pending = story!.status === 'joint_review' && dept === 'safety';
          const concerns = dept === 'safety' && k % 3 === 0;
          return {
            inspectionId: idOf.get(s.id)!,
            dept,
            verdict: pending ? null : concerns ? ('concerns' as const) : ('agree' as const),
            comment: pending ? null : concerns ? '消防通道需清理（演示）' : '同意（演示）',
            answeredBy: pending ? null : SEEDER,
            answeredAt: pending ? null : at('2022-05-10'),
          };
        }),
      );
    if (opinions.length) await tx.insert(privateInspectionOpinions).values(opinions);
    n += chunk.length;
  }
  return n;
}

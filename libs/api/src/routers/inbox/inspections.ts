import { and, asc, count, desc, eq, exists, inArray, isNull, not, sql } from 'drizzle-orm';
import { tables } from '@hyedu/db';
import { INSPECTION_OPINION_WORKFLOW, INSPECTION_WORKFLOW } from '@hyedu/domain/private-edu';
import { actorLevel, recordScope } from '../../record-scope.ts';
import { awaitedSteps, awaitingSql } from './rules.ts';
import type { Asker, InboxGroup } from './sources.ts';

const { privateInspections: pi, privateInspectionOpinions: po, schools } = tables;

/** An asked 科室 has not answered yet. */
const opinionPending = exists(sql`(select 1 from ${po} where ${po.inspectionId} = ${pi.id} and ${po.verdict} is null)`);
const overdue = (today: string) => sql<boolean>`coalesce(${pi.status} = 'rectifying' and ${pi.rectifyBy} < ${today}, false)`;

/**
 * 年检 awaiting the caller: a school its materials and its 整改报告, the approving authority (county or city, by the
 * school's level) its reviews — 联审 only once every asked 科室 has answered; overdue rectifications first.
 */
export async function inspections(a: Asker, limit: number): Promise<InboxGroup | null> {
  const level = actorLevel(a.scope);
  const awaiting = awaitingSql(INSPECTION_WORKFLOW, level, { state: pi.status, submittedBy: pi.submittedBy }, a.username);
  if (!awaiting) return null;
  const where = and(
    awaiting,
    recordScope(a.scope, pi),
    level === 'school' ? undefined : eq(pi.authority, level),
    not(and(eq(pi.status, 'joint_review'), opinionPending)!),
  );
  const late = overdue(a.today);
  const [n, rows] = await Promise.all([
    a.db.select({ n: count() }).from(pi).where(where),
    limit === 0
      ? []
      : a.db
          .select({ id: pi.id, school: schools.name, year: pi.year, status: pi.status, rectifyBy: pi.rectifyBy, overdue: late })
          .from(pi)
          .innerJoin(schools, eq(schools.id, pi.schoolId))
          .where(where)
          .orderBy(desc(late), sql`${pi.rectifyBy} asc nulls last`, asc(pi.id))
          .limit(limit),
  ]);
  return {
    kind: 'inspection',
    total: Number(n[0]?.n ?? 0),
    items: rows.map((r) => ({
      kind: 'inspection' as const,
      id: r.id,
      subject: r.school,
      detail: `${r.year}年度年检`,
      state: r.status,
      steps: awaitedSteps(INSPECTION_WORKFLOW, level, r.status),
      due: r.status === 'rectifying' ? r.rectifyBy : null,
      overdue: r.overdue,
      link: { name: 'private-edu:inspection', params: { id: String(r.id) } },
    })),
  };
}

/** 联审 opinions the caller's 科室 owes, on inspections at 联审; they open the portal's opinion page (no module grant needed). */
export async function inspectionOpinions(a: Asker, limit: number): Promise<InboxGroup | null> {
  if (!a.departments.length) return null;
  const where = and(inArray(po.dept, [...a.departments]), isNull(po.verdict), eq(pi.status, 'joint_review'));
  const [n, rows] = await Promise.all([
    a.db.select({ n: count() }).from(po).innerJoin(pi, eq(pi.id, po.inspectionId)).where(where),
    limit === 0
      ? []
      : a.db
          .select({ id: pi.id, school: schools.name, year: pi.year })
          .from(po)
          .innerJoin(pi, eq(pi.id, po.inspectionId))
          .innerJoin(schools, eq(schools.id, pi.schoolId))
          .where(where)
          .orderBy(asc(pi.id))
          .limit(limit),
  ]);
  return {
    kind: 'inspectionOpinion',
    total: Number(n[0]?.n ?? 0),
    items: rows.map((r) => ({
      kind: 'inspectionOpinion' as const,
      id: r.id,
      subject: r.school,
      detail: `${r.year}年度年检`,
      state: 'pending',
      steps: awaitedSteps(INSPECTION_OPINION_WORKFLOW, 'city', 'pending'),
      due: null,
      overdue: false,
      link: { name: 'inbox-opinion', params: { id: String(r.id) } },
    })),
  };
}

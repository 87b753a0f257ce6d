import { and, asc, count, eq } from 'drizzle-orm';
import { tables } from '@hyedu/db';
import { AID_STAGE_LABELS, semesterOf, AID_FOLLOW_UP_WORKFLOW as wf } from '@hyedu/domain/funding';
import { actorLevel, recordScope } from '../../record-scope.ts';
import { awaitedSteps, awaitingSql } from './rules.ts';
import type { Asker, InboxGroup, InboxItem } from './sources.ts';

const { fundingAidFollowUps: f, schools } = tables;

/**
 * 应助未助 of the current semester awaiting the caller's aid role: a school's 认定 of its students, a county's payment
 * (or 退回/核销) of those recognised. The city has no turn (it follows the counties on the lists). Oldest first.
 */
export async function aidFollowUps(a: Asker, limit: number): Promise<InboxGroup | null> {
  const level = actorLevel(a.scope);
  const awaiting = awaitingSql(wf, level, { state: f.status }, a.username);
  if (!awaiting) return null;
  const where = and(eq(f.semester, semesterOf(a.today)), awaiting, recordScope(a.scope, f));
  const [n, rows] = await Promise.all([
    a.db.select({ n: count() }).from(f).where(where),
    limit === 0
      ? []
      : a.db
          .select({ id: f.id, school: schools.name, name: f.name, stage: f.stage, grade: f.grade, status: f.status, openedOn: f.openedOn })
          .from(f)
          .innerJoin(schools, eq(schools.id, f.schoolId))
          .where(where)
          .orderBy(asc(f.openedOn), asc(f.id))
          .limit(limit),
  ]);
  const items: InboxItem[] = rows.map((x) => ({
    kind: 'aidFollowUp',
    id: x.id,
    subject: x.school,
    detail: `${x.name} · ${AID_STAGE_LABELS[x.stage].zh}${x.grade}年级 · ${x.openedOn}列入应助未助`,
    state: x.status,
    steps: awaitedSteps(wf, level, x.status),
    due: null,
    overdue: false,
    link: { name: 'funding:aid-follow-up', params: { id: String(x.id) } },
  }));
  return { kind: 'aidFollowUp', total: Number(n[0]?.n ?? 0), items };
}

import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import { tables } from '@hyedu/db';
import { VIOLATION_LABELS, ENFORCEMENT_WORKFLOW as wf } from '@hyedu/domain/private-edu';
import { actorLevel } from '../../record-scope.ts';
import { caseScope, dueSql, overdueSql } from '../private-edu/enforcement/query.ts';
import { awaitedSteps, awaitingSql } from './rules.ts';
import type { Asker, InboxGroup } from './sources.ts';

const { privateEnforcementCases: r } = tables;

/**
 * 校外培训执法案件 awaiting the caller: the open cases its level handles (a county its own, the city those it took up),
 * overdue first, then by the current stage's due day.
 */
export async function enforcement(a: Asker, limit: number): Promise<InboxGroup | null> {
  const level = actorLevel(a.scope);
  if (level === 'school') return null;
  const awaiting = awaitingSql(wf, level, { state: r.status }, a.username);
  if (!awaiting) return null;
  const where = and(awaiting, eq(r.handlerLevel, level), caseScope(a.scope));
  const overdue = overdueSql(a.today);
  const [n, rows] = await Promise.all([
    a.db.select({ n: count() }).from(r).where(where),
    limit === 0
      ? []
      : a.db
          .select({
            id: r.id,
            subject: r.subjectName,
            violation: r.violation,
            status: r.status,
            due: sql<string | null>`${dueSql()}::text`,
            overdue,
          })
          .from(r)
          .where(where)
          .orderBy(desc(overdue), sql`${dueSql()} asc nulls last`, asc(r.id))
          .limit(limit),
  ]);
  return {
    kind: 'enforcement',
    total: Number(n[0]?.n ?? 0),
    items: rows.map((x) => ({
      kind: 'enforcement' as const,
      id: x.id,
      subject: x.subject,
      detail: VIOLATION_LABELS[x.violation].zh,
      state: x.status,
      steps: awaitedSteps(wf, level, x.status),
      due: x.due,
      overdue: x.overdue,
      link: { name: 'private-edu:enforcement-case', params: { id: String(x.id) } },
    })),
  };
}

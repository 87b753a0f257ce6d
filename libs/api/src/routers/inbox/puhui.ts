import { and, asc, count, eq } from 'drizzle-orm';
import { tables } from '@hyedu/db';
import { PUHUI_AUTHORITY, PUHUI_WORKFLOW } from '@hyedu/domain/private-edu';
import { actorLevel, recordScope } from '../../record-scope.ts';
import { awaitedSteps, awaitingSql } from './rules.ts';
import type { Asker, InboxGroup } from './sources.ts';

const { privatePuhuiRecognitions: pr, schools } = tables;

/** 普惠性民办园认定 awaiting the caller: a kindergarten its drafts (returned ones too), the county its review. */
export async function puhui(a: Asker, limit: number): Promise<InboxGroup | null> {
  const level = actorLevel(a.scope);
  if (level !== 'school' && level !== PUHUI_AUTHORITY) return null;
  const awaiting = awaitingSql(PUHUI_WORKFLOW, level, { state: pr.status, submittedBy: pr.submittedBy }, a.username);
  if (!awaiting) return null;
  const where = and(awaiting, recordScope(a.scope, pr));
  const [n, rows] = await Promise.all([
    a.db.select({ n: count() }).from(pr).where(where),
    limit === 0
      ? []
      : a.db
          .select({ id: pr.id, school: schools.name, status: pr.status })
          .from(pr)
          .innerJoin(schools, eq(schools.id, pr.schoolId))
          .where(where)
          .orderBy(asc(pr.id))
          .limit(limit),
  ]);
  return {
    kind: 'puhui',
    total: Number(n[0]?.n ?? 0),
    items: rows.map((r) => ({
      kind: 'puhui' as const,
      id: r.id,
      subject: r.school,
      detail: '普惠性民办园认定',
      state: r.status,
      steps: awaitedSteps(PUHUI_WORKFLOW, level, r.status),
      due: null,
      overdue: false,
      link: { name: 'private-edu:puhui-case', params: { id: String(r.id) } },
    })),
  };
}

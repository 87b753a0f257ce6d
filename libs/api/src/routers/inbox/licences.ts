import { and, asc, count, eq } from 'drizzle-orm';
import { tables } from '@hyedu/db';
import { LICENCE_KIND_LABELS, LICENCE_WORKFLOW } from '@hyedu/domain/private-edu';
import { actorLevel, recordScope } from '../../record-scope.ts';
import { awaitedSteps, awaitingSql } from './rules.ts';
import type { Asker, InboxGroup } from './sources.ts';

const { privateLicenceCases: lc, schools } = tables;

/** 办学许可事项 awaiting the caller: a school its drafts (returned ones too), the approving authority 受理 and 审核. */
export async function licences(a: Asker, limit: number): Promise<InboxGroup | null> {
  const level = actorLevel(a.scope);
  const awaiting = awaitingSql(LICENCE_WORKFLOW, level, { state: lc.status, submittedBy: lc.submittedBy }, a.username);
  if (!awaiting) return null;
  const where = and(awaiting, recordScope(a.scope, lc), level === 'school' ? undefined : eq(lc.authority, level));
  const [n, rows] = await Promise.all([
    a.db.select({ n: count() }).from(lc).where(where),
    limit === 0
      ? []
      : a.db
          .select({ id: lc.id, school: schools.name, kind: lc.kind, status: lc.status })
          .from(lc)
          .innerJoin(schools, eq(schools.id, lc.schoolId))
          .where(where)
          .orderBy(asc(lc.id))
          .limit(limit),
  ]);
  return {
    kind: 'licence',
    total: Number(n[0]?.n ?? 0),
    items: rows.map((r) => ({
      kind: 'licence' as const,
      id: r.id,
      subject: r.school,
      detail: `办学许可${LICENCE_KIND_LABELS[r.kind].zh}`,
      state: r.status,
      steps: awaitedSteps(LICENCE_WORKFLOW, level, r.status),
      due: null,
      overdue: false,
      link: { name: 'private-edu:licence', params: { id: String(r.id) } },
    })),
  };
}

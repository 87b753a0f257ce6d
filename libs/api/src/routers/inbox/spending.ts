import { and, asc, count, eq } from 'drizzle-orm';
import { tables } from '@hyedu/db';
import { fiscalYearLabel, SPENDING_WORKFLOW } from '@hyedu/domain/funding';
import { actorLevel } from '../../record-scope.ts';
import { unitRecordScope } from '../funding/access.ts';
import { awaitedSteps, awaitingSql } from './rules.ts';
import type { Asker, InboxGroup } from './sources.ts';

const { fundingSpendingReturns: r, orgUnits } = tables;

/** 教育经费决算填报 awaiting the caller: a county its drafts (returned and reopened ones too), the city those to review. */
export async function spending(a: Asker, limit: number): Promise<InboxGroup | null> {
  const level = actorLevel(a.scope);
  if (level === 'school') return null;
  const awaiting = awaitingSql(SPENDING_WORKFLOW, level, { state: r.status, submittedBy: r.submittedBy }, a.username);
  if (!awaiting) return null;
  const where = and(awaiting, unitRecordScope(a.scope, r.unitCode));
  const [n, rows] = await Promise.all([
    a.db.select({ n: count() }).from(r).where(where),
    limit === 0
      ? []
      : a.db
          .select({ id: r.id, unit: orgUnits.name, year: r.fiscalYear, status: r.status })
          .from(r)
          .innerJoin(orgUnits, eq(orgUnits.code, r.unitCode))
          .where(where)
          .orderBy(asc(r.fiscalYear), asc(orgUnits.sortOrder), asc(r.id))
          .limit(limit),
  ]);
  return {
    kind: 'spending',
    total: Number(n[0]?.n ?? 0),
    items: rows.map((x) => ({
      kind: 'spending' as const,
      id: x.id,
      subject: x.unit,
      detail: `教育经费决算填报 · ${fiscalYearLabel(x.year)}`,
      state: x.status,
      steps: awaitedSteps(SPENDING_WORKFLOW, level, x.status),
      due: null,
      overdue: false,
      link: { name: 'funding:spending-return', params: { id: String(x.id) } },
    })),
  };
}

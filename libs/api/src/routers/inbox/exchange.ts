import { and, asc, count, eq } from 'drizzle-orm';
import { tables } from '@hyedu/db';
import { schoolYearStart, EXCHANGE_PLAN_WORKFLOW as wf } from '@hyedu/domain/teachers';
import { actorLevel } from '../../record-scope.ts';
import { unitScope } from '../teachers/exchange/query.ts';
import { awaitedSteps, awaitingSql } from './rules.ts';
import type { Asker, InboxGroup } from './sources.ts';

const { teacherExchangePlans: pl, orgUnits } = tables;

/**
 * 县管校聘 exchange plans awaiting the caller: a county its plans 编制中 or 已退回, the city the plans 已报送 (not its own
 * submissions). A plan not reported by the start of its school year is overdue.
 */
export async function exchange(a: Asker, limit: number): Promise<InboxGroup | null> {
  const level = actorLevel(a.scope);
  if (level === 'school') return null;
  const awaiting = awaitingSql(wf, level, { state: pl.status, submittedBy: pl.submittedBy }, a.username);
  if (!awaiting) return null;
  const where = and(awaiting, unitScope(a.scope, pl.unitCode));
  const [n, rows] = await Promise.all([
    a.db.select({ n: count() }).from(pl).where(where),
    limit === 0
      ? []
      : a.db
          .select({ id: pl.id, unit: orgUnits.name, schoolYear: pl.schoolYear, status: pl.status })
          .from(pl)
          .innerJoin(orgUnits, eq(orgUnits.code, pl.unitCode))
          .where(where)
          .orderBy(asc(pl.schoolYear), asc(orgUnits.sortOrder), asc(pl.id))
          .limit(limit),
  ]);
  return {
    kind: 'exchange',
    total: Number(n[0]?.n ?? 0),
    items: rows.map((r) => {
      const due = schoolYearStart(r.schoolYear);
      return {
        kind: 'exchange' as const,
        id: r.id,
        subject: r.unit,
        detail: `${r.schoolYear}学年交流轮岗计划`,
        state: r.status,
        steps: awaitedSteps(wf, level, r.status),
        due,
        overdue: r.status !== 'submitted' && a.today > due,
        link: { name: 'teachers:exchange-plan', params: { id: String(r.id) } },
      };
    }),
  };
}

import { and, asc, count, eq } from 'drizzle-orm';
import { tables } from '@hyedu/db';
import { PAY_RECTIFICATION_WORKFLOW, PAY_RETURN_WORKFLOW, rectificationOverdue } from '@hyedu/domain/teachers';
import { actorLevel } from '../../record-scope.ts';
import { unitRecordScope } from '../funding/access.ts';
import { awaitedSteps, awaitingSql } from './rules.ts';
import type { Asker, InboxGroup } from './sources.ts';
import { unitReturnsAwaiting } from './unit-returns.ts';

const { teacherPayReturns: r, teacherPayRectifications: c, orgUnits } = tables;

/** 教师工资保障情况表 awaiting the caller: a county its drafts and returned ones, the city's 科室 those to review (not its own submissions). */
export async function payReturns(a: Asker, limit: number): Promise<InboxGroup | null> {
  const found = await unitReturnsAwaiting(a, limit, PAY_RETURN_WORKFLOW, {
    table: r,
    id: r.id,
    status: r.status,
    submittedBy: r.submittedBy,
    unitCode: r.unitCode,
    year: r.year,
  });
  if (!found) return null;
  const { level, total, rows } = found;
  return {
    kind: 'payReturn',
    total,
    items: rows.map((x) => ({
      kind: 'payReturn' as const,
      id: x.id,
      subject: x.unit,
      detail: `教师工资保障情况 · ${x.year}年度`,
      state: x.status,
      steps: awaitedSteps(PAY_RETURN_WORKFLOW, level, x.status),
      due: null,
      overdue: false,
      link: { name: 'teachers:pay-return', params: { id: String(x.id) } },
    })),
  };
}

/** 工资保障督查整改 awaiting the caller: a county the cases to take on and report, the 科室 the reports to review; overdue first. */
export async function payRectifications(a: Asker, limit: number): Promise<InboxGroup | null> {
  const level = actorLevel(a.scope);
  if (level === 'school') return null;
  const awaiting = awaitingSql(PAY_RECTIFICATION_WORKFLOW, level, { state: c.status, submittedBy: c.reportedBy }, a.username);
  if (!awaiting) return null;
  const where = and(awaiting, unitRecordScope(a.scope, c.unitCode));
  const [n, rows] = await Promise.all([
    a.db.select({ n: count() }).from(c).where(where),
    limit === 0
      ? []
      : a.db
          .select({ id: c.id, unit: orgUnits.name, year: c.year, status: c.status, deadline: c.deadline })
          .from(c)
          .innerJoin(orgUnits, eq(orgUnits.code, c.unitCode))
          .where(where)
          .orderBy(asc(c.deadline), asc(orgUnits.sortOrder), asc(c.id))
          .limit(limit),
  ]);
  const items = rows.map((x) => ({
    kind: 'payRectification' as const,
    id: x.id,
    subject: x.unit,
    detail: `工资保障督查整改 · ${x.year}年度`,
    state: x.status,
    steps: awaitedSteps(PAY_RECTIFICATION_WORKFLOW, level, x.status),
    due: x.deadline,
    overdue: rectificationOverdue(x, a.today),
    link: { name: 'teachers:pay-rectification', params: { id: String(x.id) } },
  }));
  items.sort((x, y) => Number(y.overdue) - Number(x.overdue));
  return { kind: 'payRectification', total: Number(n[0]?.n ?? 0), items };
}

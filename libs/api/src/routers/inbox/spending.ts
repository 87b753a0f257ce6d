import { tables } from '@hyedu/db';
import { fiscalYearLabel, SPENDING_WORKFLOW } from '@hyedu/domain/funding';
import { awaitedSteps } from './rules.ts';
import type { Asker, InboxGroup } from './sources.ts';
import { unitReturnsAwaiting } from './unit-returns.ts';

const { fundingSpendingReturns: r } = tables;

/** 教育经费决算填报 awaiting the caller: a county its drafts (returned and reopened ones too), the city those to review. */
export async function spending(a: Asker, limit: number): Promise<InboxGroup | null> {
  const found = await unitReturnsAwaiting(a, limit, SPENDING_WORKFLOW, {
    table: r,
    id: r.id,
    status: r.status,
    submittedBy: r.submittedBy,
    unitCode: r.unitCode,
    year: r.fiscalYear,
  });
  if (!found) return null;
  const { level, total, rows } = found;
  return {
    kind: 'spending',
    total,
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

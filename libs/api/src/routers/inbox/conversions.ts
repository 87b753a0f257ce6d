import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import { tables } from '@hyedu/db';
import { HENGYANG_TARGETS_2022 } from '@hyedu/domain/hengyang';
import { CONVERSION_DONE_STATES, CONVERSION_WORKFLOW, GCM_TYPE_LABELS } from '@hyedu/domain/private-edu';
import { actorLevel, recordScope } from '../../record-scope.ts';
import { awaitedSteps, awaitingSql } from './rules.ts';
import type { Asker, InboxGroup } from './sources.ts';

const { privateConversions: pc, schools } = tables;
const DEADLINE = HENGYANG_TARGETS_2022.gongCanMinDeadline;

/**
 * 公参民 cases awaiting the caller: the county drafts and carries out its cases (摸底登记, 实施中), the city reviews plans
 * and accepts completed cases (four eyes); due by the conversion deadline until completed, open cases first.
 */
export async function conversions(a: Asker, limit: number): Promise<InboxGroup | null> {
  const level = actorLevel(a.scope);
  const awaiting = awaitingSql(CONVERSION_WORKFLOW, level, { state: pc.status, submittedBy: pc.submittedBy }, a.username);
  // A school never acts on a case: it has no 公参民 group at all.
  if (!awaiting) return null;
  const where = and(awaiting, recordScope(a.scope, pc));
  const [n, rows] = await Promise.all([
    a.db.select({ n: count() }).from(pc).where(where),
    limit === 0
      ? []
      : a.db
          .select({ id: pc.id, school: schools.name, type: pc.type, status: pc.status })
          .from(pc)
          .innerJoin(schools, eq(schools.id, pc.schoolId))
          .where(where)
          .orderBy(sql`${inArray(pc.status, [...CONVERSION_DONE_STATES])}`, asc(pc.id))
          .limit(limit),
  ]);
  return {
    kind: 'conversion',
    total: Number(n[0]?.n ?? 0),
    items: rows.map((r) => {
      const open = !CONVERSION_DONE_STATES.includes(r.status);
      return {
        kind: 'conversion' as const,
        id: r.id,
        subject: r.school,
        detail: GCM_TYPE_LABELS[r.type].zh,
        state: r.status,
        steps: awaitedSteps(CONVERSION_WORKFLOW, level, r.status),
        due: open ? DEADLINE : null,
        overdue: open && a.today > DEADLINE,
        link: { name: 'private-edu:conversion', params: { id: String(r.id) } },
      };
    }),
  };
}

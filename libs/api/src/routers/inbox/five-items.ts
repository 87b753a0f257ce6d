import { and, asc, count, eq, inArray } from 'drizzle-orm';
import { tables } from '@hyedu/db';
import { FIVE_ITEMS_TERM_LABELS, fiveItemsOverdue, FiveItemsTerm, FIVE_ITEMS_WORKFLOW as wf } from '@hyedu/domain/private-edu';
import { actorLevel, recordScope } from '../../record-scope.ts';
import { missingWhere } from '../private-edu/five-items/query.ts';
import { fiveItemsSettings } from '../private-edu/five-items/settings.ts';
import { awaitedSteps, awaitingSql } from './rules.ts';
import type { Asker, InboxGroup, InboxItem } from './sources.ts';

const { privateFiveItemsReturns: r, schools } = tables;

/**
 * 五项管理 returns awaiting the caller: a school its drafts and returned returns, and a reminder for each term past its
 * due date without any return; a county (the city for 市直 schools) the returns to review. Overdue first, then by due day.
 */
export async function fiveItems(a: Asker, limit: number): Promise<InboxGroup | null> {
  const level = actorLevel(a.scope);
  const awaiting = awaitingSql(wf, level, { state: r.status, submittedBy: r.submittedBy }, a.username);
  if (!awaiting) return null;
  const s = await fiveItemsSettings(a.db);
  const where = and(awaiting, recordScope(a.scope, r), level === 'city' ? eq(r.unitCode, s.city) : undefined);
  const [n, rows] = await Promise.all([
    a.db.select({ n: count() }).from(r).where(where),
    limit === 0
      ? []
      : a.db
          .select({ id: r.id, school: schools.name, term: r.term, status: r.status })
          .from(r)
          .innerJoin(schools, eq(schools.id, r.schoolId))
          .where(where)
          .orderBy(asc(r.term), asc(r.submittedAt), asc(r.id))
          .limit(limit),
  ]);
  const items: InboxItem[] = rows.map((x) => ({
    kind: 'fiveItems',
    id: x.id,
    subject: x.school,
    detail: `五项管理情况 · ${FIVE_ITEMS_TERM_LABELS[x.term].zh}`,
    state: x.status,
    steps: awaitedSteps(wf, level, x.status),
    due: s.due[x.term],
    overdue: fiveItemsOverdue(x.status, s.due[x.term], a.today),
    link: { name: 'private-edu:five-items-return', params: { id: String(x.id) } },
  }));
  let reminders = 0;
  if (level === 'school') {
    // The school's terms past due with no return at all: one reminder each (the id is the school's).
    for (const term of FiveItemsTerm.options.filter((t) => fiveItemsOverdue(null, s.due[t], a.today))) {
      const missing = await a.db
        .select({ id: schools.id, name: schools.name })
        .from(schools)
        .where(and(missingWhere(a.db, a.scope, term), inArray(schools.id, a.scope.kind === 'school' ? a.scope.schoolIds : [])))
        .orderBy(schools.id);
      const open = new Set(
        (
          await a.db
            .select({ id: r.schoolId })
            .from(r)
            .where(and(eq(r.term, term), recordScope(a.scope, r)))
        ).map((x) => x.id),
      );
      for (const m of missing.filter((x) => !open.has(x.id))) {
        reminders += 1;
        items.push({
          kind: 'fiveItems',
          id: m.id,
          subject: m.name,
          detail: `五项管理情况 · ${FIVE_ITEMS_TERM_LABELS[term].zh}（未填报）`,
          state: wf.initial,
          steps: ['submit'],
          due: s.due[term],
          overdue: true,
          link: { name: 'private-edu:five-items', query: { term } },
        });
      }
    }
  }
  items.sort((x, y) => Number(y.overdue) - Number(x.overdue) || (x.due ?? '').localeCompare(y.due ?? ''));
  return { kind: 'fiveItems', total: Number(n[0]?.n ?? 0) + reminders, items: items.slice(0, limit) };
}

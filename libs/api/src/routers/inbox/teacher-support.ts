import { and, asc, count, eq, sql } from 'drizzle-orm';
import { tables } from '@hyedu/db';
import { NOMINATION_WORKFLOW, SUPPORT_NEED_WORKFLOW } from '@hyedu/domain/teachers';
import { actorLevel, recordScope } from '../../record-scope.ts';
import { cityCode } from '../plan/access.ts';
import { awaitedSteps, awaitingSql } from './rules.ts';
import type { Asker, InboxGroup } from './sources.ts';

// 支教与表彰
const { teacherSupportNeeds: nd, teacherNominations: nm, teacherHonourRounds: hr, schools } = tables;
const dispatched = sql<number>`(select count(*) from teacher_support_dispatches d where d.need_id = "teacher_support_needs"."id")::int`;

/**
 * 支教需求 awaiting teachers: a county its schools' needs not yet filled, the city those of 局直 schools (the counties'
 * are theirs to fill); earliest start first.
 */
export async function supportNeeds(a: Asker, limit: number): Promise<InboxGroup | null> {
  const level = actorLevel(a.scope);
  if (!SUPPORT_NEED_WORKFLOW.awaits('open', level)) return null;
  const where = and(
    recordScope(a.scope, nd),
    level === 'city' ? eq(nd.unitCode, await cityCode(a.db)) : undefined,
    sql`${dispatched} < ${nd.needed}`,
  );
  const [n, rows] = await Promise.all([
    a.db.select({ n: count() }).from(nd).innerJoin(schools, eq(schools.id, nd.schoolId)).where(where),
    limit === 0
      ? []
      : a.db
          .select({ id: nd.id, school: schools.name, subject: nd.subject, needed: nd.needed, dispatched, startsOn: nd.startsOn })
          .from(nd)
          .innerJoin(schools, eq(schools.id, nd.schoolId))
          .where(where)
          .orderBy(asc(nd.startsOn), asc(nd.id))
          .limit(limit),
  ]);
  return {
    kind: 'supportNeed',
    total: n[0]?.n ?? 0,
    items: rows.map((x) => ({
      kind: 'supportNeed',
      id: x.id,
      subject: x.school,
      detail: `支教需求 · ${x.subject} · 已派${x.dispatched}/${x.needed}人`,
      state: 'open',
      steps: awaitedSteps(SUPPORT_NEED_WORKFLOW, level, 'open'),
      due: x.startsOn,
      overdue: x.startsOn < a.today,
      link: { name: 'teachers:support-need', params: { id: String(x.id) } },
    })),
  };
}

/** 表彰推荐 awaiting the city's review (never the reviewer's own nomination). */
export async function nominations(a: Asker, limit: number): Promise<InboxGroup | null> {
  const level = actorLevel(a.scope);
  const awaiting = awaitingSql(NOMINATION_WORKFLOW, level, { state: nm.status, submittedBy: nm.createdBy }, a.username);
  if (!awaiting) return null;
  const where = and(awaiting, recordScope(a.scope, nm));
  const [n, rows] = await Promise.all([
    a.db.select({ n: count() }).from(nm).where(where),
    limit === 0
      ? []
      : a.db
          .select({ id: nm.id, name: nm.name, school: schools.name, round: hr.name, year: hr.year, roundId: nm.roundId, status: nm.status })
          .from(nm)
          .innerJoin(schools, eq(schools.id, nm.schoolId))
          .innerJoin(hr, eq(hr.id, nm.roundId))
          .where(where)
          .orderBy(asc(nm.createdAt), asc(nm.id))
          .limit(limit),
  ]);
  return {
    kind: 'nomination',
    total: n[0]?.n ?? 0,
    items: rows.map((x) => ({
      kind: 'nomination',
      id: x.id,
      subject: `${x.name}（${x.school}）`,
      detail: `${x.year}年${x.round}推荐`,
      state: x.status,
      steps: awaitedSteps(NOMINATION_WORKFLOW, level, x.status),
      due: null,
      overdue: false,
      link: { name: 'teachers:honour-round', params: { id: String(x.roundId) } },
    })),
  };
}

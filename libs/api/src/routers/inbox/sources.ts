import { and, asc, count, desc, eq, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import { tables, type Db } from '@hyedu/db';
import {
  HAZARD_WORKFLOW,
  INCIDENT_CHAIN,
  PLAN_COORDINATOR,
  PROFILE_REVIEW,
  REPORT_REVIEW,
  type ActorLevel,
  type DataScope,
  type InboxKind,
} from '@hyedu/domain';
import { cityCode, reportVisible, taskVisible } from '../plan/access.ts';
import { recordScope, safetyLevel } from '../safety/access.ts';
import { overdueSql, stageDueSql } from '../safety/overdue.ts';
import { awaitedSteps, awaitingSql } from './rules.ts';

const { orgUnits, planTasks, progressReports, safetyHazards: h, safetyIncidents: inc, safetyProfiles: p, schools } = tables;

/** One record awaiting the caller: what it is, the steps that await, when it is due, and the page that shows it. */
export interface InboxItem {
  kind: InboxKind;
  id: number;
  /** The school or unit the record is about, and what it is (a hazard's description, a term, a task and month). */
  subject: string;
  detail: string;
  state: string;
  steps: readonly string[];
  due: string | null;
  overdue: boolean;
  link: { name: string; params?: Record<string, string>; query?: Record<string, string> };
}
export interface InboxGroup {
  kind: InboxKind;
  total: number;
  items: InboxItem[];
}
/** Who asks, as each source needs it. */
export interface Asker {
  db: Db;
  scope: DataScope;
  username: string;
  departments: readonly string[];
  today: string;
}
const total = async (query: Promise<{ n: number }[]>) => Number((await query)[0]?.n ?? 0);

/** Hazards awaiting the caller's level in its scope: deadlines to set, rectification, acceptance; overdue first, then by due day. */
export async function hazards(a: Asker, limit: number): Promise<InboxGroup> {
  const level = safetyLevel(a.scope);
  const awaiting = awaitingSql(
    HAZARD_WORKFLOW,
    level,
    { state: h.status, submittedBy: h.submittedBy, fields: { deadline: h.deadline } },
    a.username,
  );
  if (!awaiting) return { kind: 'hazard', total: 0, items: [] };
  const where = and(awaiting, recordScope(a.scope, { schoolId: h.schoolId, unitCode: h.unitCode }));
  const overdue = sql<boolean>`coalesce(${overdueSql(a.today)}, false)`;
  const due = sql<string | null>`${stageDueSql()}::text`;
  const [n, rows] = await Promise.all([
    total(a.db.select({ n: count() }).from(h).where(where)),
    limit === 0
      ? []
      : a.db
          .select({ id: h.id, school: schools.name, description: h.description, status: h.status, deadline: h.deadline, overdue, due })
          .from(h)
          .innerJoin(schools, eq(schools.id, h.schoolId))
          .where(where)
          .orderBy(desc(overdue), sql`${stageDueSql()} asc nulls last`, asc(h.id))
          .limit(limit),
  ]);
  return {
    kind: 'hazard',
    total: n,
    items: rows.map((r) => ({
      kind: 'hazard',
      id: r.id,
      subject: r.school,
      detail: r.description,
      state: r.status,
      steps: awaitedSteps(HAZARD_WORKFLOW, level, r.status, { deadline: r.deadline }),
      due: r.due,
      overdue: r.overdue,
      link: { name: 'safety:hazard', params: { id: String(r.id) } },
    })),
  };
}

/**
 * Incidents whose reporting chain awaits the caller: the county receives its schools' reports and reports on, the city
 * receives them, and the county closes them with the final report; oldest first.
 */
export async function incidents(a: Asker, limit: number): Promise<InboxGroup> {
  const level = safetyLevel(a.scope);
  const awaiting = awaitingSql(INCIDENT_CHAIN, level, { state: inc.chainState }, a.username);
  if (!awaiting) return { kind: 'incident', total: 0, items: [] };
  const where = and(awaiting, recordScope(a.scope, { schoolId: inc.schoolId, unitCode: inc.unitCode }));
  const [n, rows] = await Promise.all([
    total(a.db.select({ n: count() }).from(inc).where(where)),
    limit === 0
      ? []
      : a.db
          .select({ id: inc.id, school: schools.name, place: inc.place, occurredAt: inc.occurredAt, state: inc.chainState })
          .from(inc)
          .innerJoin(schools, eq(schools.id, inc.schoolId))
          .where(where)
          .orderBy(asc(inc.occurredAt), asc(inc.id))
          .limit(limit),
  ]);
  return {
    kind: 'incident',
    total: n,
    items: rows.map((r) => ({
      kind: 'incident',
      id: r.id,
      subject: r.school,
      detail: r.place,
      state: r.state,
      steps: awaitedSteps(INCIDENT_CHAIN, level, r.state),
      due: null,
      overdue: false,
      link: { name: 'safety:incident', params: { id: String(r.id) } },
    })),
  };
}

/** 4个100% records awaiting the caller: the county verifies what its schools submitted, a school corrects what was returned. */
export async function profiles(a: Asker, limit: number): Promise<InboxGroup> {
  const level = safetyLevel(a.scope);
  const awaiting = awaitingSql(PROFILE_REVIEW, level, { state: p.review, submittedBy: p.submittedBy }, a.username);
  if (!awaiting) return { kind: 'profile', total: 0, items: [] };
  const where = and(awaiting, recordScope(a.scope, { schoolId: p.schoolId, unitCode: p.unitCode }));
  const [n, rows] = await Promise.all([
    total(a.db.select({ n: count() }).from(p).where(where)),
    limit === 0
      ? []
      : a.db
          .select({ id: p.id, school: schools.name, term: p.term, review: p.review })
          .from(p)
          .innerJoin(schools, eq(schools.id, p.schoolId))
          .where(where)
          .orderBy(asc(p.submittedAt), asc(p.id))
          .limit(limit),
  ]);
  return {
    kind: 'profile',
    total: n,
    items: rows.map((r) => ({
      kind: 'profile',
      id: r.id,
      subject: r.school,
      detail: r.term,
      state: r.review,
      steps: awaitedSteps(PROFILE_REVIEW, level, r.review),
      due: null,
      overdue: false,
      link: { name: 'safety:compliance', query: { term: r.term, q: r.school } },
    })),
  };
}

/** The plan level of a scope: a county's units, or the city's 科室 (schools take no part in the plan). */
const planLevel = (scope: DataScope): ActorLevel | null => (scope.kind === 'all' ? 'city' : scope.kind === 'units' ? 'county' : null);

/**
 * Progress reports awaiting the caller: a county resubmits its returned reports; a 科室 reviews its counties' reports
 * on the tasks it leads (the 办公室 the 科室's own, as `plan.reports.review` decides) and resubmits the city's returned ones.
 */
export async function reports(a: Asker, limit: number): Promise<InboxGroup> {
  const level = planLevel(a.scope);
  const awaiting =
    level && awaitingSql(REPORT_REVIEW, level, { state: progressReports.review, submittedBy: progressReports.submittedBy }, a.username);
  if (!level || !awaiting) return { kind: 'report', total: 0, items: [] };
  let mine: SQL | undefined;
  if (level === 'city') {
    const city = await cityCode(a.db);
    const leads = a.departments.length ? inArray(planTasks.lead, [...a.departments]) : sql`false`;
    const coordinates = a.departments.includes(PLAN_COORDINATOR) ? sql`true` : sql`false`;
    mine = or(
      and(eq(progressReports.review, 'submitted'), ne(progressReports.unitCode, city), leads),
      and(eq(progressReports.review, 'submitted'), eq(progressReports.unitCode, city), coordinates),
      and(eq(progressReports.review, 'returned'), eq(progressReports.unitCode, city), leads),
    );
  }
  const where = and(awaiting, mine, reportVisible(a.scope), taskVisible(a.scope));
  const [n, rows] = await Promise.all([
    total(a.db.select({ n: count() }).from(progressReports).innerJoin(planTasks, eq(planTasks.id, progressReports.taskId)).where(where)),
    limit === 0
      ? []
      : a.db
          .select({
            id: progressReports.id,
            unit: orgUnits.name,
            code: planTasks.code,
            title: planTasks.title,
            year: planTasks.year,
            taskId: planTasks.id,
            period: progressReports.period,
            review: progressReports.review,
          })
          .from(progressReports)
          .innerJoin(planTasks, eq(planTasks.id, progressReports.taskId))
          .innerJoin(orgUnits, eq(orgUnits.code, progressReports.unitCode))
          .where(where)
          .orderBy(asc(progressReports.period), asc(progressReports.submittedAt), asc(progressReports.id))
          .limit(limit),
  ]);
  return {
    kind: 'report',
    total: n,
    items: rows.map((r) => ({
      kind: 'report',
      id: r.id,
      subject: r.unit,
      detail: `${r.code} ${r.title} · ${r.period}`,
      state: r.review,
      steps: awaitedSteps(REPORT_REVIEW, level, r.review),
      due: null,
      overdue: false,
      link: { name: 'plan-task', params: { year: String(r.year), taskId: String(r.taskId) } },
    })),
  };
}

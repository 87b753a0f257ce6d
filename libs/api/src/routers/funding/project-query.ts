import { and, asc, eq, isNotNull, isNull, like, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { tables, type Db } from '@hyedu/db';
import { daysBetween, DivisionCode, textField, type DataScope } from '@hyedu/domain';
import {
  MILESTONES,
  milestonesOf,
  ProjectKind,
  ShortfallFlag,
  type ProjectKind as Kind,
  type Milestone,
  type ScheduleState,
} from '@hyedu/domain/funding';
import type { AuthedContext } from '../../context.ts';
import { Page } from '../../inputs.ts';
import { contains } from '../../queries.ts';
import { scoped } from '../../scoped.ts';
import { unitRecordScope } from './access.ts';

const { fundingSeatProjects: p, orgUnits, schools } = tables;
export const PROJECT_TARGET = 'funding_project';
export type Ctx = Pick<AuthedContext, 'db'> & { scope: DataScope };

/** A project in the caller's scope, or the one NOT_FOUND. */
export const visibleProject = (ctx: Ctx, id: number) =>
  scoped(
    PROJECT_TARGET,
    id,
    async () =>
      (
        await ctx.db
          .select()
          .from(p)
          .where(and(eq(p.id, id), unitRecordScope(ctx.scope, p.unitCode)))
      )[0],
  );

/** A project's stage as a filter: a milestone, or 'none' before 立项. */
export const StageFilter = z.enum([...MILESTONES, 'none'], { message: '请选择项目进度' });
export const ScheduleFilter = z.enum(['late', 'on_schedule', 'done'], { message: '请选择是否滞后' });

export const ProjectFilter = Page.extend({
  unitCode: DivisionCode.optional(),
  kind: ProjectKind.optional(),
  stage: StageFilter.optional(),
  schedule: ScheduleFilter.optional(),
  flag: ShortfallFlag.optional(),
  named: z.enum(['yes', 'no'], { message: '请选择是否重点项目' }).optional(),
  q: textField(40, '搜索词').optional(),
}).strict();
export type ProjectFilter = z.infer<typeof ProjectFilter>;

/** Late: the next milestone's planned date has passed and the project is not in use (the domain's projectSchedule in SQL). */
export const lateSql = (today: string): SQL => and(isNull(p.inUseOn), sql`${p.nextDue} < ${today}`)!;

/** The list's filter as SQL, in the caller's scope (the list, its export). */
export function projectWhere(ctx: { scope: DataScope; today: string }, f: Omit<ProjectFilter, 'page' | 'pageSize'>): SQL | undefined {
  return and(
    unitRecordScope(ctx.scope, p.unitCode),
    f.unitCode ? eq(p.unitCode, f.unitCode) : undefined,
    f.kind ? eq(p.kind, f.kind) : undefined,
    f.stage ? (f.stage === 'none' ? isNull(p.stage) : eq(p.stage, f.stage)) : undefined,
    f.schedule === 'late'
      ? lateSql(ctx.today)
      : f.schedule === 'done'
        ? isNotNull(p.inUseOn)
        : f.schedule === 'on_schedule'
          ? and(isNull(p.inUseOn), or(isNull(p.nextDue), sql`${p.nextDue} >= ${ctx.today}`))
          : undefined,
    f.flag ? sql`${p.flags} @> ${JSON.stringify([f.flag])}::jsonb` : undefined,
    f.named === 'yes' ? isNotNull(p.namedKey) : f.named === 'no' ? isNull(p.namedKey) : undefined,
    f.q ? like(p.name, contains(f.q)) : undefined,
  );
}

/** The projects matching `where`, by unit then id (the list's and the export's rows). */
export const projectRows = (db: Db, where: SQL | undefined) =>
  db
    .select({
      id: p.id,
      unitCode: p.unitCode,
      unitName: orgUnits.name,
      schoolId: p.schoolId,
      schoolName: schools.name,
      name: p.name,
      kind: p.kind,
      sector: p.sector,
      area: p.area,
      plannedSeats: p.plannedSeats,
      investment: p.investment,
      flags: p.flags,
      namedKey: p.namedKey,
      stage: p.stage,
      nextDue: p.nextDue,
      inUseOn: p.inUseOn,
      deliveredSeats: p.deliveredSeats,
      version: p.version,
    })
    .from(p)
    .innerJoin(orgUnits, eq(orgUnits.code, p.unitCode))
    .leftJoin(schools, eq(schools.id, p.schoolId))
    .where(where)
    .orderBy(asc(orgUnits.sortOrder), asc(p.id));

/** The milestone after the stage reached (the first before 立项; null once in use). */
export function nextMilestone(kind: Kind, stage: Milestone | null): Milestone | null {
  const steps = milestonesOf(kind);
  return stage === null ? steps[0]! : (steps[steps.indexOf(stage) + 1] ?? null);
}

/** A list row's schedule from its denormalised columns: late by the next milestone's days, done once in use. */
export function rowSchedule(
  r: { kind: Kind; stage: Milestone | null; nextDue: string | null; inUseOn: string | null },
  today: string,
): { state: ScheduleState; milestone: Milestone | null; lateDays: number } {
  if (r.inUseOn) return { state: 'done', milestone: null, lateDays: 0 };
  const milestone = nextMilestone(r.kind, r.stage);
  if (r.nextDue && r.nextDue < today) return { state: 'late', milestone, lateDays: daysBetween(r.nextDue, today) };
  return { state: 'on_schedule', milestone, lateDays: 0 };
}

import { TRPCError } from '@trpc/server';
import { and, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { tables } from '@hyedu/db';
import { authorize, type DataScope } from '@hyedu/domain';
import { TIER_LEVEL, tiersOf, type TrainingTier } from '@hyedu/domain/teachers';
import type { AuthedContext } from '../../../context.ts';
import { actorLevel, recordScope } from '../../../record-scope.ts';
import { scoped } from '../../../scoped.ts';
import { exportProcedure, listProcedure, readProcedure, writeProcedure } from '../../../trpc.ts';

const { teacherTrainingProjects: p, teacherTrainingRecords: r, teacherStaff: st } = tables;

export const PROJECT_TARGET = 'teacher_training_project';
export const RECORD_TARGET = 'teacher_training_record';

export const read = readProcedure('teachers');
/** The training lists (may be read from the standby). */
export const list = listProcedure('teachers');
export const exporter = exportProcedure('teachers');
/** Every training write moves the module's KPIs: the dashboard recomputes them on its next read. */
export const write = writeProcedure('teachers');

export const canWrite = (ctx: Pick<AuthedContext, 'identity'>) =>
  authorize(ctx.identity.grants, { area: 'teachers', action: 'write' }).allowed;

const CITY_TIERS = tiersOf('city');

/**
 * The projects a caller sees: every 国培/省培/市培 project; a county's 县培 projects to that county and its schools;
 * a school's 校本 projects to the school and its county. The city sees all.
 */
export function projectScope(scope: DataScope): SQL | undefined {
  const city = inArray(p.tier, CITY_TIERS);
  switch (scope.kind) {
    case 'all':
      return undefined;
    case 'units':
      return scope.unitCodes.length ? or(city, inArray(p.unitCode, scope.unitCodes)) : city;
    case 'school':
      return or(
        city,
        scope.unitCodes.length ? and(eq(p.tier, 'county'), inArray(p.unitCode, scope.unitCodes)) : undefined,
        scope.schoolIds.length ? inArray(p.schoolId, scope.schoolIds) : undefined,
      );
    default:
      return sql`false`;
  }
}

/** A project the caller sees, or the one NOT_FOUND. */
export const visibleProject = (ctx: Pick<AuthedContext, 'db' | 'scope'>, id: number) =>
  scoped(
    PROJECT_TARGET,
    id,
    async () =>
      (
        await ctx.db
          .select()
          .from(p)
          .where(and(eq(p.id, id), projectScope(ctx.scope)))
      )[0],
  );

/** Whether the caller organises projects of this tier (the city 科室 国培/省培/市培, a county 县培, a school 校本). */
export function refuseTier(scope: DataScope, tier: TrainingTier) {
  if (TIER_LEVEL[tier] !== actorLevel(scope))
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: '国培、省培、市培项目由市教育局登记，县培项目由县市区教育局登记，校本培训项目由学校登记',
    });
}

/** A person in post in the caller's scope, or the one NOT_FOUND. */
export const visibleStaff = (ctx: Pick<AuthedContext, 'db' | 'scope'>, id: number) =>
  scoped(
    'teacher_staff',
    id,
    async () =>
      (
        await ctx.db
          .select({ id: st.id, idIndex: st.idIndex, schoolId: st.schoolId, unitCode: st.unitCode, name: st.name })
          .from(st)
          .where(and(eq(st.id, id), isNull(st.leftOn), recordScope(ctx.scope, st)))
      )[0],
  );

/** A training record in the caller's scope (its school's), or the one NOT_FOUND. */
export const visibleRecord = (ctx: Pick<AuthedContext, 'db' | 'scope'>, id: number) =>
  scoped(
    RECORD_TARGET,
    id,
    async () =>
      (
        await ctx.db
          .select()
          .from(r)
          .where(and(eq(r.id, id), recordScope(ctx.scope, r)))
      )[0],
  );

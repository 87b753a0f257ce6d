import type { TRPCRouterRecord } from '@trpc/server';
import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { refreshItStanding, tables } from '@hyedu/db';
import { PlanYear, textField, type DataScope } from '@hyedu/domain';
import {
  projectRefusal,
  tiersOf,
  TRAINING_TIER_LABELS,
  trainingCompletion,
  TrainingProjectInput,
  TrainingProjectUpdate,
  TrainingTier,
} from '@hyedu/domain/teachers';
import { auditChange } from '../../../audit-change.ts';
import type { AuthedContext } from '../../../context.ts';
import { fieldError } from '../../../field-error.ts';
import { Page } from '../../../inputs.ts';
import { contains } from '../../../queries.ts';
import { actorLevel, schoolInScope } from '../../../record-scope.ts';
import { notFound } from '../../../scoped.ts';
import { conflict } from '../../../workflow-step.ts';
import { unitInScope } from '../../funding/access.ts';
import { canWrite, PROJECT_TARGET, projectScope, read, refuseTier, visibleProject, write } from './access.ts';

const { teacherTrainingProjects: p, teacherTrainingRecords: r, teacherTrainingCounts: c, orgUnits, schools } = tables;

export const ProjectFilter = Page.extend({
  tier: TrainingTier.optional(),
  year: PlanYear.optional(),
  itOnly: z.boolean({ message: '是否只看信息技术2.0项目应为是或否' }).optional(),
  q: textField(40, '搜索词').optional(),
}).strict();
export type ProjectFilter = z.infer<typeof ProjectFilter>;

export const projectWhere = (scope: DataScope, f: Omit<ProjectFilter, 'page' | 'pageSize'>) =>
  and(
    projectScope(scope),
    f.tier ? eq(p.tier, f.tier) : undefined,
    f.year ? eq(p.year, f.year) : undefined,
    f.itOnly ? eq(p.itCapability, true) : undefined,
    f.q ? sql`(${p.name} ilike ${contains(f.q)} or ${p.code} ilike ${contains(f.q)})` : undefined,
  );

/** The projects with their owner's name and the participants on record (completed of all). */
export const projectRows = (db: AuthedContext['db'], where: ReturnType<typeof projectWhere>) => {
  // The participants on record in every county (the counts kept per project and county by each write).
  const counts = db
    .select({
      projectId: c.projectId,
      participants: sql<number>`sum(${c.participants})::int`.as('participants'),
      completed: sql<number>`sum(${c.completed})::int`.as('completed'),
    })
    .from(c)
    .groupBy(c.projectId)
    .as('c');
  return db
    .select({
      id: p.id,
      tier: p.tier,
      name: p.name,
      code: p.code,
      year: p.year,
      organiser: p.organiser,
      plannedHours: p.plannedHours,
      itCapability: p.itCapability,
      plannedParticipants: p.plannedParticipants,
      unitCode: p.unitCode,
      unitName: orgUnits.name,
      schoolId: p.schoolId,
      schoolName: schools.name,
      participants: sql<number>`coalesce(${counts.participants}, 0)`,
      completed: sql<number>`coalesce(${counts.completed}, 0)`,
      version: p.version,
    })
    .from(p)
    .innerJoin(orgUnits, eq(orgUnits.code, p.unitCode))
    .leftJoin(schools, eq(schools.id, p.schoolId))
    .leftJoin(counts, eq(counts.projectId, p.id))
    .where(where)
    .orderBy(desc(p.year), asc(p.tier), asc(p.id));
};

type Row = Awaited<ReturnType<typeof projectRows>>[number];
/** 完成率: completed ÷ the plan's participants (the participants on record when the project names no plan). */
export const withCompletion = (x: Row) => ({
  ...x,
  tierLabel: TRAINING_TIER_LABELS[x.tier].zh,
  completion: trainingCompletion(x.completed, x.plannedParticipants ?? x.participants),
});

/** Where the project belongs: the city's code for its tiers, the county for 县培, the school's county for 校本. */
async function ownerOf(ctx: AuthedContext, input: TrainingProjectInput) {
  // The school or county named first: one outside the caller's scope is the one NOT_FOUND, whatever else is wrong.
  const school = input.schoolId ? await schoolInScope(ctx, input.schoolId) : null;
  if (input.unitCode && !unitInScope(ctx.scope, input.unitCode)) throw notFound('org_unit', input.unitCode);
  const refusal = projectRefusal(input);
  if (refusal) throw fieldError(refusal.field, refusal.message);
  refuseTier(ctx.scope, input.tier);
  if (school) return { unitCode: school.unitCode, schoolId: school.id };
  if (input.unitCode) return { unitCode: input.unitCode, schoolId: null };
  const [city] = await ctx.db.select({ code: orgUnits.code }).from(orgUnits).where(eq(orgUnits.kind, 'city'));
  return { unitCode: city!.code, schoolId: null };
}

const columnsOf = (input: TrainingProjectInput) => ({
  tier: input.tier,
  name: input.name,
  code: input.projectCode || null,
  year: input.year,
  organiser: input.organiser,
  plannedHours: input.plannedHours,
  itCapability: input.itCapability,
  plannedParticipants: input.plannedParticipants ?? null,
});

/** 培训项目: the list (with completion), entering and correcting one. */
export const trainingProjectsRouter = {
  list: read.input(ProjectFilter).query(async ({ ctx, input }) => {
    const where = projectWhere(ctx.scope, input);
    const [rows, [total]] = await Promise.all([
      projectRows(ctx.db, where)
        .limit(input.pageSize)
        .offset((input.page - 1) * input.pageSize),
      ctx.db.select({ n: count() }).from(p).where(where),
    ]);
    const level = actorLevel(ctx.scope);
    return {
      total: total?.n ?? 0,
      page: input.page,
      pageSize: input.pageSize,
      /** The tiers the caller may create (none without the write grant). */
      tiers: canWrite(ctx) ? tiersOf(level) : [],
      rows: rows.map((x) => ({ ...withCompletion(x), canEdit: canWrite(ctx) && tiersOf(level).includes(x.tier) })),
    };
  }),

  /** A project's fields for the form (and for entering records against it). */
  options: read.input(z.object({ year: PlanYear.optional() }).strict()).query(({ ctx, input }) =>
    ctx.db
      .select({ id: p.id, name: p.name, tier: p.tier, year: p.year, plannedHours: p.plannedHours, itCapability: p.itCapability })
      .from(p)
      .where(and(projectScope(ctx.scope), input.year ? eq(p.year, input.year) : undefined))
      .orderBy(desc(p.year), asc(p.tier), asc(p.id))
      .limit(500),
  ),

  create: write.input(TrainingProjectInput).mutation(async ({ ctx, input }) => {
    const owner = await ownerOf(ctx, input);
    return ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(p)
        .values({ ...columnsOf(input), ...owner, createdBy: ctx.identity.username, createdAt: ctx.now })
        .returning({ id: p.id, version: p.version });
      await auditChange(tx, ctx, {
        action: 'teachers.training.createProject',
        targetType: PROJECT_TARGET,
        targetId: row!.id,
        after: input,
      });
      return row!;
    });
  }),

  update: write.input(TrainingProjectUpdate).mutation(async ({ ctx, input }) => {
    const current = await visibleProject(ctx, input.id);
    refuseTier(ctx.scope, current.tier);
    const { id, expectedVersion, ...fields } = input;
    const owner = await ownerOf(ctx, fields);
    const [{ hours } = { hours: 0 }] = await ctx.db
      .select({ hours: sql<number>`coalesce(max(${r.hours}), 0)::int` })
      .from(r)
      .where(eq(r.projectId, id));
    if (fields.plannedHours < hours) throw fieldError('plannedHours', `已有培训记录为${hours}学时，计划学时不能少于此数`);
    return ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .update(p)
        .set({ ...columnsOf(fields), ...owner, version: current.version + 1 })
        .where(and(eq(p.id, id), eq(p.version, expectedVersion)))
        .returning({ id: p.id, version: p.version });
      if (!row) throw conflict();
      // The project's hours count toward IT 2.0 now, or no longer: its participants' standing changes.
      if (current.itCapability !== fields.itCapability)
        await refreshItStanding(tx, sql`select ${r.idIndex} from ${r} where ${r.projectId} = ${id}`);
      const { createdAt: _, createdBy: __, ...before } = current;
      await auditChange(tx, ctx, {
        action: 'teachers.training.updateProject',
        targetType: PROJECT_TARGET,
        targetId: id,
        before,
        after: fields,
      });
      return row;
    });
  }),
} satisfies TRPCRouterRecord;

import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { and, asc, count, eq, like } from 'drizzle-orm';
import { z } from 'zod';
import { tables, type Tx } from '@hyedu/db';
import { authorize, DivisionCode, RecordId, showsInline, textField } from '@hyedu/domain';
import {
  MILESTONE_LABELS,
  milestoneDelay,
  MilestoneReached,
  milestoneRefusal,
  milestonesOf,
  planRefusal,
  projectSchedule,
  SeatProjectInput,
  SeatProjectUpdate,
  stageOf,
  type Milestone,
  type ProjectKind,
} from '@hyedu/domain/funding';
import { auditChange } from '../../audit-change.ts';
import type { AuthedContext } from '../../context.ts';
import { fieldError } from '../../field-error.ts';
import { recordHistory } from '../../history.ts';
import { contains } from '../../queries.ts';
import { scoped } from '../../scoped.ts';
import { readProcedure, writeProcedure } from '../../trpc.ts';
import { unitInScope } from './access.ts';
import { projectFilesRouter } from './project-files.ts';
import {
  nextMilestone,
  PROJECT_TARGET,
  ProjectFilter,
  projectRows,
  projectWhere,
  rowSchedule,
  visibleProject,
  type Ctx,
} from './project-query.ts';
import { seatPlanOn } from './seat-plan.ts';
import { seatTotals } from './seat-totals.ts';

const { fundingSeatProjects: p, fundingProjectMilestones: pm, attachments, orgUnits, schools } = tables;
const read = readProcedure('funding');
const write = writeProcedure('funding');
/** The KPIs a project's facts and milestones move: the places delivered and the named projects on schedule. */
export const SEAT_KPIS = ['funding.seats-delivered', 'funding.named-on-schedule'] as const;
const CONFLICT = () => new TRPCError({ code: 'CONFLICT', message: '该记录已被他人修改，请刷新后重新提交' });
const Id = z.object({ id: RecordId }).strict();

const canWrite = (ctx: AuthedContext) => authorize(ctx.identity.grants, { area: 'funding', action: 'write' }).allowed;

/** A project's milestones as planned and reached dates. */
async function datesOf(db: Ctx['db'] | Tx, id: number) {
  const rows = await db.select().from(pm).where(eq(pm.projectId, id));
  const planned: Partial<Record<Milestone, string>> = {};
  const reached: Partial<Record<Milestone, string>> = {};
  for (const r of rows) {
    planned[r.milestone] = r.plannedOn;
    if (r.reachedOn) reached[r.milestone] = r.reachedOn;
  }
  return { rows, planned, reached };
}

/** The planned date of the first milestone not reached (null once every one is). */
const nextDueOf = (kind: ProjectKind, planned: Partial<Record<Milestone, string>>, reached: Partial<Record<Milestone, string>>) => {
  const m = milestonesOf(kind).find((x) => !reached[x]);
  return m ? (planned[m] ?? null) : null;
};

function checkFacts(input: { kind: ProjectKind; planned: Partial<Record<Milestone, string>>; flags?: string[] }) {
  const refusal = planRefusal(input.kind, input.planned);
  if (refusal) throw fieldError(refusal.field, refusal.message);
  if (input.flags && new Set(input.flags).size !== input.flags.length) throw fieldError('flags', '短板类别重复');
}

/** The school a project is about: one of the caller's, and of the project's unit. */
async function schoolOf(ctx: Ctx, unitCode: string, schoolId: number | undefined) {
  if (schoolId === undefined) return null;
  const school = await scoped('school', schoolId, async () => {
    const [s] = await ctx.db.select({ id: schools.id, unitCode: schools.unitCode }).from(schools).where(eq(schools.id, schoolId));
    return s && unitInScope(ctx.scope, s.unitCode) && s;
  });
  if (school.unitCode !== unitCode) throw fieldError('schoolId', '该学校不属于项目所在单位');
  return school.id;
}

/** 学位建设项目: list, one project, create, correct, record a milestone, evidence, history, export, totals. */
export const projectsRouter = {
  list: read.input(ProjectFilter).query(async ({ ctx, input }) => {
    const where = projectWhere(ctx, input);
    const [rows, [total]] = await Promise.all([
      projectRows(ctx.db, where)
        .limit(input.pageSize)
        .offset((input.page - 1) * input.pageSize),
      ctx.db.select({ n: count() }).from(p).where(where),
    ]);
    return {
      total: total?.n ?? 0,
      page: input.page,
      pageSize: input.pageSize,
      today: ctx.today,
      canCreate: canWrite(ctx),
      rows: rows.map((r) => ({ ...r, schedule: rowSchedule(r, ctx.today) })),
    };
  }),

  /** One project with its milestone timeline (planned, reached, delay), schedule and evidence per milestone. */
  byId: read.input(Id).query(async ({ ctx, input }) => {
    const row = await visibleProject(ctx, input.id);
    const [[unit], [school], { rows, planned, reached }, files] = await Promise.all([
      ctx.db.select({ name: orgUnits.name }).from(orgUnits).where(eq(orgUnits.code, row.unitCode)),
      row.schoolId
        ? ctx.db.select({ name: schools.name, code: schools.code }).from(schools).where(eq(schools.id, row.schoolId))
        : Promise.resolve([]),
      datesOf(ctx.db, row.id),
      ctx.db
        .select({
          id: attachments.id,
          ownerType: attachments.ownerType,
          fileName: attachments.fileName,
          size: attachments.size,
          mime: attachments.mime,
          checked: attachments.checked,
          uploadedBy: attachments.uploadedBy,
          uploadedAt: attachments.uploadedAt,
        })
        .from(attachments)
        .where(and(like(attachments.ownerType, `${PROJECT_TARGET}:%`), eq(attachments.ownerId, row.id)))
        .orderBy(asc(attachments.id)),
    ]);
    const writable = canWrite(ctx);
    return {
      ...row,
      createdAt: row.createdAt.toISOString(),
      unitName: unit?.name ?? row.unitCode,
      school: school ?? null,
      today: ctx.today,
      schedule: projectSchedule(row.kind, planned, reached, ctx.today),
      next: nextMilestone(row.kind, row.stage),
      milestones: milestonesOf(row.kind).map((m) => {
        const r = rows.find((x) => x.milestone === m);
        return {
          milestone: m,
          planned: planned[m] ?? null,
          reached: reached[m] ?? null,
          delay: milestoneDelay(planned[m], reached[m]),
          note: r?.note ?? null,
          recordedBy: r?.recordedBy ?? null,
        };
      }),
      files: files.map(({ checked, ...f }) => ({
        ...f,
        inline: showsInline({ mime: f.mime, checked }),
        milestone: f.ownerType.slice(PROJECT_TARGET.length + 1) as Milestone,
        uploadedAt: f.uploadedAt.toISOString(),
      })),
      canEdit: writable && row.stage !== 'in_use',
      canReach: writable && row.stage !== 'in_use',
      canAttach: writable,
    };
  }),

  /** The schools of a unit a project may be about (the caller's units only), searched by name. */
  schools: read.input(z.object({ unitCode: DivisionCode, q: textField(40, '搜索词').optional() }).strict()).query(({ ctx, input }) =>
    unitInScope(ctx.scope, input.unitCode)
      ? ctx.db
          .select({ id: schools.id, name: schools.name })
          .from(schools)
          .where(and(eq(schools.unitCode, input.unitCode), input.q ? like(schools.name, contains(input.q)) : undefined))
          .orderBy(asc(schools.code))
          .limit(20)
      : [],
  ),

  /** A county enters a project of its own; the city's 科室 one of any unit (局直 projects under the city's code). */
  create: write.input(SeatProjectInput).mutation(async ({ ctx, input }) => {
    await scoped('org_unit', input.unitCode, async () => {
      const [u] = await ctx.db.select({ code: orgUnits.code }).from(orgUnits).where(eq(orgUnits.code, input.unitCode));
      return u && unitInScope(ctx.scope, u.code) && u;
    });
    const schoolId = await schoolOf(ctx, input.unitCode, input.schoolId);
    checkFacts(input);
    const flags = input.flags ?? [];
    return ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(p)
        .values({
          unitCode: input.unitCode,
          schoolId,
          name: input.name,
          kind: input.kind,
          sector: input.sector,
          area: input.area,
          plannedSeats: input.plannedSeats,
          investment: input.investment,
          flags,
          note: input.note || null,
          stage: null,
          nextDue: nextDueOf(input.kind, input.planned, {}),
          createdBy: ctx.identity.username,
          createdAt: ctx.now,
        })
        .returning({ id: p.id, version: p.version });
      await tx.insert(pm).values(milestonesOf(input.kind).map((m) => ({ projectId: row!.id, milestone: m, plannedOn: input.planned[m]! })));
      await auditChange(tx, ctx, {
        action: 'funding.projects.create',
        targetType: PROJECT_TARGET,
        targetId: row!.id,
        after: { ...input, flags },
      });
      return row!;
    });
  }),

  /** Corrects a project's facts and planned dates (versioned); not once it is in use, nor its kind once a milestone is recorded. */
  update: write.input(SeatProjectUpdate).mutation(async ({ ctx, input }) => {
    const seen = await visibleProject(ctx, input.id);
    const schoolId = await schoolOf(ctx, seen.unitCode, input.schoolId);
    checkFacts(input);
    const updated = await ctx.db.transaction(async (tx) => {
      const [row] = await tx.select().from(p).where(eq(p.id, input.id)).for('update');
      if (!row || row.version !== input.expectedVersion) throw CONFLICT();
      if (row.stage === 'in_use') throw new TRPCError({ code: 'CONFLICT', message: '项目已投入使用，不能再修改' });
      if (row.stage !== null && row.kind !== input.kind) throw fieldError('kind', '已记录节点的项目不能更改建设方式');
      const { rows, planned, reached } = await datesOf(tx, row.id);
      const steps = milestonesOf(input.kind);
      for (const m of steps) {
        if (reached[m] || planned[m] === input.planned[m]) continue;
        if (rows.some((r) => r.milestone === m))
          await tx
            .update(pm)
            .set({ plannedOn: input.planned[m]! })
            .where(and(eq(pm.projectId, row.id), eq(pm.milestone, m)));
        else await tx.insert(pm).values({ projectId: row.id, milestone: m, plannedOn: input.planned[m]! });
      }
      for (const r of rows)
        if (!steps.includes(r.milestone)) await tx.delete(pm).where(and(eq(pm.projectId, row.id), eq(pm.milestone, r.milestone)));
      const newPlanned = Object.fromEntries(steps.map((m) => [m, reached[m] ? planned[m]! : input.planned[m]!]));
      const values = {
        schoolId,
        name: input.name,
        kind: input.kind,
        sector: input.sector,
        area: input.area,
        plannedSeats: input.plannedSeats,
        investment: input.investment,
        flags: input.flags ?? [],
        note: input.note || null,
      };
      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(values)) {
        const old = row[k as keyof typeof row];
        if (JSON.stringify(old) !== JSON.stringify(v)) [before[k], after[k]] = [old, v];
      }
      const plannedChanged = steps.some((m) => planned[m] !== newPlanned[m]);
      if (plannedChanged) [before.planned, after.planned] = [planned, newPlanned];
      const [out] = await tx
        .update(p)
        .set({ ...values, nextDue: nextDueOf(input.kind, newPlanned, reached), version: row.version + 1 })
        .where(eq(p.id, row.id))
        .returning({ id: p.id, version: p.version });
      await auditChange(tx, ctx, { action: 'funding.projects.update', targetType: PROJECT_TARGET, targetId: row.id, before, after });
      return out!;
    });
    return updated;
  }),

  /**
   * Records a milestone reached (in order, dated between the one before and today; 投入使用 with the places delivered),
   * keeping the project's stage, next due date, date in use and delivered places in the same transaction.
   */
  reach: write.input(MilestoneReached).mutation(async ({ ctx, input }) => {
    await visibleProject(ctx, input.id);
    const out = await ctx.db.transaction(async (tx) => {
      const [row] = await tx.select().from(p).where(eq(p.id, input.id)).for('update');
      if (!row || row.version !== input.expectedVersion) throw CONFLICT();
      const { planned, reached } = await datesOf(tx, row.id);
      const refusal = milestoneRefusal({ kind: row.kind, plannedSeats: row.plannedSeats, reached }, input, ctx.today);
      if (refusal) throw fieldError(refusal.field, refusal.message);
      await tx
        .update(pm)
        .set({ reachedOn: input.on, note: input.note || null, recordedBy: ctx.identity.username, recordedAt: ctx.now })
        .where(and(eq(pm.projectId, row.id), eq(pm.milestone, input.milestone)));
      const now = { ...reached, [input.milestone]: input.on };
      const inUse = input.milestone === 'in_use';
      const [res] = await tx
        .update(p)
        .set({
          stage: stageOf(row.kind, now),
          nextDue: nextDueOf(row.kind, planned, now),
          ...(inUse ? { inUseOn: input.on, deliveredSeats: input.deliveredSeats ?? 0 } : {}),
          version: row.version + 1,
        })
        .where(eq(p.id, row.id))
        .returning({ id: p.id, version: p.version, stage: p.stage });
      await auditChange(tx, ctx, {
        action: 'funding.projects.reach',
        targetType: PROJECT_TARGET,
        targetId: row.id,
        before: { projectStage: row.stage },
        after: {
          milestone: input.milestone,
          milestoneLabel: MILESTONE_LABELS[input.milestone].zh,
          on: input.on,
          projectStage: res!.stage,
          ...(inUse ? { deliveredSeats: input.deliveredSeats ?? 0 } : {}),
          ...(input.note ? { note: input.note } : {}),
        },
      });
      return res!;
    });
    return out;
  }),

  ...projectFilesRouter,

  /** 「操作记录」 of a project. */
  history: read.input(Id).query(async ({ ctx, input }) => {
    await visibleProject(ctx, input.id);
    return recordHistory(ctx.db, PROJECT_TARGET, input.id);
  }),

  /** The seat figures in the caller's scope: total, per unit, per sector × area, against the plan's target. */
  totals: read.query(async ({ ctx }) => {
    const plan = seatPlanOn(ctx.today);
    const t = await seatTotals(ctx.db, ctx.scope, plan, ctx.today);
    return { plan, city: ctx.scope.kind === 'all', ...t };
  }),
} satisfies TRPCRouterRecord;

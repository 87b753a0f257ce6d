import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { and, asc, count, eq, ilike, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { tables } from '@hyedu/db';
import { authorize, DivisionCode, RecordId, RecordVersion, SchoolRef, textField } from '@hyedu/domain';
import {
  eligibilityRefusal,
  EXCHANGE_DIRECTION_LABELS,
  EXCHANGE_EDITABLE,
  EXCHANGE_LEVELS,
  exchangeDirection,
  ExchangePlanAction,
  exchangePlanCase,
  ExchangePlanInput,
  ExchangePlanUpdate,
  ExchangeRecordInput,
  ExchangeRecordRemove,
  exchangeStatusOn,
  ExchangeYear,
  schoolYearStart,
  startRefusal,
  EXCHANGE_PLAN_WORKFLOW as wf,
  wholeYears,
  type ExchangeDirection,
  type ExchangePlanStatus,
} from '@hyedu/domain/teachers';
import { auditChange } from '../../../audit-change.ts';
import type { AuthedContext } from '../../../context.ts';
import { fieldError } from '../../../field-error.ts';
import { recordHistory } from '../../../history.ts';
import { contains, containsText } from '../../../queries.ts';
import { actorLevel } from '../../../record-scope.ts';
import { applyStep, conflict } from '../../../workflow-step.ts';
import { exchangeDesignationsRouter } from './designations.ts';
import { exchangeFilesRouter } from './files.ts';
import {
  EXCHANGE_TARGET,
  PlanFilter,
  planRows,
  planWhere,
  RecordFilter,
  recordRows,
  recordWhere,
  summaryOf,
  visiblePlan,
} from './lists.ts';
import { read, write } from './procedures.ts';
import { designationOn, eligibleWhere, exchangeYears, sendingSchool, unitScope } from './query.ts';

const {
  teacherExchangePlans: pl,
  teacherExchangeRecords: rc,
  teacherExchangeDesignations: dg,
  teacherStaff: st,
  schools,
  orgUnits,
} = tables;
const Id = z.object({ id: RecordId }).strict();
const iso = (d: Date | null) => d?.toISOString() ?? null;
const canWrite = (ctx: AuthedContext) => authorize(ctx.identity.grants, { area: 'teachers', action: 'write' }).allowed;

/** Who may change a plan now: a county its own, the city any (a school never), while 编制中 or 已退回. */
function editable(ctx: AuthedContext, plan: { status: ExchangePlanStatus }) {
  return canWrite(ctx) && actorLevel(ctx.scope) !== 'school' && EXCHANGE_EDITABLE.includes(plan.status);
}

/** Locks the plan, checks its version and that it is still editable, and bumps the version (a record's add or removal). */
async function touchPlan(
  tx: Parameters<Parameters<AuthedContext['db']['transaction']>[0]>[0],
  ctx: AuthedContext,
  id: number,
  expected: number,
) {
  const [row] = await tx.select().from(pl).where(eq(pl.id, id)).for('update');
  if (!row || row.version !== expected) throw conflict();
  if (!EXCHANGE_EDITABLE.includes(row.status))
    throw new TRPCError({ code: 'CONFLICT', message: '只有编制中或已退回的交流轮岗计划可以修改' });
  const [updated] = await tx
    .update(pl)
    .set({ updatedBy: ctx.identity.username, updatedAt: ctx.now, version: row.version + 1 })
    .where(eq(pl.id, id))
    .returning({ id: pl.id, version: pl.version });
  return updated!;
}

const SummaryInput = z.object({ schoolYear: ExchangeYear, unitCode: DivisionCode.optional() }).strict();
const EligibleInput = z.object({ planId: RecordId, schoolId: SchoolRef.optional(), q: textField(20, '姓名').optional() }).strict();
const ReceivingInput = z.object({ planId: RecordId, fromSchoolId: SchoolRef, q: textField(40, '搜索词').optional() }).strict();

/** 县管校聘 exchange: plans (list, one, create, change, steps, history), their records, the pickers, the summary. */
export const exchangeRouter = {
  list: read.input(PlanFilter).query(async ({ ctx, input }) => {
    const where = planWhere(ctx, input);
    const [rows, [total]] = await Promise.all([
      planRows(ctx, where)
        .limit(input.pageSize)
        .offset((input.page - 1) * input.pageSize),
      ctx.db.select({ n: count() }).from(pl).where(where),
    ]);
    return {
      total: total?.n ?? 0,
      page: input.page,
      pageSize: input.pageSize,
      canCreate: canWrite(ctx) && actorLevel(ctx.scope) !== 'school',
      rows: rows.map((r) => ({ ...r, submittedAt: iso(r.submittedAt) })),
    };
  }),

  /** One plan with its county's figures for the year and the caller's steps. */
  byId: read.input(Id).query(async ({ ctx, input }) => {
    const plan = await visiblePlan(ctx, input.id);
    const [unit] = await ctx.db.select({ name: orgUnits.name }).from(orgUnits).where(eq(orgUnits.code, plan.unitCode));
    const summary = await summaryOf(ctx, plan.schoolYear, { unitCode: plan.unitCode });
    const level = actorLevel(ctx.scope);
    return {
      ...plan,
      createdAt: plan.createdAt.toISOString(),
      updatedAt: plan.updatedAt.toISOString(),
      submittedAt: iso(plan.submittedAt),
      decidedAt: iso(plan.decidedAt),
      unitName: unit?.name ?? plan.unitCode,
      startOn: schoolYearStart(plan.schoolYear),
      years: summary.years,
      figures: summary.rows[0] ?? null,
      canEdit: editable(ctx, plan),
      allowed: canWrite(ctx) ? wf.allowed(exchangePlanCase(plan), { level, username: ctx.identity.username }) : [],
    };
  }),

  /** A county's plan for a school year (the county its own, the city for any county), as a draft; one per county and year. */
  create: write.input(ExchangePlanInput).mutation(async ({ ctx, input }) => {
    if (actorLevel(ctx.scope) === 'school') throw new TRPCError({ code: 'FORBIDDEN', message: '交流轮岗计划由县市区教育局编制' });
    const [unit] = await ctx.db
      .select({ code: orgUnits.code, name: orgUnits.name, kind: orgUnits.kind })
      .from(orgUnits)
      .where(and(eq(orgUnits.code, input.unitCode), unitScope(ctx.scope, orgUnits.code)));
    if (!unit || unit.kind === 'city') throw fieldError('unitCode', '请选择本人数据范围内的县市区');
    const dup = () => fieldError('schoolYear', `${unit.name}${input.schoolYear}学年已有交流轮岗计划，请在原计划中修改`);
    const who = ctx.identity.username;
    const row = await ctx.db.transaction(async (tx) => {
      const [made] = await tx
        .insert(pl)
        .values({
          unitCode: unit.code,
          schoolYear: input.schoolYear,
          plannedCount: input.plannedCount,
          note: input.note || null,
          status: wf.initial,
          createdBy: who,
          createdAt: ctx.now,
          updatedBy: who,
          updatedAt: ctx.now,
        })
        .onConflictDoNothing({ target: [pl.unitCode, pl.schoolYear] })
        .returning({ id: pl.id, version: pl.version });
      if (!made) return null;
      await auditChange(tx, ctx, {
        action: 'teachers.exchange.create',
        targetType: EXCHANGE_TARGET,
        targetId: made.id,
        after: { ...input, note: input.note || null },
      });
      return made;
    });
    if (!row) throw dup();
    return row;
  }),

  /** Changes the planned count and note while 编制中 or 已退回; a stale version is a CONFLICT. */
  update: write.input(ExchangePlanUpdate).mutation(async ({ ctx, input }) => {
    const seen = await visiblePlan(ctx, input.id);
    if (actorLevel(ctx.scope) === 'school') throw new TRPCError({ code: 'FORBIDDEN', message: '交流轮岗计划由县市区教育局编制' });
    return ctx.db.transaction(async (tx) => {
      const row = await touchPlan(tx, ctx, seen.id, input.expectedVersion);
      const [updated] = await tx
        .update(pl)
        .set({ plannedCount: input.plannedCount, note: input.note || null })
        .where(eq(pl.id, row.id))
        .returning({ id: pl.id, version: pl.version });
      await auditChange(tx, ctx, {
        action: 'teachers.exchange.update',
        targetType: EXCHANGE_TARGET,
        targetId: row.id,
        before: { plannedCount: seen.plannedCount, note: seen.note },
        after: { plannedCount: input.plannedCount, note: input.note || null },
      });
      return updated!;
    });
  }),

  /** 报送 (the county, or the city for it); 审核通过 and 退回 with a reason (the city, not on its own submission). */
  step: write
    .input(
      z
        .object({ id: RecordId, expectedVersion: RecordVersion, action: ExchangePlanAction, reason: textField(500, '原因').optional() })
        .strict(),
    )
    .mutation(async ({ ctx, input }) => {
      await visiblePlan(ctx, input.id);
      const who = ctx.identity.username;
      return applyStep(ctx, {
        wf,
        table: pl,
        stateKey: 'status',
        id: input.id,
        expectedVersion: input.expectedVersion,
        action: input.action,
        reason: input.reason,
        actor: { level: actorLevel(ctx.scope), username: who },
        caseOf: exchangePlanCase,
        changes: () =>
          input.action === 'submit'
            ? { submittedBy: who, submittedAt: ctx.now, returnReason: null }
            : input.action === 'approve'
              ? { decidedBy: who, decidedAt: ctx.now }
              : { returnReason: input.reason ?? null, decidedBy: who, decidedAt: ctx.now },
        // Approval fixes each record's standing on the day (planned until its start, then under way).
        also: async (tx, row, to) => {
          if (to !== 'approved') return;
          const rows = await tx.select({ id: rc.id, startOn: rc.startOn, termYears: rc.termYears }).from(rc).where(eq(rc.planId, row.id));
          for (const r of rows)
            await tx
              .update(rc)
              .set({ status: exchangeStatusOn(r.startOn, r.termYears, ctx.today) })
              .where(eq(rc.id, r.id));
        },
        audit: { targetType: EXCHANGE_TARGET },
      });
    }),

  history: read.input(Id).query(async ({ ctx, input }) => {
    await visiblePlan(ctx, input.id);
    return recordHistory(ctx.db, EXCHANGE_TARGET, input.id);
  }),

  /** The exchange records (of a plan, or across plans) with the list's filters. */
  records: read.input(RecordFilter).query(async ({ ctx, input }) => {
    if (input.planId) await visiblePlan(ctx, input.planId);
    const where = recordWhere(ctx, input);
    const [rows, [total]] = await Promise.all([
      recordRows(ctx, where)
        .limit(input.pageSize)
        .offset((input.page - 1) * input.pageSize),
      ctx.db.select({ n: count() }).from(rc).where(where),
    ]);
    return {
      total: total?.n ?? 0,
      page: input.page,
      pageSize: input.pageSize,
      rows: rows.map((r) => ({ ...r, status: exchangeStatusOn(r.startOn, r.termYears, ctx.today) })),
    };
  }),

  /**
   * Adds a teacher to an editable plan: an eligible teacher in post in the plan's county (`eligibilityRefusal`, not away
   * on an earlier exchange, once a school year), to a public 义务教育 school of the same county, 城→乡 or 优质→薄弱, starting
   * within the school year. The teacher is not moved: the registry keeps them at their school (docs).
   */
  addRecord: write.input(ExchangeRecordInput).mutation(async ({ ctx, input }) => {
    const plan = await visiblePlan(ctx, input.planId);
    if (actorLevel(ctx.scope) === 'school') throw new TRPCError({ code: 'FORBIDDEN', message: '交流轮岗计划由县市区教育局编制' });
    const { years } = await exchangeYears(ctx.db);
    const [person] = await ctx.db
      .select({
        id: st.id,
        name: st.name,
        schoolId: st.schoolId,
        status: st.status,
        post: st.post,
        joinedOn: st.joinedOn,
        ownership: schools.ownership,
        level: schools.level,
        isRural: schools.isRural,
        designation: dg.designation,
      })
      .from(st)
      .innerJoin(schools, eq(schools.id, st.schoolId))
      .leftJoin(dg, designationOn(plan.schoolYear))
      .where(and(eq(st.id, input.staffId), eq(st.unitCode, plan.unitCode), sql`${st.leftOn} is null`));
    if (!person) throw fieldError('staffId', '该教师不在本县市区在岗');
    const refusal = eligibilityRefusal(person, plan.schoolYear, years);
    if (refusal) throw fieldError('staffId', `${person.name}不符合交流条件：${refusal}`);
    const [eligible] = await ctx.db
      .select({ id: st.id })
      .from(st)
      .innerJoin(schools, eq(schools.id, st.schoolId))
      .where(and(eq(st.id, person.id), eligibleWhere(plan.schoolYear, years)));
    if (!eligible) throw fieldError('staffId', `${person.name}正在交流轮岗期内`);
    const [to] = await ctx.db
      .select({
        id: schools.id,
        name: schools.name,
        ownership: schools.ownership,
        level: schools.level,
        isRural: schools.isRural,
        designation: dg.designation,
      })
      .from(schools)
      .leftJoin(dg, designationOn(plan.schoolYear))
      .where(and(eq(schools.id, input.toSchoolId), eq(schools.unitCode, plan.unitCode)));
    if (!to) throw fieldError('toSchoolId', '接收学校应为本县市区的学校');
    if (to.ownership !== 'public' || !EXCHANGE_LEVELS.includes(to.level)) throw fieldError('toSchoolId', '接收学校应为公办义务教育学校');
    const direction = exchangeDirection(person, to);
    if (!direction) throw fieldError('toSchoolId', '交流方向应为城镇学校到乡村学校，或优质学校到薄弱学校');
    const late = startRefusal(input.startOn, plan.schoolYear);
    if (late) throw fieldError('startOn', late);
    return ctx.db.transaction(async (tx) => {
      const touched = await touchPlan(tx, ctx, plan.id, input.expectedVersion);
      const [made] = await tx
        .insert(rc)
        .values({
          planId: plan.id,
          unitCode: plan.unitCode,
          schoolYear: plan.schoolYear,
          staffId: person.id,
          name: person.name,
          schoolId: person.schoolId,
          toSchoolId: to.id,
          direction,
          backbone: input.backbone,
          startOn: input.startOn,
          termYears: input.termYears,
          status: exchangeStatusOn(input.startOn, input.termYears, ctx.today),
          createdBy: ctx.identity.username,
          createdAt: ctx.now,
        })
        .onConflictDoNothing({ target: [rc.staffId, rc.schoolYear] })
        .returning({ id: rc.id });
      if (!made) throw fieldError('staffId', `${person.name}本学年已在交流轮岗计划中`);
      await auditChange(tx, ctx, {
        action: 'teachers.exchange.addRecord',
        targetType: EXCHANGE_TARGET,
        targetId: plan.id,
        after: {
          recordId: made.id,
          staffId: person.id,
          name: person.name,
          fromSchoolId: person.schoolId,
          toSchoolId: to.id,
          direction,
          backbone: input.backbone,
          startOn: input.startOn,
          termYears: input.termYears,
        },
      });
      return { id: made.id, version: touched.version };
    });
  }),

  /** Removes a teacher from an editable plan. */
  removeRecord: write.input(ExchangeRecordRemove).mutation(async ({ ctx, input }) => {
    const plan = await visiblePlan(ctx, input.planId);
    if (actorLevel(ctx.scope) === 'school') throw new TRPCError({ code: 'FORBIDDEN', message: '交流轮岗计划由县市区教育局编制' });
    return ctx.db.transaction(async (tx) => {
      const touched = await touchPlan(tx, ctx, plan.id, input.expectedVersion);
      const [gone] = await tx
        .delete(rc)
        .where(and(eq(rc.id, input.recordId), eq(rc.planId, plan.id)))
        .returning({ id: rc.id, staffId: rc.staffId, name: rc.name, toSchoolId: rc.toSchoolId });
      if (!gone) throw fieldError('recordId', '该交流记录不在本计划中');
      await auditChange(tx, ctx, {
        action: 'teachers.exchange.removeRecord',
        targetType: EXCHANGE_TARGET,
        targetId: plan.id,
        before: { recordId: gone.id, staffId: gone.staffId, name: gone.name, toSchoolId: gone.toSchoolId },
      });
      return { version: touched.version };
    });
  }),

  /** Eligible teachers of the plan's county (of one school), not yet in an exchange this school year — to pick from. */
  eligible: read.input(EligibleInput).query(async ({ ctx, input }) => {
    const plan = await visiblePlan(ctx, input.planId);
    const { years } = await exchangeYears(ctx.db);
    const rows = await ctx.db
      .select({
        id: st.id,
        name: st.name,
        schoolId: st.schoolId,
        schoolName: schools.name,
        isRural: schools.isRural,
        designation: dg.designation,
        title: st.title,
        subject: st.subject,
        joinedOn: st.joinedOn,
      })
      .from(st)
      .innerJoin(schools, eq(schools.id, st.schoolId))
      .leftJoin(dg, designationOn(plan.schoolYear))
      .where(
        and(
          eq(st.unitCode, plan.unitCode),
          eligibleWhere(plan.schoolYear, years),
          sendingSchool,
          input.schoolId ? eq(st.schoolId, input.schoolId) : undefined,
          input.q ? containsText(st.name, input.q) : undefined,
          sql`not exists (select 1 from ${rc} where ${rc.staffId} = ${st.id} and ${rc.schoolYear} = ${plan.schoolYear})`,
        ),
      )
      .orderBy(asc(schools.code), asc(st.id))
      .limit(50);
    return rows.map((r) => ({ ...r, years: wholeYears(r.joinedOn, schoolYearStart(plan.schoolYear)) }));
  }),

  /** The schools of the plan's county a teacher of `fromSchoolId` may exchange to (城→乡 or 优质→薄弱), with the direction. */
  receiving: read.input(ReceivingInput).query(async ({ ctx, input }) => {
    const plan = await visiblePlan(ctx, input.planId);
    const [from] = await ctx.db
      .select({ isRural: schools.isRural, designation: dg.designation })
      .from(schools)
      .leftJoin(dg, designationOn(plan.schoolYear))
      .where(and(eq(schools.id, input.fromSchoolId), eq(schools.unitCode, plan.unitCode)));
    if (!from) throw fieldError('fromSchoolId', '学校应为本县市区的学校');
    const rows = await ctx.db
      .select({ id: schools.id, name: schools.name, isRural: schools.isRural, designation: dg.designation })
      .from(schools)
      .leftJoin(dg, designationOn(plan.schoolYear))
      .where(
        and(
          eq(schools.unitCode, plan.unitCode),
          eq(schools.ownership, 'public'),
          inArray(schools.level, [...EXCHANGE_LEVELS]),
          input.q ? ilike(schools.name, contains(input.q)) : undefined,
        ),
      )
      .orderBy(asc(schools.code));
    return rows
      .map((s) => ({ id: s.id, name: s.name, direction: exchangeDirection(from, s) }))
      .filter((s): s is typeof s & { direction: ExchangeDirection } => s.direction !== null)
      .slice(0, 50)
      .map((s) => ({ ...s, directionLabel: EXCHANGE_DIRECTION_LABELS[s.direction].zh }));
  }),

  /** Per county for a school year: eligible, needed for 10%, exchanged and 骨干 (the plans' records), the two ratios. */
  summary: read.input(SummaryInput).query(({ ctx, input }) => summaryOf(ctx, input.schoolYear, { unitCode: input.unitCode })),

  designations: exchangeDesignationsRouter,
  ...exchangeFilesRouter,
} satisfies TRPCRouterRecord;

import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { and, count, eq, gt, isNull, lt, ne, notExists, sql } from 'drizzle-orm';
import { z } from 'zod';
import { decryptField, tables, type Tx } from '@hyedu/db';
import { RecordId, textField } from '@hyedu/domain';
import {
  DispatchInput,
  dispatchRefusal,
  needFill,
  needRefusal,
  SUPPORT_STAGE_LABELS,
  SupportNeedInput,
  SupportNeedUpdate,
} from '@hyedu/domain/teachers';
import { auditChange } from '../../../audit-change.ts';
import type { AuthedContext } from '../../../context.ts';
import { exportBook, MAX_EXPORT, NO_PAGE } from '../../../exports.ts';
import { fieldError } from '../../../field-error.ts';
import { recordHistory } from '../../../history.ts';
import { containsText } from '../../../queries.ts';
import { actorLevel, recordScope, schoolInScope } from '../../../record-scope.ts';
import { scoped } from '../../../scoped.ts';
import { passes } from '../../../trpc.ts';
import { conflict } from '../../../workflow-step.ts';
import { passGate, recordEntry, STAFF_TARGET, staffCipherId } from '../gate.ts';
import { exporter, read, write } from '../procedures.ts';
import { DispatchFilter, dispatchRows, dispatchWhere, NeedFilter, needRows, needWhere } from './query.ts';

const { teacherSupportNeeds: nd, teacherSupportDispatches: dp, teacherStaff: st, schools, orgUnits } = tables;
export const NEED_TARGET = 'teacher_support_need';
export const DISPATCH_TARGET = 'teacher_support_dispatch';
type Ctx = Pick<AuthedContext, 'db' | 'scope'>;
const Id = z.object({ id: RecordId }).strict();

/** A need of a receiving school in the caller's scope, or the one NOT_FOUND. */
const visibleNeed = (ctx: Ctx, id: number) =>
  scoped(
    NEED_TARGET,
    id,
    async () =>
      (
        await ctx.db
          .select()
          .from(nd)
          .where(and(eq(nd.id, id), recordScope(ctx.scope, nd)))
      )[0],
  );

/** A staff row in the caller's scope (in post or not: the rule says which may be dispatched), or the one NOT_FOUND. */
const visibleStaff = (ctx: Ctx, id: number) =>
  scoped(
    STAFF_TARGET,
    id,
    async () =>
      (
        await ctx.db
          .select()
          .from(st)
          .where(and(eq(st.id, id), recordScope(ctx.scope, st)))
      )[0],
  );

const dispatchedNow = async (tx: Pick<Tx, 'select'>, needId: number) =>
  (await tx.select({ n: count() }).from(dp).where(eq(dp.needId, needId)))[0]?.n ?? 0;

/** Only the bureaus dispatch (a county its teachers to its schools, the city across counties). */
const bureauOnly = (ctx: Ctx) => {
  if (actorLevel(ctx.scope) === 'school') throw new TRPCError({ code: 'FORBIDDEN', message: '支教派遣由县市区教育局或市教育局办理' });
};

const canWrite = (ctx: AuthedContext) => passes(ctx, { access: 'area', area: 'teachers', action: 'write' });
const stageText = (s: keyof typeof SUPPORT_STAGE_LABELS) => SUPPORT_STAGE_LABELS[s].zh;
const pct = (fill: number) => `${Math.round(fill * 1000) / 10}%`;

/** 支教: receiving schools' needs with their fill, and the dispatches to them — each through the entry gate. */
export const supportRouter = {
  needs: read.input(NeedFilter).query(async ({ ctx, input }) => {
    const where = needWhere(ctx.scope, input);
    const [rows, [total], mayWrite] = await Promise.all([
      needRows(ctx.db, where)
        .limit(input.pageSize)
        .offset((input.page - 1) * input.pageSize),
      ctx.db.select({ n: count() }).from(nd).innerJoin(schools, eq(schools.id, nd.schoolId)).where(where),
      canWrite(ctx),
    ]);
    return {
      total: total?.n ?? 0,
      page: input.page,
      pageSize: input.pageSize,
      canCreate: mayWrite,
      rows: rows.map((r) => ({ ...r, fill: needFill(r.dispatched, r.needed) })),
    };
  }),

  /** One need with its school, its fill, its dispatches and what the caller may do. */
  need: read.input(Id).query(async ({ ctx, input }) => {
    const need = await visibleNeed(ctx, input.id);
    const [[school], dispatches, mayWrite] = await Promise.all([
      ctx.db
        .select({ name: schools.name, code: schools.code, unitName: orgUnits.name })
        .from(schools)
        .innerJoin(orgUnits, eq(orgUnits.code, schools.unitCode))
        .where(eq(schools.id, need.schoolId)),
      dispatchRows(ctx.db, eq(dp.needId, need.id)),
      canWrite(ctx),
    ]);
    return {
      ...need,
      createdAt: need.createdAt.toISOString(),
      updatedAt: need.updatedAt.toISOString(),
      school: school!,
      dispatched: dispatches.length,
      fill: needFill(dispatches.length, need.needed),
      dispatches,
      canEdit: mayWrite,
      canDispatch: mayWrite && actorLevel(ctx.scope) !== 'school' && dispatches.length < need.needed,
    };
  }),

  /** 提出需求: a receiving school for itself, or its county (the city for any school). */
  createNeed: write.input(SupportNeedInput).mutation(async ({ ctx, input }) => {
    const school = await schoolInScope(ctx, input.schoolId);
    const refusal = needRefusal(input);
    if (refusal) throw fieldError(refusal.field, refusal.message);
    const who = ctx.identity.username;
    return ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(nd)
        .values({
          schoolId: school.id,
          unitCode: school.unitCode,
          schoolYear: input.schoolYear,
          subject: input.subject,
          schoolStage: input.schoolStage,
          needed: input.needed,
          startsOn: input.startsOn,
          endsOn: input.endsOn,
          note: input.note || null,
          createdBy: who,
          createdAt: ctx.now,
          updatedBy: who,
          updatedAt: ctx.now,
        })
        .returning({ id: nd.id, version: nd.version });
      await auditChange(tx, ctx, {
        action: 'teachers.support.createNeed',
        targetType: NEED_TARGET,
        targetId: row!.id,
        after: { school: school.code, ...input },
      });
      return row!;
    });
  }),

  /** Corrects a need; never below the teachers already dispatched to it. A stale version is a CONFLICT. */
  updateNeed: write.input(SupportNeedUpdate).mutation(async ({ ctx, input }) => {
    const seen = await visibleNeed(ctx, input.id);
    const { id: _id, expectedVersion, ...fields } = input;
    return ctx.db.transaction(async (tx) => {
      const [row] = await tx.select().from(nd).where(eq(nd.id, seen.id)).for('update');
      if (!row || row.version !== expectedVersion) throw conflict();
      const refusal = needRefusal(fields, await dispatchedNow(tx, row.id));
      if (refusal) throw fieldError(refusal.field, refusal.message);
      const [updated] = await tx
        .update(nd)
        .set({ ...fields, note: fields.note || null, updatedBy: ctx.identity.username, updatedAt: ctx.now, version: row.version + 1 })
        .where(eq(nd.id, row.id))
        .returning({ id: nd.id, version: nd.version });
      const { schoolYear, subject, schoolStage, needed, startsOn, endsOn, note } = row;
      await auditChange(tx, ctx, {
        action: 'teachers.support.updateNeed',
        targetType: NEED_TARGET,
        targetId: row.id,
        before: { schoolYear, subject, schoolStage, needed, startsOn, endsOn, note },
        after: fields,
      });
      return updated!;
    });
  }),

  /** The teachers in post in the caller's scope who may be dispatched to a need (not at its school), by name. */
  candidates: read.input(z.object({ needId: RecordId, q: textField(20, '姓名').optional() }).strict()).query(async ({ ctx, input }) => {
    const need = await visibleNeed(ctx, input.needId);
    return ctx.db
      .select({ id: st.id, name: st.name, schoolName: schools.name, subject: st.subject, title: st.title })
      .from(st)
      .innerJoin(schools, eq(schools.id, st.schoolId))
      .where(
        and(
          isNull(st.leftOn),
          recordScope(ctx.scope, st),
          eq(st.post, 'teacher'),
          ne(st.schoolId, need.schoolId),
          // not already dispatched over part of the need's period
          notExists(
            ctx.db
              .select({ one: sql`1` })
              .from(dp)
              .where(and(eq(dp.idIndex, st.idIndex), lt(dp.startsOn, need.endsOn), gt(dp.endsOn, need.startsOn))),
          ),
          input.q ? containsText(st.name, input.q) : undefined,
        ),
      )
      .orderBy(st.unitCode, st.schoolId, st.id)
      .limit(20);
  }),

  /**
   * 派遣: a teacher in post at another school of the caller's scope to a need of the caller's scope, within the need
   * and its period, through the entry gate (kind `support`: a recent clear 准入查询, no standing 黑名单 entry). A refused
   * dispatch leaves an entry row with the reason and a denied audit record, like a refused hire.
   */
  dispatch: write.input(DispatchInput).mutation(async ({ ctx, input }) => {
    const need = await visibleNeed(ctx, input.needId);
    const teacher = await visibleStaff(ctx, input.staffId);
    bureauOnly(ctx);
    if (need.version !== input.expectedVersion) throw conflict();
    const [overlap] = await ctx.db
      .select({ id: dp.id })
      .from(dp)
      .where(and(eq(dp.idIndex, teacher.idIndex), lt(dp.startsOn, input.endsOn), gt(dp.endsOn, input.startsOn)))
      .limit(1);
    const refusal = dispatchRefusal({
      need,
      dispatched: await dispatchedNow(ctx.db, need.id),
      teacher: { inPost: teacher.leftOn === null, schoolId: teacher.schoolId },
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      overlapping: !!overlap,
    });
    if (refusal) throw fieldError(refusal.field, refusal.message);
    const entry = {
      kind: 'support' as const,
      name: teacher.name,
      idNumber: decryptField(ctx.keys.dataKey, teacher.idCipher, staffCipherId(teacher.idIndex)),
      idIndex: teacher.idIndex,
      fromSchoolId: teacher.schoolId,
      schoolId: need.schoolId,
      unitCode: need.unitCode,
      entersOn: input.startsOn,
      query: input.query ?? null,
      personField: 'staffId',
    };
    await passGate(ctx, entry);
    return ctx.db.transaction(async (tx) => {
      // The need's row lock serialises dispatches to it: the last place goes to one of two racing dispatches.
      const [row] = await tx.select().from(nd).where(eq(nd.id, need.id)).for('update');
      if (!row || row.version !== input.expectedVersion) throw conflict();
      if ((await dispatchedNow(tx, row.id)) >= row.needed) throw fieldError('needId', `该需求已派满（需${row.needed}人）`);
      const [admitted] = await recordEntry(tx, ctx, entry, teacher.id);
      const [made] = await tx
        .insert(dp)
        .values({
          needId: row.id,
          staffId: teacher.id,
          fromSchoolId: teacher.schoolId,
          fromUnitCode: teacher.unitCode,
          schoolId: row.schoolId,
          unitCode: row.unitCode,
          idIndex: teacher.idIndex,
          startsOn: input.startsOn,
          endsOn: input.endsOn,
          entryId: admitted!.id,
          note: input.note || null,
          createdBy: ctx.identity.username,
          createdAt: ctx.now,
        })
        .returning({ id: dp.id });
      const [moved] = await tx
        .update(nd)
        .set({ version: row.version + 1 })
        .where(eq(nd.id, row.id))
        .returning({ version: nd.version });
      await auditChange(tx, ctx, {
        action: 'teachers.support.dispatch',
        targetType: NEED_TARGET,
        targetId: row.id,
        after: {
          dispatchId: made!.id,
          staffId: teacher.id,
          fromSchoolId: teacher.schoolId,
          startsOn: input.startsOn,
          endsOn: input.endsOn,
          query: input.query,
        },
      });
      return { id: made!.id, version: moved!.version };
    });
  }),

  /** The dispatches to and from the caller's scope, with the list's filters. */
  dispatches: read.input(DispatchFilter).query(async ({ ctx, input }) => {
    const where = dispatchWhere(ctx.scope, input);
    const [rows, [total]] = await Promise.all([
      dispatchRows(ctx.db, where)
        .limit(input.pageSize)
        .offset((input.page - 1) * input.pageSize),
      ctx.db.select({ n: count() }).from(dp).innerJoin(nd, eq(nd.id, dp.needId)).innerJoin(st, eq(st.id, dp.staffId)).where(where),
    ]);
    return { total: total?.n ?? 0, page: input.page, pageSize: input.pageSize, rows };
  }),

  history: read.input(Id).query(async ({ ctx, input }) => {
    await visibleNeed(ctx, input.id);
    return recordHistory(ctx.db, NEED_TARGET, input.id);
  }),

  /** The needs list as Excel, with its filters. */
  exportNeeds: exporter.input(NeedFilter.omit(NO_PAGE)).query(async ({ ctx, input }) => {
    const rows = await needRows(ctx.db, needWhere(ctx.scope, input)).limit(MAX_EXPORT);
    return exportBook(
      ctx,
      '支教需求',
      [
        { key: 'unitName', header: '县市区', width: 10 },
        { key: 'schoolCode', header: '学校标识码', width: 13 },
        { key: 'schoolName', header: '受援学校', width: 26 },
        { key: 'schoolYear', header: '学年', width: 11 },
        { key: 'schoolStage', header: '学段', width: 8 },
        { key: 'subject', header: '学科', width: 10 },
        { key: 'needed', header: '需求人数', width: 9 },
        { key: 'dispatched', header: '已派遣', width: 8 },
        { key: 'fill', header: '满足率', width: 8 },
        { key: 'startsOn', header: '开始日期', width: 11 },
        { key: 'endsOn', header: '结束日期', width: 11 },
      ],
      rows.map((r) => ({ ...r, schoolStage: stageText(r.schoolStage), fill: pct(needFill(r.dispatched, r.needed)) })),
    );
  }),

  /** The dispatches list as Excel, with its filters. */
  exportDispatches: exporter.input(DispatchFilter.omit(NO_PAGE)).query(async ({ ctx, input }) => {
    const rows = await dispatchRows(ctx.db, dispatchWhere(ctx.scope, input)).limit(MAX_EXPORT);
    return exportBook(
      ctx,
      '支教派遣',
      [
        { key: 'name', header: '教师', width: 10 },
        { key: 'fromSchoolName', header: '派出学校', width: 26 },
        { key: 'unitName', header: '受援县市区', width: 10 },
        { key: 'schoolName', header: '受援学校', width: 26 },
        { key: 'schoolYear', header: '学年', width: 11 },
        { key: 'schoolStage', header: '学段', width: 8 },
        { key: 'subject', header: '学科', width: 10 },
        { key: 'startsOn', header: '开始日期', width: 11 },
        { key: 'endsOn', header: '结束日期', width: 11 },
      ],
      rows.map((r) => ({ ...r, schoolStage: stageText(r.schoolStage) })),
    );
  }),
} satisfies TRPCRouterRecord;

import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { and, asc, count, eq, ne, or } from 'drizzle-orm';
import { z } from 'zod';
import { tables, type Tx } from '@hyedu/db';
import { RecordId, RecordVersion, textField } from '@hyedu/domain';
import {
  needsConversion,
  TrainingConversionAction,
  TrainingInput,
  trainingRefusals,
  TrainingUpdate,
  TRAINING_CONVERSION_WORKFLOW as wf,
  type TrainingConversionState,
  type TrainingStaffInput,
} from '@hyedu/domain/private-edu';
import { auditChange } from '../../../audit-change.ts';
import type { AuthedContext } from '../../../context.ts';
import { fieldError } from '../../../field-error.ts';
import { recordHistory } from '../../../history.ts';
import { afterKey, nextCursor, readCursor } from '../../../keyset.ts';
import { listUnits } from '../../../queries.ts';
import { actorLevel } from '../../../record-scope.ts';
import { notFound, scoped } from '../../../scoped.ts';
import { applyStep, conflict } from '../../../workflow-step.ts';
import { unitInScope, unitRecordScope } from '../../funding/access.ts';
import { canWrite } from '../inspection-access.ts';
import { list, read, write } from '../procedures.ts';
import { onPlatformSql, TRAINING_TARGET as TARGET, TRAINING_KEY, TrainingFilter, trainingRows, trainingWhere } from './query.ts';

const { privateTrainingInstitutions: i, privateTrainingStaff: st, orgUnits } = tables;
const Id = z.object({ id: RecordId }).strict();
type Ctx = Pick<AuthedContext, 'db' | 'scope'>;

/** An institution in the caller's scope (a county its own, the city every one, a school none), or the audited NOT_FOUND. */
export const visibleInstitution = (ctx: Ctx, id: number) =>
  scoped(
    TARGET,
    id,
    async () =>
      (
        await ctx.db
          .select()
          .from(i)
          .where(and(eq(i.id, id), unitRecordScope(ctx.scope, i.unitCode)))
      )[0],
  );

/** The cross-field refusals as one field-level 400 (the first; every one is on the record's form). */
function refuse(input: TrainingInput | TrainingUpdate, today: string) {
  const [first] = trainingRefusals(input, today);
  if (first)
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: first.message,
      cause: new z.ZodRealError([
        {
          code: 'custom',
          path: first.field.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s)),
          message: first.message,
          input: undefined,
        },
      ]),
    });
}

/** Another institution with the same USCC or national id: a field-level refusal. */
async function refuseDuplicate(ctx: Ctx, input: { uscc: string; platformId?: string }, id?: number) {
  const [dup] = await ctx.db
    .select({ uscc: i.uscc, platformId: i.platformId })
    .from(i)
    .where(
      and(or(eq(i.uscc, input.uscc), input.platformId ? eq(i.platformId, input.platformId) : undefined), id ? ne(i.id, id) : undefined),
    )
    .limit(1);
  if (!dup) return;
  if (dup.uscc === input.uscc) throw fieldError('uscc', '已有机构使用该统一社会信用代码');
  throw fieldError('platformId', '已有机构使用该全国平台机构编号');
}

const columnsOf = (input: TrainingInput | TrainingUpdate) => ({
  name: input.name,
  uscc: input.uscc,
  licenceNo: input.licenceNo,
  licenceValidUntil: input.licenceValidUntil ?? null,
  approvedOn: input.approvedOn,
  address: input.address,
  area: input.floorArea,
  category: input.trainingCategory,
  subType: input.trainingCategory === 'non_academic' ? (input.subType ?? null) : null,
  stage: input.trainingStage,
  mode: input.mode,
  nature: input.nature,
  status: input.operatingStatus,
  deregisteredOn: input.deregisteredOn ?? null,
  leftAcademicOn: input.leftAcademicOn ?? null,
  platformId: input.platformId || null,
  feeSupervision: input.feeSupervision,
  whiteList: input.whiteList,
  staffCount: input.staff.length,
});

/** A row's fields under the input's names (the audit record speaks the form's language). */
const inputOf = (r: typeof i.$inferSelect) => ({
  name: r.name,
  uscc: r.uscc,
  licenceNo: r.licenceNo,
  licenceValidUntil: r.licenceValidUntil,
  approvedOn: r.approvedOn,
  address: r.address,
  floorArea: r.area,
  trainingCategory: r.category,
  subType: r.subType,
  trainingStage: r.stage,
  mode: r.mode,
  nature: r.nature,
  operatingStatus: r.status,
  deregisteredOn: r.deregisteredOn,
  leftAcademicOn: r.leftAcademicOn,
  platformId: r.platformId,
  feeSupervision: r.feeSupervision,
  whiteList: r.whiteList,
});

const staffOfInput = (staff: readonly TrainingStaffInput[]) =>
  staff.map((s) => ({ name: s.name, role: s.role, subject: s.subject || null, certificateNo: s.certificateNo || null }));

const writeStaff = async (tx: Tx, institutionId: number, staff: readonly TrainingStaffInput[]) => {
  await tx.delete(st).where(eq(st.institutionId, institutionId));
  if (staff.length)
    await tx.insert(st).values(
      staff.map((s) => ({
        institutionId,
        name: s.name,
        role: s.role,
        subject: s.subject || null,
        certificateNo: s.certificateNo || null,
      })),
    );
};

const staffOf = (db: Ctx['db'] | Tx, id: number) =>
  db
    .select({ name: st.name, role: st.role, subject: st.subject, certificateNo: st.certificateNo })
    .from(st)
    .where(eq(st.institutionId, id))
    .orderBy(asc(st.id));

const caseOf = (row: { conversionState: TrainingConversionState | null }) => ({ state: row.conversionState!, submittedBy: null });

/** 校外培训机构: the register's list, one institution, entering and correcting one (staff with it), 营改非 steps, history. */
export const institutionsRouter = {
  list: list.input(TrainingFilter).query(async ({ ctx, input }) => {
    const where = trainingWhere(ctx.scope, input);
    const after = readCursor(input.after, TRAINING_KEY);
    const [rows, [total]] = await Promise.all([
      after
        ? trainingRows(ctx.db, and(where, afterKey(TRAINING_KEY, after))).limit(input.pageSize)
        : trainingRows(ctx.db, where)
            .limit(input.pageSize)
            .offset((input.page - 1) * input.pageSize),
      ctx.db.select({ n: count() }).from(i).where(where),
    ]);
    return {
      total: total?.n ?? 0,
      page: input.page,
      pageSize: input.pageSize,
      next: nextCursor(rows, input.pageSize, (r) => [r.id]),
      canCreate: canWrite(ctx.identity.grants) && actorLevel(ctx.scope) !== 'school',
      rows,
    };
  }),

  /** The counties the caller may enter an institution for. */
  units: read.query(async ({ ctx }) =>
    actorLevel(ctx.scope) === 'school'
      ? []
      : (await listUnits(ctx.db, ctx.scope)).filter((u) => u.kind !== 'city').map(({ code, name }) => ({ code, name })),
  ),

  /** One institution with its staff, whether it is on the national platform, and the caller's 营改非 steps. */
  byId: read.input(Id).query(async ({ ctx, input }) => {
    const row = await visibleInstitution(ctx, input.id);
    const [[unit], staff, [platform]] = await Promise.all([
      ctx.db.select({ name: orgUnits.name }).from(orgUnits).where(eq(orgUnits.code, row.unitCode)),
      staffOf(ctx.db, row.id),
      ctx.db.select({ on: onPlatformSql() }).from(i).where(eq(i.id, row.id)),
    ]);
    const writes = canWrite(ctx.identity.grants) && actorLevel(ctx.scope) !== 'school';
    const actor = { level: actorLevel(ctx.scope), username: ctx.identity.username };
    return {
      ...row,
      createdAt: row.createdAt.toISOString(),
      unitName: unit?.name ?? row.unitCode,
      staff,
      onPlatform: Boolean(platform?.on),
      canEdit: writes,
      allowed: writes && row.conversionState ? wf.allowed(caseOf(row), actor) : [],
    };
  }),

  /** A new institution of the register (a county its own; the city any county); 营改非 opens for a 义务教育 学科类 营利 one. */
  create: write.input(TrainingInput).mutation(async ({ ctx, input }) => {
    if (!unitInScope(ctx.scope, input.unitCode)) throw notFound('org_unit', input.unitCode);
    const [unit] = await ctx.db.select({ kind: orgUnits.kind }).from(orgUnits).where(eq(orgUnits.code, input.unitCode));
    if (!unit || unit.kind === 'city') throw fieldError('unitCode', '没有这个县市区');
    refuse(input, ctx.today);
    await refuseDuplicate(ctx, input);
    return ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(i)
        .values({
          unitCode: input.unitCode,
          ...columnsOf(input),
          conversionState: needsConversion(columnsOf(input)) ? wf.initial : null,
          createdBy: ctx.identity.username,
          createdAt: ctx.now,
        })
        .returning({ id: i.id, version: i.version });
      await writeStaff(tx, row!.id, input.staff);
      await auditChange(tx, ctx, { action: 'privateEdu.training.create', targetType: TARGET, targetId: row!.id, after: input });
      return row!;
    });
  }),

  /** Corrects an institution with its staff (replaced as a whole); a stale version is a CONFLICT. */
  update: write.input(TrainingUpdate).mutation(async ({ ctx, input }) => {
    const seen = await visibleInstitution(ctx, input.id);
    if (actorLevel(ctx.scope) === 'school') throw notFound(TARGET, input.id);
    refuse(input, ctx.today);
    await refuseDuplicate(ctx, input, seen.id);
    return ctx.db.transaction(async (tx) => {
      const [row] = await tx.select().from(i).where(eq(i.id, seen.id)).for('update');
      if (!row || row.version !== input.expectedVersion) throw conflict();
      const staffBefore = await staffOf(tx, row.id);
      const values = columnsOf(input);
      const conversionState = row.conversionState ?? (needsConversion(columnsOf(input)) ? wf.initial : null);
      const [updated] = await tx
        .update(i)
        .set({ ...values, conversionState, version: row.version + 1 })
        .where(eq(i.id, row.id))
        .returning({ id: i.id, version: i.version });
      await writeStaff(tx, row.id, input.staff);
      const was = inputOf(row);
      const now = inputOf({ ...row, ...values });
      const changed = (Object.keys(now) as (keyof typeof now)[]).filter((k) => now[k] !== was[k]);
      const staffChanged = JSON.stringify(staffBefore) !== JSON.stringify(staffOfInput(input.staff));
      await auditChange(tx, ctx, {
        action: 'privateEdu.training.update',
        targetType: TARGET,
        targetId: row.id,
        before: { ...Object.fromEntries(changed.map((k) => [k, was[k]])), ...(staffChanged ? { staff: staffBefore } : {}) },
        after: { ...Object.fromEntries(changed.map((k) => [k, now[k]])), ...(staffChanged ? { staff: input.staff } : {}) },
      });
      return updated!;
    });
  }),

  /** A 营改非 step (the county or the city); 终止 with a reason; 确认完成 makes the institution 非营利. */
  step: write
    .input(
      z
        .object({
          id: RecordId,
          expectedVersion: RecordVersion,
          action: TrainingConversionAction,
          reason: textField(500, '原因').optional(),
        })
        .strict(),
    )
    .mutation(async ({ ctx, input }) => {
      const row = await visibleInstitution(ctx, input.id);
      if (!row.conversionState) throw new TRPCError({ code: 'CONFLICT', message: '该机构无需“营改非”' });
      return applyStep(ctx, {
        wf,
        table: i,
        stateKey: 'conversionState',
        id: input.id,
        expectedVersion: input.expectedVersion,
        action: input.action,
        reason: input.reason,
        actor: { level: actorLevel(ctx.scope), username: ctx.identity.username },
        caseOf,
        changes: (_, to) =>
          to === 'done' ? { nature: 'non_profit' as const } : to === 'terminated' ? { conversionReason: input.reason ?? null } : {},
        audit: { targetType: TARGET },
      });
    }),

  history: read.input(Id).query(async ({ ctx, input }) => {
    await visibleInstitution(ctx, input.id);
    return recordHistory(ctx.db, TARGET, input.id);
  }),
} satisfies TRPCRouterRecord;

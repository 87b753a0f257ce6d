import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { and, asc, count, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import { tables, type Tx } from '@hyedu/db';
import { RecordId, showsInline } from '@hyedu/domain';
import {
  DEFAULT_ENFORCEMENT_DEADLINES,
  ENFORCEMENT_OPEN_STATES,
  enforcementCase,
  enforcementDue,
  EnforcementInput,
  enforcementOverdue,
  EnforcementStepInput,
  EnforcementUpdate,
  handlerRefusal,
  stepDateRefusal,
  ENFORCEMENT_WORKFLOW as wf,
  type EnforcementStepInput as StepInput,
} from '@hyedu/domain/private-edu';
import { auditChange } from '../../../audit-change.ts';
import type { AuthedContext } from '../../../context.ts';
import { fieldError } from '../../../field-error.ts';
import { recordHistory } from '../../../history.ts';
import { actorLevel } from '../../../record-scope.ts';
import { notFound } from '../../../scoped.ts';
import { applyStep, conflict } from '../../../workflow-step.ts';
import { unitRecordScope } from '../../funding/access.ts';
import { canWrite } from '../inspection-access.ts';
import { read, write } from '../procedures.ts';
import { visibleInstitution } from '../training/institutions.ts';
import { EnforcementFilter, enforcementRows, enforcementWhere, EVIDENCE, TARGET, unitInScope, visibleCase } from './query.ts';

const { privateEnforcementCases: r, orgUnits, attachments, privateTrainingInstitutions: ti } = tables;
const Id = z.object({ id: RecordId }).strict();
type Row = typeof r.$inferSelect;

/** The county a new case belongs to: a county's own (another is NOT_FOUND, audited); the city names one (交办). */
async function unitFor(ctx: AuthedContext, unitCode: string | undefined) {
  const level = actorLevel(ctx.scope);
  if (level === 'school') throw notFound('org_unit', unitCode ?? '');
  const code = unitCode ?? (ctx.scope.kind === 'units' && ctx.scope.unitCodes.length === 1 ? ctx.scope.unitCodes[0] : undefined);
  if (!code) throw fieldError('unitCode', '请选择案件所属县市区');
  if (!unitInScope(ctx.scope, code)) throw notFound('org_unit', code);
  const [unit] = await ctx.db
    .select({ code: orgUnits.code, name: orgUnits.name })
    .from(orgUnits)
    .where(and(eq(orgUnits.code, code), ne(orgUnits.kind, 'city')));
  if (!unit) throw level === 'city' ? fieldError('unitCode', '请选择案件所属县市区') : notFound('org_unit', code);
  return unit;
}

/** The caller must be the case's handler (the county, or the city once it took the case up). */
function handles(ctx: AuthedContext, row: Row) {
  const refusal = handlerRefusal(actorLevel(ctx.scope), row.handlerLevel);
  if (refusal) throw new TRPCError({ code: 'FORBIDDEN', message: refusal });
}

const iso = (d: Date) => d.toISOString();
const nul = <T>(v: T | undefined) => (v === undefined || v === '' ? null : v);

/** The case's own fields as the form sends them (absent optional ones cleared). */
const fieldsOf = (i: Omit<EnforcementInput, 'unitCode' | 'cityHandles'>) => ({
  subjectName: i.subjectName,
  subjectAddress: i.subjectAddress,
  uscc: nul(i.uscc),
  violation: i.violation,
  covertForm: nul(i.covertForm),
  clueSource: i.clueSource,
  clueOn: i.clueOn,
  summary: i.summary,
  prepaidFrom: nul(i.prepaidFrom),
  prepaidTo: nul(i.prepaidTo),
  prepaidLessons: nul(i.prepaidLessons),
  prepaidAmount: nul(i.prepaidAmount),
  institutionId: nul(i.institutionId),
});

/** The register's institution a case names: in the caller's scope (else the audited NOT_FOUND) and the case's county. */
async function institutionFor(ctx: AuthedContext, id: number | undefined, unitCode: string) {
  if (id === undefined) return;
  const institution = await visibleInstitution(ctx, id);
  if (institution.unitCode !== unitCode) throw fieldError('institutionId', '该培训机构不在案件所属县市区');
}

/** What a step writes besides the state (its own fields; 提级 and 交回 the handler). */
function changesOf(i: StepInput): Partial<Row> {
  switch (i.action) {
    case 'file':
      return { filedOn: i.filedOn, caseNo: i.caseNo };
    case 'decline':
      return { declineReason: i.reason };
    case 'notify':
      return { notifiedOn: i.notifiedOn, hearingRequested: i.hearingRequested, representation: nul(i.representation) };
    case 'decide':
      return {
        decidedOn: i.decidedOn,
        decisionNo: i.decisionNo,
        penalties: i.penalties,
        fineFen: nul(i.fineFen),
        confiscatedFen: nul(i.confiscatedFen),
      };
    case 'execute':
      return { executedOn: i.executedOn, executionResult: i.executionResult };
    case 'close':
      return { closedOn: i.closedOn };
    case 'escalate':
      return { handlerLevel: 'city' };
    case 'hand_back':
      return { handlerLevel: 'county' };
    default:
      return {};
  }
}
const STEP_DATE = { file: 'filedOn', notify: 'notifiedOn', decide: 'decidedOn', execute: 'executedOn', close: 'closedOn' } as const;

const evidenceCount = async (tx: Tx, id: number) =>
  Number(
    (
      await tx
        .select({ n: count() })
        .from(attachments)
        .where(and(eq(attachments.ownerType, EVIDENCE), eq(attachments.ownerId, id)))
    )[0]?.n ?? 0,
  );

/** 校外培训执法案件: list, one case, 线索登记, correcting an open case, its steps and its history. */
export const enforcementCasesRouter = {
  list: read.input(EnforcementFilter).query(async ({ ctx, input }) => {
    const where = enforcementWhere(ctx, input);
    const [rows, [total]] = await Promise.all([
      enforcementRows(ctx.db, where, ctx.today)
        .limit(input.pageSize)
        .offset((input.page - 1) * input.pageSize),
      ctx.db.select({ n: count() }).from(r).where(where),
    ]);
    return {
      total: total?.n ?? 0,
      page: input.page,
      pageSize: input.pageSize,
      today: ctx.today,
      level: actorLevel(ctx.scope),
      canCreate: canWrite(ctx.identity.grants) && actorLevel(ctx.scope) !== 'school',
      rows,
    };
  }),

  /** One case with its county, its due day, its evidence files and the caller's steps (the handler's, and 提级/交回 for the city). */
  byId: read.input(Id).query(async ({ ctx, input }) => {
    const row = await visibleCase(ctx, input.id);
    const [[unit], files, [institution]] = await Promise.all([
      ctx.db.select({ name: orgUnits.name }).from(orgUnits).where(eq(orgUnits.code, row.unitCode)),
      ctx.db
        .select({
          id: attachments.id,
          fileName: attachments.fileName,
          size: attachments.size,
          mime: attachments.mime,
          checked: attachments.checked,
          uploadedBy: attachments.uploadedBy,
          uploadedAt: attachments.uploadedAt,
        })
        .from(attachments)
        .where(and(eq(attachments.ownerType, EVIDENCE), eq(attachments.ownerId, row.id)))
        .orderBy(asc(attachments.id)),
      // The linked institution, if it is in the caller's scope (it is in the case's county, so it is for whoever sees the case).
      row.institutionId === null
        ? []
        : ctx.db
            .select({ id: ti.id, name: ti.name })
            .from(ti)
            .where(and(eq(ti.id, row.institutionId), unitRecordScope(ctx.scope, ti.unitCode))),
    ]);
    const level = actorLevel(ctx.scope);
    const actor = { level, username: ctx.identity.username };
    const writes = canWrite(ctx.identity.grants) && level !== 'school';
    const handler = writes && handlerRefusal(level, row.handlerLevel) === null;
    const open = ENFORCEMENT_OPEN_STATES.includes(row.status);
    return {
      ...row,
      institution: institution ?? null,
      createdAt: iso(row.createdAt),
      unitName: unit?.name ?? row.unitCode,
      due: enforcementDue(row),
      overdue: enforcementOverdue(row, ctx.today),
      deadlines: DEFAULT_ENFORCEMENT_DEADLINES,
      today: ctx.today,
      files: files.map(({ checked, ...f }) => ({ ...f, uploadedAt: iso(f.uploadedAt), inline: showsInline({ mime: f.mime, checked }) })),
      canEdit: handler && open,
      canAttach: handler && open,
      allowed: handler ? wf.allowed(enforcementCase(row), actor) : [],
      corrections: writes ? wf.corrections(enforcementCase(row), actor) : [],
    };
  }),

  /** 线索登记: a county for itself; the city for a county it names (交办), or keeping the case itself. */
  create: write.input(EnforcementInput).mutation(async ({ ctx, input }) => {
    const unit = await unitFor(ctx, input.unitCode);
    const level = actorLevel(ctx.scope);
    if (input.clueOn > ctx.today) throw fieldError('clueOn', '线索日期不能晚于今天');
    if (input.cityHandles && level !== 'city') throw fieldError('cityHandles', '只有市教育局可以直接办理');
    const handlerLevel = input.cityHandles ? 'city' : 'county';
    await institutionFor(ctx, input.institutionId, unit.code);
    return ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(r)
        .values({
          ...fieldsOf(input),
          unitCode: unit.code,
          handlerLevel,
          status: wf.initial,
          createdBy: ctx.identity.username,
          createdAt: ctx.now,
        })
        .returning({ id: r.id, version: r.version });
      await auditChange(tx, ctx, {
        action: 'privateEdu.enforcement.create',
        targetType: TARGET,
        targetId: row!.id,
        after: { ...fieldsOf(input), unitCode: unit.code, handlerLevel },
      });
      return row!;
    });
  }),

  /** Correcting the case's own fields while it is open, by its handler, at the version the caller saw. */
  update: write.input(EnforcementUpdate).mutation(async ({ ctx, input }) => {
    const seen = await visibleCase(ctx, input.id);
    handles(ctx, seen);
    if (!ENFORCEMENT_OPEN_STATES.includes(seen.status))
      throw new TRPCError({ code: 'CONFLICT', message: `执法案件当前为“${wf.stateLabels[seen.status].zh}”，不能修改` });
    if (input.clueOn > ctx.today) throw fieldError('clueOn', '线索日期不能晚于今天');
    if (seen.filedOn && input.clueOn > seen.filedOn) throw fieldError('clueOn', '线索日期不能晚于立案日期');
    await institutionFor(ctx, input.institutionId, seen.unitCode);
    const after = fieldsOf(input);
    return ctx.db.transaction(async (tx) => {
      const [row] = await tx.select().from(r).where(eq(r.id, input.id)).for('update');
      if (!row || row.version !== input.expectedVersion) throw conflict();
      const before = Object.fromEntries(Object.keys(after).map((k) => [k, row[k as keyof Row]]));
      const [updated] = await tx
        .update(r)
        .set({ ...after, version: row.version + 1 })
        .where(eq(r.id, input.id))
        .returning({ id: r.id, version: r.version });
      await auditChange(tx, ctx, { action: 'privateEdu.enforcement.update', targetType: TARGET, targetId: input.id, before, after });
      return updated!;
    });
  }),

  /** One step with what it fills; the handler takes the case's steps, the city 提级 and 交回 (each with a reason). */
  step: write.input(EnforcementStepInput).mutation(async ({ ctx, input }) => {
    const row = await visibleCase(ctx, input.id);
    const level = actorLevel(ctx.scope);
    if (input.action !== 'escalate' && input.action !== 'hand_back') handles(ctx, row);
    const dateField = STEP_DATE[input.action as keyof typeof STEP_DATE];
    if (dateField) {
      const refusal = stepDateRefusal(row, input.action, input[dateField]!, ctx.today);
      if (refusal) throw fieldError(dateField, refusal);
    }
    const changes = changesOf(input);
    const reason = input.reason;
    return applyStep(ctx, {
      wf,
      table: r,
      stateKey: 'status',
      id: input.id,
      expectedVersion: input.expectedVersion,
      action: input.action,
      reason,
      actor: { level, username: ctx.identity.username },
      caseOf: enforcementCase,
      evidence: (tx) => evidenceCount(tx, input.id),
      changes: () => changes,
      audit: {
        targetType: TARGET,
        before: (old) => ({ status: old.status, handlerLevel: old.handlerLevel }),
        after: (_, to) => ({ status: to, ...changes, ...(reason ? { reason } : {}) }),
      },
    });
  }),

  history: read.input(Id).query(async ({ ctx, input }) => {
    await visibleCase(ctx, input.id);
    return recordHistory(ctx.db, TARGET, input.id);
  }),
} satisfies TRPCRouterRecord;

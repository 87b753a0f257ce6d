import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { and, asc, count, eq, like } from 'drizzle-orm';
import { z } from 'zod';
import { tables, type Db } from '@hyedu/db';
import {
  authorize,
  beijingDate,
  ExpectedVersion,
  HAZARD_CORRECTABLE,
  HAZARD_CORRECTION_BY_BUREAU,
  HAZARD_CORRECTION_REFUSAL,
  HAZARD_FINAL_STATES,
  HAZARD_SOURCE_LABELS,
  HazardAction,
  hazardCase,
  HazardCorrection,
  HazardInput,
  hazardLateness,
  IsoDate,
  RecordId,
  showsInline,
  sourcesFor,
  textField,
  HAZARD_WORKFLOW as wf,
  type DataScope,
  type HazardStatus,
  type HazardStep,
} from '@hyedu/domain';
import { storeUpload } from '../../attach.ts';
import { auditChange } from '../../audit-change.ts';
import { BulkItems, takeMany } from '../../bulk-step.ts';
import { fieldError } from '../../field-error.ts';
import { describeFile, FILE_COLUMNS } from '../../file-meta.ts';
import { recordHistory } from '../../history.ts';
import { scoped } from '../../scoped.ts';
import { listProcedure, readProcedure, writeProcedure } from '../../trpc.ts';
import { applyStep } from '../../workflow-step.ts';
import { recordScope, safetyLevel, schoolInScope } from './access.ts';
import { hazardWhere, listHazards } from './hazard-query.ts';
import { HazardFilter, Id, Upload } from './inputs.ts';

const { safetyHazards: h, attachments, schools } = tables;
const read = readProcedure('safety');
const list = listProcedure('safety');
const write = writeProcedure('safety');
const TARGET = 'safety_hazard';
/** Hazards one bulk step may take at most. */
/** The KPIs a change to hazards moves (their one-minute rollups are dropped). */
export const HAZARD_KPIS = ['safety.hazard-closure', 'safety.hazards-overdue', 'safety.acceptance-overdue', 'safety.major-hazards-open'];

/** The domain's overdue rule on one row: overdue at all, and whose lateness it is ('school', 'county' or null). */
const lateness = (r: { status: HazardStatus; deadline: string | null; submittedAt: Date | null }, today: string) => {
  const late = hazardLateness(
    { status: r.status, deadline: r.deadline, submittedOn: r.submittedAt ? beijingDate(r.submittedAt) : null },
    today,
  );
  return { overdue: late !== null, lateness: late };
};
const Phase = z.enum(['before', 'after'], { message: '请选择整改前或整改后' });

/** A hazard the caller may see, or NOT_FOUND (another county's hazard does not exist for them). */
const hazardIfVisible = async (ctx: { db: Db; scope: DataScope }, id: number) =>
  (
    await ctx.db
      .select()
      .from(h)
      .where(and(eq(h.id, id), recordScope(ctx.scope, h)))
  )[0];
const visibleHazard = (ctx: { db: Db; scope: DataScope }, id: number) => scoped(TARGET, id, () => hazardIfVisible(ctx, id));

export const safetyAccessRouter = {
  /**
   * What the caller may do in the module, decided here so the pages only show what the server allows: the level it
   * acts at, whether it may write at all (leadership reads only), its school (a school account), and the sources it may record.
   */
  access: read.query(({ ctx }) => {
    // The level of the write scope when there is one (a leader who also runs a county writes as that county).
    const write = authorize(ctx.identity.grants, { area: 'safety', action: 'write' });
    const canWrite = write.allowed;
    const scope = write.allowed ? write.scope : ctx.scope;
    const level = safetyLevel(scope);
    return {
      level,
      canWrite,
      schoolId: scope.kind === 'school' && scope.schoolIds.length === 1 ? scope.schoolIds[0]! : null,
      canConfigure: canWrite && level === 'city',
      sources: canWrite ? sourcesFor(level).map((s) => ({ value: s, label: HAZARD_SOURCE_LABELS[s] })) : [],
    };
  }),
} satisfies TRPCRouterRecord;

export const hazardsRouter = {
  /** One page of the hazards in the caller's scope, with filters (status, severity, category, source, overdue, school). */
  list: list.input(HazardFilter).query(async ({ ctx, input }) => {
    const today = ctx.today;
    const { rows, total, next } = await listHazards(ctx.db, hazardWhere(ctx, input), input);
    return {
      total,
      page: input.page,
      pageSize: input.pageSize,
      next,
      rows: rows.map(({ submittedAt, ...r }) => ({
        ...r,
        ...lateness({ status: r.status as HazardStatus, deadline: r.deadline, submittedAt }, today),
      })),
    };
  }),

  /** One hazard with its school, evidence files and the steps the caller may take now. */
  byId: read.input(Id).query(async ({ ctx, input }) => {
    const row = await visibleHazard(ctx, input.id);
    const [school] = await ctx.db.select({ name: schools.name, code: schools.code }).from(schools).where(eq(schools.id, row.schoolId));
    const files = await ctx.db
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
      .where(and(like(attachments.ownerType, `${TARGET}:%`), eq(attachments.ownerId, row.id)))
      .orderBy(asc(attachments.id));
    const actor = { level: safetyLevel(ctx.scope), username: ctx.identity.username };
    const canWrite = authorize(ctx.identity.grants, { area: 'safety', action: 'write' }).allowed;
    const allowed = canWrite ? wf.allowed(hazardCase(row), actor) : [];
    const corrections = canWrite ? wf.corrections(hazardCase(row), actor) : [];
    /** The facts the caller may correct (a school: not the category or the severity). */
    const correctable = corrections.includes('correct')
      ? HAZARD_CORRECTABLE.filter((k) => actor.level !== 'school' || !HAZARD_CORRECTION_BY_BUREAU.includes(k))
      : [];
    return {
      ...row,
      reportedAt: row.reportedAt.toISOString(),
      submittedAt: row.submittedAt?.toISOString() ?? null,
      closedAt: row.closedAt?.toISOString() ?? null,
      school: school!,
      ...lateness(row, ctx.today),
      files: files.map(({ checked, ...f }) => ({
        ...f,
        inline: showsInline({ mime: f.mime, checked }),
        phase: f.ownerType.endsWith(':after') ? ('after' as const) : ('before' as const),
        uploadedAt: f.uploadedAt.toISOString(),
      })),
      allowed,
      corrections,
      correctable,
      canAttach: canWrite && !HAZARD_FINAL_STATES.includes(row.status),
    };
  }),

  /** The sources the caller may record (a school: its own check or a report). */
  sources: read.query(({ ctx }) => sourcesFor(safetyLevel(ctx.scope)).map((s) => ({ value: s, label: HAZARD_SOURCE_LABELS[s] }))),

  /** Records a hazard found at a school in the caller's scope; it starts as 待整改. */
  create: write.input(HazardInput).mutation(async ({ ctx, input }) => {
    const school = await schoolInScope(ctx, input.schoolId);
    const level = safetyLevel(ctx.scope);
    if (!sourcesFor(level).includes(input.source))
      throw new TRPCError({ code: 'FORBIDDEN', message: `您不能登记“${HAZARD_SOURCE_LABELS[input.source]}”发现的隐患` });
    if (input.foundOn > beijingDate(ctx.now)) throw new TRPCError({ code: 'BAD_REQUEST', message: '发现日期不能晚于今天' });
    if (input.inspectionId) {
      const [inspection] = await ctx.db
        .select({ schoolId: tables.safetyInspections.schoolId })
        .from(tables.safetyInspections)
        .where(eq(tables.safetyInspections.id, input.inspectionId));
      if (inspection?.schoolId !== school.id) throw new TRPCError({ code: 'BAD_REQUEST', message: '所选检查记录不属于该学校' });
    }
    const who = ctx.identity.username;
    const row = await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(h)
        .values({
          ...input,
          location: input.location || null,
          measures: input.measures || null,
          unitCode: school.unitCode,
          status: 'pending',
          reportedBy: who,
          reportedAt: ctx.now,
        })
        .returning({ id: h.id, version: h.version });
      await auditChange(tx, ctx, {
        action: 'safety.reportHazard',
        targetType: TARGET,
        targetId: String(row!.id),
        after: { school: school.code, ...input },
      });
      return row!;
    });
    return row;
  }),

  /** Sets or changes the rectification deadline (county for its schools, the city for all). */
  setDeadline: write
    .input(z.object({ id: RecordId, expectedVersion: ExpectedVersion, deadline: IsoDate }).strict())
    .mutation(({ ctx, input }) => step(ctx, input.id, input.expectedVersion, 'set_deadline', { deadline: input.deadline })),

  /**
   * Moves a hazard along: 开始整改, 提交验收 (with what was done), 撤回 (the submitter takes the submission back, with a
   * reason), 退回 (with a reason), 验收销号, 作废 (registered in error, with a reason).
   */
  step: write
    .input(
      z
        .object({
          id: RecordId,
          expectedVersion: ExpectedVersion,
          action: HazardAction,
          reason: textField(500, '原因').optional(),
          measures: textField(1000, '整改措施').optional(),
        })
        .strict(),
    )
    .mutation(({ ctx, input }) =>
      step(ctx, input.id, input.expectedVersion, input.action, { reason: input.reason, measures: input.measures }),
    ),

  /**
   * 更正: corrects the facts of the finding while the hazard is still the school's (待整改, 整改中), with a reason; the
   * audit record keeps what each field was. A school corrects where, what and who; the category and the severity are
   * the county's or the city's to correct.
   */
  correct: write
    .input(HazardCorrection.extend({ id: RecordId, expectedVersion: ExpectedVersion }).strict())
    .mutation(async ({ ctx, input }) => {
      const { id, expectedVersion, reason, ...fields } = input;
      const row = await visibleHazard(ctx, id);
      const changed = Object.fromEntries(
        Object.entries(fields).filter(([k, v]) => v !== undefined && (row as Record<string, unknown>)[k] !== (v === '' ? null : v)),
      ) as Partial<typeof fields>;
      if (Object.keys(changed).length === 0) throw fieldError('reason', '没有需要更正的内容：请修改至少一项');
      if (safetyLevel(ctx.scope) === 'school' && HAZARD_CORRECTION_BY_BUREAU.some((k) => k in changed))
        throw new TRPCError({ code: 'FORBIDDEN', message: HAZARD_CORRECTION_REFUSAL });
      const foundOn = changed.foundOn ?? row.foundOn;
      if (foundOn > beijingDate(ctx.now)) throw fieldError('foundOn', '发现日期不能晚于今天');
      if (row.deadline && foundOn > row.deadline) throw fieldError('foundOn', '发现日期不能晚于整改期限');
      const result = await applyStep(ctx, {
        wf,
        table: h,
        stateKey: 'status',
        id,
        expectedVersion,
        action: 'correct',
        reason,
        actor: { level: safetyLevel(ctx.scope), username: ctx.identity.username },
        caseOf: hazardCase,
        changes: () => ({ ...changed, ...('location' in changed ? { location: changed.location || null } : {}) }),
        audit: {
          targetType: TARGET,
          before: (r) => Object.fromEntries(Object.keys(changed).map((k) => [k, (r as Record<string, unknown>)[k]])),
          after: () => ({ ...changed, reason }),
        },
      });
      return { version: result.version, status: result.state };
    }),

  /**
   * One step on several hazards at once (批量验收销号, 批量开始整改) — only a step the workflow declares bulk, which asks
   * for nothing but the choice. Each hazard is its own step (its own check, version, transaction and audit record); one
   * refused does not stop the others, and the answer says, hazard by hazard, what was done and why not.
   */
  stepMany: write.input(z.object({ action: HazardAction, items: BulkItems }).strict()).mutation(async ({ ctx, input, path }) => {
    const { done, results } = await takeMany(ctx, path, wf, input.action, input.items, async (item) => {
      const out = await step(ctx, item.id, item.expectedVersion, input.action, {});
      return { state: out.status };
    });
    return { done, results: results.map((r) => (r.ok ? { id: r.id, ok: true as const, status: r.state } : r)) };
  }),

  /** Adds a photo or document (整改前/整改后) to a hazard that is not closed. */
  attach: write.input(Upload.extend({ id: RecordId, phase: Phase }).strict()).mutation(async ({ ctx, input }) => {
    const row = await visibleHazard(ctx, input.id);
    if (HAZARD_FINAL_STATES.includes(row.status))
      throw new TRPCError({ code: 'CONFLICT', message: `隐患${wf.stateLabels[row.status].zh}，不能再添加附件` });
    return storeUpload(ctx, {
      upload: input,
      ownerType: `${TARGET}:${input.phase}`,
      ownerId: row.id,
      full: (max) => `整改${input.phase === 'before' ? '前' : '后'}最多 ${max} 个附件`,
      audit: { action: 'safety.attachHazardFile', targetType: TARGET, targetId: String(row.id), after: { phase: input.phase } },
    });
  }),

  /** A hazard's file, for whoever may see the hazard (its bytes come from GET /api/files/safety/:id, which calls this first). */
  file: read.input(Id).query(async ({ ctx, input }) => {
    const file = await scoped('attachment', input.id, async () => {
      const [row] = await ctx.db
        .select(FILE_COLUMNS)
        .from(attachments)
        .where(and(eq(attachments.id, input.id), like(attachments.ownerType, `${TARGET}:%`)));
      return row && (await hazardIfVisible(ctx, row.ownerId)) && row;
    });
    return describeFile(file);
  }),

  /** 「操作记录」 of a hazard. */
  history: read.input(Id).query(async ({ ctx, input }) => {
    await visibleHazard(ctx, input.id);
    return recordHistory(ctx.db, TARGET, input.id);
  }),
} satisfies TRPCRouterRecord;

type WriteCtx = Parameters<Parameters<typeof write.mutation>[0]>[0]['ctx'];

/**
 * One step of the rectification loop (the workflow decides, applyStep locks, checks the version and audits). Setting
 * the deadline is a step that keeps the state; it may not precede the finding.
 */
async function step(
  ctx: WriteCtx,
  id: number,
  expectedVersion: number,
  action: HazardStep,
  extra: { deadline?: string; reason?: string; measures?: string },
) {
  await visibleHazard(ctx, id);
  const who = ctx.identity.username;
  const result = await applyStep(ctx, {
    wf,
    table: h,
    stateKey: 'status',
    id,
    expectedVersion,
    action,
    reason: extra.reason,
    actor: { level: safetyLevel(ctx.scope), username: who },
    caseOf: hazardCase,
    evidence: async (tx, slot) =>
      (
        await tx
          .select({ n: count() })
          .from(attachments)
          .where(and(eq(attachments.ownerType, `${TARGET}:${slot}`), eq(attachments.ownerId, id)))
      )[0]?.n ?? 0,
    evidenceField: () => 'afterFiles',
    changes: (row) => {
      if (action === 'set_deadline') {
        if (extra.deadline! < row.foundOn) throw new TRPCError({ code: 'BAD_REQUEST', message: '整改期限不能早于发现日期' });
        return { deadline: extra.deadline! };
      }
      if (action === 'submit')
        return { submittedBy: who, submittedAt: ctx.now, returnReason: null, ...(extra.measures ? { measures: extra.measures } : {}) };
      if (action === 'return') return { returnReason: extra.reason!, returns: row.returns + 1 };
      if (action === 'withdraw') return { submittedBy: null, submittedAt: null };
      if (action === 'close') return { closedBy: who, closedAt: ctx.now };
      return {};
    },
    audit: {
      targetType: TARGET,
      before: (row) => ({ status: row.status, deadline: row.deadline }),
      after: (_row, to) => ({ status: to, ...extra }),
    },
  });
  return { version: result.version, status: result.state };
}

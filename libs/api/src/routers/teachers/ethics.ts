import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { and, count, desc, eq, gt, ilike, isNotNull, isNull, lte, or } from 'drizzle-orm';
import { z } from 'zod';
import { blindIndex, decryptField, encryptField, tables } from '@hyedu/db';
import { DivisionCode, maskIdCard, parseIdCard, RecordId, RecordVersion, textField } from '@hyedu/domain';
import {
  blacklistEntry,
  BlacklistStanding,
  blacklistStanding,
  decisionRefusal,
  ethicsCase,
  EthicsDecisionInput,
  EthicsDefence,
  EthicsFindings,
  EthicsLift,
  EthicsNotice,
  EthicsPlainAction,
  EthicsReport,
  EthicsReview,
  EthicsStatus,
  LIFT_LEVEL,
  liftRefusal,
  listingAfterReview,
  reportPersonRefusal,
  reviewedDecision,
  sanctionEnds,
  ETHICS_WORKFLOW as wf,
} from '@hyedu/domain/teachers';
import { auditChange } from '../../audit-change.ts';
import type { AuthedContext } from '../../context.ts';
import { fieldError } from '../../field-error.ts';
import { recordHistory } from '../../history.ts';
import { Page } from '../../inputs.ts';
import { contains } from '../../queries.ts';
import { actorLevel, recordScope, schoolInScope } from '../../record-scope.ts';
import { scoped } from '../../scoped.ts';
import { viewProcedure, writeProcedure } from '../../trpc.ts';
import { applyStep, conflict } from '../../workflow-step.ts';
import { STAFF_TARGET, staffCipherId } from './staff.ts';

const { teacherEthicsCases: c, teacherBlacklist: bl, teacherStaff: st, schools, orgUnits } = tables;
export const ETHICS_TARGET = 'teacher_ethics_case';
const cipherId = (idIndex: string) => `${ETHICS_TARGET}:${idIndex}`;
const entryOf = (l: typeof bl.$inferSelect) => ({ from: l.fromDate, until: l.untilDate, liftedOn: l.liftedOn });
const CITY_ONLY = '只有市教育局教师工作科室可以解除黑名单';

/** Reporting a clue is the module's write (a school, any county account, the 科室); everything else is the ethics role's. */
const report = writeProcedure('teachers');
const view = viewProcedure('teachers:ethics');
const handle = writeProcedure('teachers:ethics');

export const EthicsFilter = Page.extend({
  status: EthicsStatus.optional(),
  unitCode: DivisionCode.optional(),
  q: textField(20, '姓名').optional(),
}).strict();
const Id = z.object({ id: RecordId }).strict();
export const BlacklistFilter = Page.extend({
  standing: BlacklistStanding.optional(),
  unitCode: DivisionCode.optional(),
  q: textField(20, '姓名').optional(),
}).strict();

/** The 黑名单 entries of the cases in the caller's scope matching a filter; the standing is judged on the business date. */
export function blacklistWhere(
  ctx: Pick<AuthedContext, 'today'> & { scope: Parameters<typeof recordScope>[0] },
  input: Omit<z.infer<typeof BlacklistFilter>, 'page' | 'pageSize'>,
) {
  const day = ctx.today;
  const notLifted = or(isNull(bl.liftedOn), gt(bl.liftedOn, day));
  const notOver = or(isNull(bl.untilDate), gt(bl.untilDate, day));
  const standing = {
    lifted: and(isNotNull(bl.liftedOn), lte(bl.liftedOn, day)),
    expired: and(notLifted, isNotNull(bl.untilDate), lte(bl.untilDate, day)),
    pending: and(notLifted, notOver, gt(bl.fromDate, day)),
    active: and(notLifted, notOver, lte(bl.fromDate, day)),
  };
  return and(
    recordScope(ctx.scope, c),
    input.standing ? standing[input.standing] : undefined,
    input.unitCode ? eq(bl.unitCode, input.unitCode) : undefined,
    input.q ? ilike(bl.name, contains(input.q)) : undefined,
  );
}

type Ctx = Pick<AuthedContext, 'db'> & { scope: Parameters<typeof recordScope>[0] };
/** A case in the caller's scope, or the one NOT_FOUND. */
const visible = (ctx: Ctx, id: number) =>
  scoped(
    ETHICS_TARGET,
    id,
    async () =>
      (
        await ctx.db
          .select()
          .from(c)
          .where(and(eq(c.id, id), recordScope(ctx.scope, c)))
      )[0],
  );

/** One step of a case the caller may see, by the workflow's declaration (under a row lock, with its version). */
async function step(
  ctx: AuthedContext & { scope: Parameters<typeof recordScope>[0] },
  input: { id: number; expectedVersion: number; reason?: string },
  action: (typeof wf.actions)[number],
  changes: (row: typeof c.$inferSelect) => Partial<typeof c.$inferInsert> = () => ({}),
  also?: Parameters<typeof applyStep>[1]['also'],
  after?: Record<string, unknown>,
) {
  await visible(ctx, input.id);
  return applyStep(ctx, {
    wf,
    table: c,
    stateKey: 'status',
    id: input.id,
    expectedVersion: input.expectedVersion,
    action,
    reason: input.reason,
    actor: { level: actorLevel(ctx.scope), username: ctx.identity.username },
    caseOf: ethicsCase,
    changes: (row) => ({ ...changes(row), ...(wf.finalStates.includes(wf.next(action, row.status)) ? { closedAt: ctx.now } : {}) }),
    also,
    audit: {
      targetType: ETHICS_TARGET,
      ...(after
        ? { after: (_row: unknown, to: string) => ({ status: to, ...(input.reason ? { reason: input.reason } : {}), ...after }) }
        : {}),
    },
  });
}

/**
 * 师德失范 cases: a clue is reported by a school or a bureau; the county's ethics role (its county's schools) and the
 * city's teachers 科室 (every school) see and handle cases — every view audited — and a decision that blacklists writes
 * the 黑名单 entry the entry gate reads.
 */
export const ethicsRouter = {
  report: report.input(EthicsReport).mutation(async ({ ctx, input }) => {
    const school = await schoolInScope(ctx, input.schoolId);
    const person = reportPersonRefusal(input);
    if (person) throw fieldError(person.field, person.message);
    let number = input.idNumber!;
    let name = input.name!;
    if (input.staffId !== undefined) {
      const member = await scoped(
        STAFF_TARGET,
        input.staffId,
        async () =>
          (
            await ctx.db
              .select()
              .from(st)
              .where(and(eq(st.id, input.staffId!), isNull(st.leftOn), recordScope(ctx.scope, st)))
          )[0],
      );
      if (member.schoolId !== school.id) throw fieldError('staffId', '该人员不在所选学校任职');
      number = decryptField(ctx.keys.dataKey, member.idCipher, staffCipherId(member.idIndex));
      name = member.name;
    }
    const id = parseIdCard(number, { today: ctx.today });
    if (!id.ok) throw fieldError('idNumber', id.message);
    const idIndex = blindIndex(ctx.keys.indexKey, id.value.number);
    const [ownership] = await ctx.db.select({ ownership: schools.ownership }).from(schools).where(eq(schools.id, school.id));
    const [staff] = await ctx.db
      .select({ id: st.id })
      .from(st)
      .where(and(eq(st.idIndex, idIndex), eq(st.schoolId, school.id)))
      .limit(1);
    return ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(c)
        .values({
          schoolId: school.id,
          unitCode: school.unitCode,
          staffId: staff?.id ?? null,
          name,
          idIndex,
          idCipher: encryptField(ctx.keys.dataKey, id.value.number, cipherId(idIndex)),
          privateSchool: ownership?.ownership === 'private',
          clause: input.clause,
          source: input.clueSource,
          clue: input.clue,
          status: wf.initial,
          createdBy: ctx.identity.username,
          createdAt: ctx.now,
        })
        .returning({ id: c.id, version: c.version });
      await auditChange(tx, ctx, {
        action: 'teachers.ethics.report',
        targetType: ETHICS_TARGET,
        targetId: row!.id,
        after: { school: school.code, idNumber: maskIdCard(id.value.number), clause: input.clause, source: input.clueSource },
      });
      return row!;
    });
  }),

  list: view.input(EthicsFilter).query(async ({ ctx, input }) => {
    const where = and(
      recordScope(ctx.scope, c),
      input.status ? eq(c.status, input.status) : undefined,
      input.unitCode ? eq(c.unitCode, input.unitCode) : undefined,
      input.q ? ilike(c.name, contains(input.q)) : undefined,
    );
    const [rows, [total]] = await Promise.all([
      ctx.db
        .select({
          id: c.id,
          name: c.name,
          schoolName: schools.name,
          unitName: orgUnits.name,
          clause: c.clause,
          status: c.status,
          handling: c.handling,
          createdAt: c.createdAt,
          closedAt: c.closedAt,
        })
        .from(c)
        .innerJoin(schools, eq(schools.id, c.schoolId))
        .innerJoin(orgUnits, eq(orgUnits.code, c.unitCode))
        .where(where)
        .orderBy(desc(c.id))
        .limit(input.pageSize)
        .offset((input.page - 1) * input.pageSize),
      ctx.db.select({ n: count() }).from(c).where(where),
    ]);
    return {
      total: total?.n ?? 0,
      page: input.page,
      pageSize: input.pageSize,
      rows: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), closedAt: r.closedAt?.toISOString() ?? null })),
    };
  }),

  byId: view.input(Id).query(async ({ ctx, input }) => {
    const { idCipher, idIndex, createdAt, closedAt, ...row } = await visible(ctx, input.id);
    const [school] = await ctx.db
      .select({ name: schools.name, unitName: orgUnits.name })
      .from(schools)
      .innerJoin(orgUnits, eq(orgUnits.code, schools.unitCode))
      .where(eq(schools.id, row.schoolId));
    const [listing] = await ctx.db.select().from(bl).where(eq(bl.caseId, input.id));
    return {
      ...row,
      idNumber: maskIdCard(decryptField(ctx.keys.dataKey, idCipher, cipherId(idIndex))),
      school: school!,
      createdAt: createdAt.toISOString(),
      closedAt: closedAt?.toISOString() ?? null,
      blacklist: listing
        ? {
            from: listing.fromDate,
            until: listing.untilDate,
            liftedOn: listing.liftedOn,
            liftReason: listing.liftReason,
            standing: blacklistStanding(entryOf(listing), ctx.today),
            /** Why the caller may not lift it now (null: the 科室 may). */
            liftRefusal:
              actorLevel(ctx.scope) !== LIFT_LEVEL
                ? CITY_ONLY
                : liftRefusal(
                    entryOf(listing),
                    { certificate: row.certificate, effectiveOn: row.effectiveOn, status: row.status },
                    ctx.today,
                  ),
          }
        : null,
      today: ctx.today,
      allowed: wf.allowed(ethicsCase({ status: row.status, findings: row.findings }), {
        level: actorLevel(ctx.scope),
        username: ctx.identity.username,
      }),
    };
  }),

  history: view.input(Id).query(async ({ ctx, input }) => {
    await visible(ctx, input.id);
    return recordHistory(ctx.db, ETHICS_TARGET, input.id);
  }),

  /** 核查, 不予立案, 立案, 开始调查, 执行, 受理申诉, 结案. */
  step: handle
    .input(
      z
        .object({ id: RecordId, expectedVersion: RecordVersion, action: EthicsPlainAction, reason: textField(1000, '原因').optional() })
        .strict(),
    )
    .mutation(({ ctx, input }) =>
      step(ctx, input, input.action, () =>
        input.action === 'dismiss' ? { dismissReason: input.reason! } : input.action === 'appeal' ? { appealReason: input.reason! } : {},
      ),
    ),

  /** 调查认定的事实, while the case is investigated (a change of the record, not a step). */
  saveFindings: handle.input(EthicsFindings).mutation(async ({ ctx, input }) => {
    const row = await visible(ctx, input.id);
    if (row.status !== 'investigating') throw fieldError('findings', '只有调查阶段可以填写调查认定的事实');
    return saveOn(ctx, input, { findings: input.findings }, 'teachers.ethics.saveFindings');
  }),

  /** 告知: the day the person was told (not after today). */
  notify: handle.input(EthicsNotice).mutation(async ({ ctx, input }) => {
    await visible(ctx, input.id);
    if (input.notifiedOn > ctx.today) throw fieldError('notifiedOn', '告知日期不能晚于今天');
    return step(ctx, input, 'notify', () => ({ notifiedOn: input.notifiedOn }));
  }),

  /** 陈述申辩 / 听证, once the person has been told. */
  saveDefence: handle.input(EthicsDefence).mutation(async ({ ctx, input }) => {
    const row = await visible(ctx, input.id);
    if (row.status !== 'notified') throw fieldError('defence', '告知后、作出决定前记录陈述申辩情况');
    return saveOn(ctx, input, { defence: input.defence || null, hearing: input.hearing }, 'teachers.ethics.saveDefence');
  }),

  /** 作出决定: the handling (no 处分 for a private school's teacher), the certificate, and the 黑名单 entry it makes. */
  decide: handle.input(EthicsDecisionInput).mutation(async ({ ctx, input }) => {
    const row = await visible(ctx, input.id);
    const refusal = decisionRefusal(input, { privateSchool: row.privateSchool });
    if (refusal) throw fieldError(refusal.field, refusal.message);
    if (input.effectiveOn > ctx.today) throw fieldError('effectiveOn', '决定生效日期不能晚于今天');
    return step(
      ctx,
      input,
      'decide',
      () => ({
        handling: input.handling,
        effectiveOn: input.effectiveOn,
        sanctionEndsOn: sanctionEnds(input.handling, input.effectiveOn),
        certificate: input.certificate,
        decisionText: input.text,
      }),
      async (tx, locked) => {
        const entry = blacklistEntry(input);
        if (!entry) return;
        await tx.insert(bl).values({
          idIndex: (locked as typeof row).idIndex,
          name: (locked as typeof row).name,
          caseId: input.id,
          unitCode: (locked as typeof row).unitCode,
          fromDate: entry.from,
          untilDate: entry.until,
          createdBy: ctx.identity.username,
          createdAt: ctx.now,
        });
      },
      {
        handling: input.handling,
        effectiveOn: input.effectiveOn,
        certificate: input.certificate,
        blacklist: input.blacklist,
        blacklistUntil: input.blacklistUntil ?? null,
      },
    );
  }),

  /**
   * 复核决定: the review's reasons, and either the decision upheld or a new one (handling, period, certificate, 黑名单)
   * that replaces it — the case's 黑名单 entry follows (`listingAfterReview`), in the same transaction.
   */
  review: handle.input(EthicsReview).mutation(async ({ ctx, input }) => {
    const row = await visible(ctx, input.id);
    const { id, expectedVersion, reason, ...rest } = input;
    const [listing] = await ctx.db.select().from(bl).where(eq(bl.caseId, id));
    const standing = listing && !listing.liftedOn ? listing : undefined;
    const outcome = reviewedDecision(rest, {
      privateSchool: row.privateSchool,
      current: {
        handling: row.handling,
        effectiveOn: row.effectiveOn,
        certificate: row.certificate,
        blacklist: !!standing,
        blacklistUntil: standing?.untilDate ?? null,
      },
    });
    if (!outcome.ok) throw fieldError(outcome.field, outcome.message);
    const d = outcome.decision;
    if (d && d.effectiveOn > ctx.today) throw fieldError('effectiveOn', '决定生效日期不能晚于今天');
    return step(
      ctx,
      { id, expectedVersion, reason },
      'review',
      () => ({
        reviewReason: reason,
        reviewOutcome: input.outcome,
        ...(d
          ? {
              handling: d.handling,
              effectiveOn: d.effectiveOn,
              sanctionEndsOn: sanctionEnds(d.handling, d.effectiveOn),
              certificate: d.certificate,
              decisionText: d.text,
            }
          : {}),
      }),
      async (tx, locked) => {
        const [current] = await tx.select().from(bl).where(eq(bl.caseId, id));
        const change = listingAfterReview(current ? entryOf(current) : null, d, ctx.today);
        if (change.kind === 'lift')
          await tx
            .update(bl)
            .set({ liftedOn: change.on, liftReason: `复核变更决定：${reason}` })
            .where(eq(bl.caseId, id));
        else if (change.kind === 'set' && current)
          await tx
            .update(bl)
            .set({ fromDate: change.from, untilDate: change.until, liftedOn: null, liftReason: null })
            .where(eq(bl.caseId, id));
        else if (change.kind === 'set')
          await tx.insert(bl).values({
            idIndex: (locked as typeof row).idIndex,
            name: (locked as typeof row).name,
            caseId: id,
            unitCode: (locked as typeof row).unitCode,
            fromDate: change.from,
            untilDate: change.until,
            createdBy: ctx.identity.username,
            createdAt: ctx.now,
          });
      },
      {
        outcome: input.outcome,
        ...(d
          ? {
              handling: d.handling,
              effectiveOn: d.effectiveOn,
              certificate: d.certificate,
              blacklist: d.blacklist,
              blacklistUntil: d.blacklistUntil ?? null,
            }
          : {}),
      },
    );
  }),

  /**
   * 解除黑名单 before its end (or of a permanent entry), by the city department only, with its reasons (`liftRefusal`:
   * never for 丧失教师资格, not within a 撤销's 5-year bar, not during an appeal). The case's version moves, so a lift and
   * a review racing end in one CONFLICT.
   */
  lift: handle.input(EthicsLift).mutation(async ({ ctx, input }) => {
    await visible(ctx, input.id);
    if (actorLevel(ctx.scope) !== LIFT_LEVEL) throw new TRPCError({ code: 'FORBIDDEN', message: CITY_ONLY });
    return ctx.db.transaction(async (tx) => {
      const [row] = await tx.select().from(c).where(eq(c.id, input.id)).for('update');
      if (!row || row.version !== input.expectedVersion) throw conflict();
      const [listing] = await tx.select().from(bl).where(eq(bl.caseId, input.id));
      if (!listing) throw new TRPCError({ code: 'CONFLICT', message: '该案件没有列入黑名单' });
      const refusal = liftRefusal(entryOf(listing), row, ctx.today);
      if (refusal) throw new TRPCError({ code: 'CONFLICT', message: refusal });
      await tx.update(bl).set({ liftedOn: ctx.today, liftReason: input.reason }).where(eq(bl.id, listing.id));
      const [updated] = await tx
        .update(c)
        .set({ version: row.version + 1 })
        .where(eq(c.id, input.id))
        .returning({ id: c.id, version: c.version });
      await auditChange(tx, ctx, {
        action: 'teachers.ethics.lift',
        targetType: ETHICS_TARGET,
        targetId: input.id,
        before: { blacklistUntil: listing.untilDate },
        after: { liftedOn: ctx.today, reason: input.reason },
      });
      return updated!;
    });
  }),

  /**
   * The 黑名单: who, from, until (none: permanent), lifted when and why, the case and the county it was decided in — the
   * entries of cases the caller may see (the person's county's ethics role, the 科室 every county), each view audited.
   */
  blacklist: view.input(BlacklistFilter).query(async ({ ctx, input }) => {
    const where = blacklistWhere(ctx, input);
    const [rows, [total]] = await Promise.all([
      ctx.db
        .select({
          id: bl.id,
          caseId: bl.caseId,
          name: bl.name,
          idIndex: c.idIndex,
          idCipher: c.idCipher,
          from: bl.fromDate,
          until: bl.untilDate,
          liftedOn: bl.liftedOn,
          liftReason: bl.liftReason,
          unitName: orgUnits.name,
          schoolName: schools.name,
          handling: c.handling,
          certificate: c.certificate,
        })
        .from(bl)
        .innerJoin(c, eq(c.id, bl.caseId))
        .innerJoin(schools, eq(schools.id, c.schoolId))
        .innerJoin(orgUnits, eq(orgUnits.code, bl.unitCode))
        .where(where)
        .orderBy(desc(bl.fromDate), desc(bl.id))
        .limit(input.pageSize)
        .offset((input.page - 1) * input.pageSize),
      ctx.db.select({ n: count() }).from(bl).innerJoin(c, eq(c.id, bl.caseId)).where(where),
    ]);
    return {
      total: total?.n ?? 0,
      page: input.page,
      pageSize: input.pageSize,
      today: ctx.today,
      rows: rows.map(({ idIndex, idCipher, ...r }) => ({
        ...r,
        idNumber: maskIdCard(decryptField(ctx.keys.dataKey, idCipher, cipherId(idIndex))),
        standing: blacklistStanding({ from: r.from, until: r.until, liftedOn: r.liftedOn }, ctx.today),
      })),
    };
  }),
} satisfies TRPCRouterRecord;

/** Saves fields of a case under its version, audited; the state does not move. */
async function saveOn(
  ctx: AuthedContext,
  input: { id: number; expectedVersion: number },
  values: Partial<typeof c.$inferInsert>,
  action: string,
) {
  return ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(c)
      .set({ ...values, version: input.expectedVersion + 1 })
      .where(and(eq(c.id, input.id), eq(c.version, input.expectedVersion)))
      .returning({ id: c.id, version: c.version });
    if (!updated) throw conflict();
    await auditChange(tx, ctx, { action, targetType: ETHICS_TARGET, targetId: input.id, after: values });
    return updated;
  });
}

import { randomInt } from 'node:crypto';
import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { and, asc, desc, eq, ilike, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { tables } from '@hyedu/db';
import { beijingDate, DivisionCode, RecordId, textField } from '@hyedu/domain';
import {
  AID_CHECK_SAMPLE,
  AidCheckCreateInput,
  AidCheckResultsInput,
  AidCheckStatus,
  AidCheckStepInput,
  AidSemester,
  checkCase,
  checkSideRefusal,
  checkTally,
  drawSample,
  resultsRefusal,
  semesterLabel,
  AID_CHECK_WORKFLOW as wf,
} from '@hyedu/domain/funding';
import { auditChange } from '../../../audit-change.ts';
import type { AuthedContext } from '../../../context.ts';
import { exportBook, MAX_EXPORT, NO_PAGE } from '../../../exports.ts';
import { fieldError } from '../../../field-error.ts';
import { recordHistory } from '../../../history.ts';
import { Page } from '../../../inputs.ts';
import { contains, scopeCondition } from '../../../queries.ts';
import { actorLevel, recordScope, schoolInScope } from '../../../record-scope.ts';
import { notFound, scoped } from '../../../scoped.ts';
import { exportProcedure, readProcedure, viewProcedure, writeProcedure } from '../../../trpc.ts';
import { applyStep, conflict } from '../../../workflow-step.ts';
import { unitInScope } from '../access.ts';
import { hasAidRole, person } from './query.ts';

const { fundingAidChecks: c, fundingAidCheckItems: ci, fundingAidPayments: p, fundingAidStudents: st, schools, orgUnits } = tables;
export const CHECK_TARGET = 'funding_aid_check';
type Ctx = AuthedContext & { scope: Parameters<typeof recordScope>[0] };
const write = writeProcedure('funding:aid');

/** A check in the caller's scope (the city all, a county its own, a school the checks of its school), or the one NOT_FOUND. */
const visibleCheck = (ctx: Pick<Ctx, 'db' | 'scope'>, id: number) =>
  scoped(
    CHECK_TARGET,
    id,
    async () =>
      (
        await ctx.db
          .select()
          .from(c)
          .where(and(eq(c.id, id), recordScope(ctx.scope, c)))
      )[0],
  );
const actorOf = (ctx: Ctx) => ({ level: actorLevel(ctx.scope), username: ctx.identity.username });
const tallyOf = async (ctx: Pick<Ctx, 'db'>, id: number) =>
  checkTally(await ctx.db.select({ verdict: ci.verdict }).from(ci).where(eq(ci.checkId, id)));
/**
 * Why the steps of the caller's side cannot be taken yet (every result not in, none or some 不属实): the workflow's rule
 * refusals, one line per reason.
 */
const needsFor = (row: typeof c.$inferSelect, tally: ReturnType<typeof checkTally>, ctx: Ctx, aid: boolean) => {
  const out: Partial<Record<(typeof wf.actions)[number], string>> = {};
  if (!aid) return out;
  const actor = actorOf(ctx);
  const seen = new Set<string>();
  for (const a of wf.actions) {
    if (checkSideRefusal(a, row.checkerLevel, actor.level)) continue;
    const refusal = wf.refusalOf(checkCase(row.status, tally), a, actor);
    if (refusal?.kind !== 'rule' || seen.has(refusal.message)) continue;
    seen.add(refusal.message);
    out[a] = refusal.message;
  }
  return out;
};
/** The steps an actor may take on a check: the workflow's, less the other side's (`checkSideRefusal`). */
const stepsFor = (row: typeof c.$inferSelect, tally: ReturnType<typeof checkTally>, ctx: Ctx, aid: boolean) => {
  if (!aid) return [];
  const actor = actorOf(ctx);
  return wf.allowed(checkCase(row.status, tally), actor).filter((a) => !checkSideRefusal(a, row.checkerLevel, actor.level));
};

export const CheckFilter = Page.extend({
  semester: AidSemester.optional(),
  unitCode: DivisionCode.optional(),
  status: AidCheckStatus.optional(),
}).strict();

type CheckQuery = z.infer<typeof CheckFilter>;
const checkWhere = (ctx: Pick<Ctx, 'scope'>, input: Omit<CheckQuery, 'page' | 'pageSize'>) =>
  and(
    recordScope(ctx.scope, c),
    input.semester ? eq(c.semester, input.semester) : undefined,
    input.unitCode ? eq(c.unitCode, input.unitCode) : undefined,
    input.status ? eq(c.status, input.status) : undefined,
  );
/** The checks of a filter, newest first, with their unit, school and tallies (a page of them, or up to the export's bound). */
async function checkRows(db: Ctx['db'], where: ReturnType<typeof checkWhere>, limit: number, offset = 0) {
  const rows = await db
    .select({
      c,
      unitName: orgUnits.name,
      schoolName: schools.name,
      recorded: sql<number>`(select count(*) from ${ci} where ${ci.checkId} = ${c.id} and ${ci.verdict} is not null)::int`,
      refuted: sql<number>`(select count(*) from ${ci} where ${ci.checkId} = ${c.id} and ${ci.verdict} = 'refuted')::int`,
    })
    .from(c)
    .innerJoin(orgUnits, eq(orgUnits.code, c.unitCode))
    .leftJoin(schools, eq(schools.id, c.schoolId))
    .where(where)
    .orderBy(desc(c.id))
    .limit(limit)
    .offset(offset);
  return rows.map((r) => ({
    id: r.c.id,
    semester: r.c.semester,
    unitCode: r.c.unitCode,
    unitName: r.unitName,
    schoolName: r.schoolName ?? null,
    checkerLevel: r.c.checkerLevel,
    size: r.c.size,
    recorded: r.recorded,
    refuted: r.refuted,
    status: r.c.status,
    createdAt: r.c.createdAt.toISOString(),
  }));
}

export const aidChecksRouter = {
  /** The spot checks of the caller's scope (everyone with the module; no names), newest first, with their tallies. */
  checks: readProcedure('funding')
    .input(CheckFilter)
    .query(async ({ ctx, input }) => {
      const where = checkWhere(ctx, input);
      const [rows, [total]] = await Promise.all([
        checkRows(ctx.db, where, input.pageSize, (input.page - 1) * input.pageSize),
        ctx.db
          .select({ n: sql<number>`count(*)::int` })
          .from(c)
          .where(where),
      ]);
      const level = actorLevel(ctx.scope);
      return {
        total: total?.n ?? 0,
        canCreate: level !== 'school' && (await hasAidRole(ctx)),
        sample: AID_CHECK_SAMPLE,
        rows,
      };
    }),

  /** The spot checks as Excel (the list's filters; counts only, no names). */
  exportChecks: exportProcedure('funding')
    .input(CheckFilter.omit(NO_PAGE))
    .query(async ({ ctx, input }) => {
      const rows = await checkRows(ctx.db, checkWhere(ctx, input), MAX_EXPORT);
      return exportBook(
        ctx,
        '资助抽查',
        [
          { key: 'id', header: '编号', width: 8 },
          { key: 'semester', header: '学期', width: 14 },
          { key: 'unit', header: '县市区', width: 12 },
          { key: 'school', header: '学校', width: 26 },
          { key: 'checker', header: '组织单位', width: 16 },
          { key: 'size', header: '抽取笔数', width: 10 },
          { key: 'recorded', header: '已核查', width: 8 },
          { key: 'refuted', header: '不属实', width: 8 },
          { key: 'status', header: '状态', width: 10 },
          { key: 'drawnOn', header: '抽取日期', width: 12 },
        ],
        rows.map((r) => ({
          id: r.id,
          semester: semesterLabel(r.semester),
          unit: r.unitName,
          school: r.schoolName ?? '全县（不限学校）',
          checker: r.checkerLevel === 'city' ? '市学生资助管理中心' : '县市区学生资助管理中心',
          size: r.size,
          recorded: r.recorded,
          refuted: r.refuted,
          status: wf.stateLabels[r.status].zh,
          drawnOn: beijingDate(new Date(r.createdAt)),
        })),
      );
    }),

  /** The schools the caller may draw a check of (the aid role's county or the city; by name). */
  checkSchools: readProcedure('funding:aid')
    .input(z.object({ q: textField(40, '搜索词').optional() }).strict())
    .query(async ({ ctx, input }) =>
      ctx.db
        .select({ id: schools.id, name: schools.name, unitCode: schools.unitCode })
        .from(schools)
        .where(and(scopeCondition(ctx.scope), input.q ? ilike(schools.name, contains(input.q)) : undefined))
        .orderBy(asc(schools.code))
        .limit(20),
    ),

  /**
   * One check (audited): its scope, the sampled payments with their results (names masked without the aid role), the
   * tally, and the steps and result entry the caller may take.
   */
  check: viewProcedure('funding')
    .input(z.object({ id: RecordId }).strict())
    .query(async ({ ctx, input }) => {
      const row = await visibleCheck(ctx, input.id);
      const aid = await hasAidRole(ctx);
      const [[unit], [school], items] = await Promise.all([
        ctx.db.select({ name: orgUnits.name }).from(orgUnits).where(eq(orgUnits.code, row.unitCode)),
        row.schoolId
          ? ctx.db.select({ name: schools.name }).from(schools).where(eq(schools.id, row.schoolId))
          : Promise.resolve([] as { name: string }[]),
        ctx.db
          .select({
            id: ci.id,
            ord: ci.ord,
            verdict: ci.verdict,
            problem: ci.problem,
            note: ci.note,
            paymentId: p.id,
            item: p.item,
            kind: p.kind,
            amount: p.amount,
            paidOn: p.paidOn,
            name: sql<string>`coalesce(${st.name}, '')`,
            idMasked: sql<string>`coalesce(${st.idMasked}, '')`,
            schoolName: sql<string>`coalesce(${schools.name}, '')`,
          })
          .from(ci)
          .innerJoin(p, eq(p.id, ci.paymentId))
          .leftJoin(st, eq(st.id, p.studentId))
          .leftJoin(schools, eq(schools.id, p.schoolId))
          .where(eq(ci.checkId, row.id))
          .orderBy(asc(ci.ord)),
      ]);
      const tally = checkTally(items);
      const level = actorLevel(ctx.scope);
      return {
        id: row.id,
        semester: row.semester,
        semesterLabel: semesterLabel(row.semester),
        unitCode: row.unitCode,
        unitName: unit?.name ?? '',
        schoolName: school?.name ?? null,
        checkerLevel: row.checkerLevel,
        size: row.size,
        seed: row.seed,
        population: row.population,
        status: row.status,
        rectification: row.rectification,
        reason: row.reason,
        createdBy: row.createdBy,
        createdAt: row.createdAt.toISOString(),
        closedOn: row.closedOn,
        version: row.version,
        tally,
        aidRole: aid,
        canRecord: aid && resultsRefusal(row.status, row.checkerLevel, level) === null,
        allowed: stepsFor(row, tally, ctx, aid),
        needs: needsFor(row, tally, ctx, aid),
        items: items.map((i) => person({ ...i, categories: [] as string[] }, aid)),
      };
    }),

  /** A check's 操作记录. */
  checkHistory: viewProcedure('funding')
    .input(z.object({ id: RecordId }).strict())
    .query(async ({ ctx, input }) => {
      await visibleCheck(ctx, input.id);
      return recordHistory(ctx.db, CHECK_TARGET, input.id);
    }),

  /**
   * Draws a check: the city aid centre for any county, a county's aid centre for its own (a school does not check);
   * optionally one school of the county. The population is the semester's payments (regular and 补发) of that county or
   * school; the seed is random, stored with the population's size and the drawn payments (`drawSample`). Audited.
   */
  createCheck: write.input(AidCheckCreateInput).mutation(async ({ ctx, input }) => {
    const level = actorLevel(ctx.scope);
    // A county outside the scope (a school's scope holds no county) and one that does not exist: the same NOT_FOUND.
    if (!unitInScope(ctx.scope, input.unitCode)) throw notFound('org_unit', input.unitCode);
    if (input.schoolId !== undefined) {
      const school = await schoolInScope(ctx, input.schoolId);
      if (school.unitCode !== input.unitCode) throw fieldError('schoolId', '该学校不属于所选县市区');
    }
    if (level === 'school') throw new TRPCError({ code: 'FORBIDDEN', message: '资助抽查由市学生资助管理中心或县市区组织' });
    const [unit] = await ctx.db.select({ code: orgUnits.code }).from(orgUnits).where(eq(orgUnits.code, input.unitCode));
    if (!unit) throw notFound('org_unit', input.unitCode);
    return ctx.db.transaction(async (tx) => {
      const population = (
        await tx
          .select({ id: p.id })
          .from(p)
          .where(
            and(
              eq(p.semester, input.semester),
              eq(p.unitCode, input.unitCode),
              input.schoolId !== undefined ? eq(p.schoolId, input.schoolId) : undefined,
            ),
          )
      ).map((r) => r.id);
      if (!population.length) throw fieldError('semester', '所选范围本学期没有资助发放记录，无法抽查');
      const seed = randomInt(1, 2 ** 31 - 1);
      const drawn = drawSample(population, input.size, seed);
      const [check] = await tx
        .insert(c)
        .values({
          semester: input.semester,
          unitCode: input.unitCode,
          schoolId: input.schoolId ?? null,
          checkerLevel: level,
          size: drawn.length,
          seed,
          population: population.length,
          status: wf.initial,
          createdBy: ctx.identity.username,
          createdAt: ctx.now,
          updatedBy: ctx.identity.username,
          updatedAt: ctx.now,
        })
        .returning({ id: c.id, version: c.version });
      await tx.insert(ci).values(drawn.map((paymentId, i) => ({ checkId: check!.id, paymentId, ord: i + 1 })));
      await auditChange(tx, ctx, {
        action: 'funding.aid.createCheck',
        targetType: CHECK_TARGET,
        targetId: check!.id,
        after: {
          semester: input.semester,
          unit: input.unitCode,
          schoolId: input.schoolId ?? null,
          size: drawn.length,
          seed,
          population: population.length,
          payments: drawn,
        },
      });
      return { id: check!.id, version: check!.version, size: drawn.length };
    });
  }),

  /**
   * Results on a check's sampled payments (the checker, while 抽查中): guarded by the check's version under a row lock —
   * two saves on one version: one CONFLICT —; the version moves on; audited with what changed.
   */
  recordCheck: write.input(AidCheckResultsInput).mutation(async ({ ctx, input }) => {
    const row = await visibleCheck(ctx, input.id);
    const refusal = resultsRefusal(row.status, row.checkerLevel, actorLevel(ctx.scope));
    if (refusal) throw new TRPCError({ code: row.checkerLevel === actorLevel(ctx.scope) ? 'CONFLICT' : 'FORBIDDEN', message: refusal });
    return ctx.db.transaction(async (tx) => {
      const [locked] = await tx.select().from(c).where(eq(c.id, input.id)).for('update');
      if (!locked || locked.version !== input.expectedVersion) throw conflict();
      if (locked.status !== 'checking') throw conflict();
      const ids = input.results.map((r) => r.itemId);
      const before = await tx
        .select()
        .from(ci)
        .where(and(eq(ci.checkId, input.id), inArray(ci.id, ids)));
      if (before.length !== ids.length) throw fieldError('results', '核查结果中有不属于该抽查的对象，请刷新后重试');
      for (const r of input.results)
        await tx
          .update(ci)
          .set({
            verdict: r.verdict,
            problem: r.verdict === 'refuted' ? r.problem! : null,
            note: r.note?.trim() || null,
            recordedBy: ctx.identity.username,
            recordedAt: ctx.now,
          })
          .where(eq(ci.id, r.itemId));
      const [saved] = await tx
        .update(c)
        .set({ version: locked.version + 1, updatedBy: ctx.identity.username, updatedAt: ctx.now })
        .where(eq(c.id, input.id))
        .returning({ version: c.version });
      await auditChange(tx, ctx, {
        action: 'funding.aid.recordCheck',
        targetType: CHECK_TARGET,
        targetId: input.id,
        before: { results: before.map((b) => ({ itemId: b.id, verdict: b.verdict, problem: b.problem, note: b.note })) },
        after: { results: input.results },
      });
      const tally = checkTally(await tx.select({ verdict: ci.verdict }).from(ci).where(eq(ci.checkId, input.id)));
      return { version: saved!.version, tally };
    });
  }),

  /**
   * A step of a check (`AID_CHECK_WORKFLOW` through `applyStep`, and the check's side rule): 办结 when all 属实, 下发整改
   * when any is 不属实 (every result in), 提交整改情况 (with its text) by the checked side, 退回整改 or 办结 by the checker.
   */
  checkStep: write.input(AidCheckStepInput).mutation(async ({ ctx, input }) => {
    const row = await visibleCheck(ctx, input.id);
    const actor = actorOf(ctx);
    const side = checkSideRefusal(input.action, row.checkerLevel, actor.level);
    if (side) throw new TRPCError({ code: 'FORBIDDEN', message: side });
    if (input.action === 'rectify' && !input.rectification?.trim()) throw fieldError('rectification', '请填写整改情况');
    const tally = await tallyOf(ctx, input.id);
    return applyStep(ctx, {
      wf,
      table: c,
      stateKey: 'status',
      id: input.id,
      expectedVersion: input.expectedVersion,
      action: input.action,
      actor,
      reason: input.reason ?? null,
      caseOf: (r) => checkCase(r.status, tally),
      changes: (_r, to) => ({
        updatedBy: ctx.identity.username,
        updatedAt: ctx.now,
        ...(to === 'closed' ? { closedOn: ctx.today } : {}),
        ...(input.action === 'rectify' ? { rectification: input.rectification!.trim() } : {}),
        ...(input.action === 'reject' ? { reason: input.reason ?? null } : {}),
      }),
      audit: {
        targetType: CHECK_TARGET,
        after: (_r, to) => ({
          status: to,
          ...(input.reason ? { reason: input.reason } : {}),
          ...(input.rectification ? { rectification: input.rectification } : {}),
        }),
      },
    });
  }),
} satisfies TRPCRouterRecord;

import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { and, asc, count, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { decryptField, tables, type Db, type Tx } from '@hyedu/db';
import { DivisionCode, PlanYear, RecordId, RecordVersion, textField, type DataScope } from '@hyedu/domain';
import {
  HONOUR_LEVEL_LABELS,
  HonourRoundInput,
  NOMINATION_COUNTED,
  NOMINATION_STATUS_LABELS,
  NominationAction,
  nominationCase,
  NominationInput,
  nominationRefusal,
  NominationStatus,
  roundRefusal,
  NOMINATION_WORKFLOW as wf,
} from '@hyedu/domain/teachers';
import { auditChange } from '../../../audit-change.ts';
import type { AuthedContext } from '../../../context.ts';
import { exportBook, MAX_EXPORT, NO_PAGE } from '../../../exports.ts';
import { fieldError } from '../../../field-error.ts';
import { recordHistory } from '../../../history.ts';
import { Page } from '../../../inputs.ts';
import { containsText } from '../../../queries.ts';
import { actorLevel, recordScope } from '../../../record-scope.ts';
import { scoped } from '../../../scoped.ts';
import { passes } from '../../../trpc.ts';
import { applyStep } from '../../../workflow-step.ts';
import { passGate, recordEntry, STAFF_TARGET, staffCipherId } from '../gate.ts';
import { exporter, read, write } from '../procedures.ts';

const { teacherHonourRounds: hr, teacherNominations: nm, teacherStaff: st, schools, orgUnits } = tables;
export const ROUND_TARGET = 'teacher_honour_round';
export const NOMINATION_TARGET = 'teacher_nomination';
type Ctx = Pick<AuthedContext, 'db' | 'scope'>;
const Id = z.object({ id: RecordId }).strict();

export const RoundFilter = Page.extend({ year: PlanYear.optional() }).strict();
export const NominationFilter = Page.extend({
  roundId: RecordId.optional(),
  unitCode: DivisionCode.optional(),
  status: NominationStatus.optional(),
  q: textField(20, '姓名').optional(),
}).strict();
type NominationFilter = z.infer<typeof NominationFilter>;

/**
 * The rounds a caller takes part in: the city every round; a county those giving one of its units a quota; a school
 * none (the schools do not nominate; they see their teachers' nominations).
 */
const roundScope = (scope: DataScope): SQL | undefined =>
  scope.kind === 'all'
    ? undefined
    : scope.kind === 'units' && scope.unitCodes.length
      ? or(...scope.unitCodes.map((u) => sql`jsonb_exists(${hr.quotas}, ${u})`))
      : sql`false`;

/** A round the caller takes part in, or the one NOT_FOUND. */
const visibleRound = (ctx: Ctx, id: number) =>
  scoped(
    ROUND_TARGET,
    id,
    async () =>
      (
        await ctx.db
          .select()
          .from(hr)
          .where(and(eq(hr.id, id), roundScope(ctx.scope)))
      )[0],
  );

/** A nomination of a teacher in the caller's scope, or the one NOT_FOUND. */
const visibleNomination = (ctx: Ctx, id: number) =>
  scoped(
    NOMINATION_TARGET,
    id,
    async () =>
      (
        await ctx.db
          .select()
          .from(nm)
          .where(and(eq(nm.id, id), recordScope(ctx.scope, nm)))
      )[0],
  );

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

/** Nominations of a unit in a round that count against its quota. */
const countedOf = async (db: Pick<Tx, 'select'>, roundId: number, unitCode: string) =>
  (
    await db
      .select({ n: count() })
      .from(nm)
      .where(and(eq(nm.roundId, roundId), eq(nm.unitCode, unitCode), inArray(nm.status, [...NOMINATION_COUNTED])))
  )[0]?.n ?? 0;

const nominationWhere = (scope: DataScope, f: Omit<NominationFilter, 'page' | 'pageSize'>) =>
  and(
    recordScope(scope, nm),
    f.roundId ? eq(nm.roundId, f.roundId) : undefined,
    f.unitCode ? eq(nm.unitCode, f.unitCode) : undefined,
    f.status ? eq(nm.status, f.status) : undefined,
    f.q ? containsText(nm.name, f.q) : undefined,
  );

const nominationRows = (db: Db, where: SQL | undefined) =>
  db
    .select({
      id: nm.id,
      roundId: nm.roundId,
      roundName: hr.name,
      roundYear: hr.year,
      name: nm.name,
      schoolName: schools.name,
      unitCode: nm.unitCode,
      unitName: orgUnits.name,
      deeds: nm.deeds,
      status: nm.status,
      reason: nm.reason,
      createdBy: nm.createdBy,
      createdAt: nm.createdAt,
      version: nm.version,
    })
    .from(nm)
    .innerJoin(hr, eq(hr.id, nm.roundId))
    .innerJoin(schools, eq(schools.id, nm.schoolId))
    .innerJoin(orgUnits, eq(orgUnits.code, nm.unitCode))
    .where(where)
    .orderBy(desc(hr.year), asc(orgUnits.sortOrder), asc(nm.id));

const canWrite = (ctx: AuthedContext) => passes(ctx, { access: 'area', area: 'teachers', action: 'write' });

/** 表彰: the city's rounds with county quotas; the counties' nominations through the gate; the city's review. */
export const honoursRouter = {
  rounds: read.input(RoundFilter).query(async ({ ctx, input }) => {
    const where = and(roundScope(ctx.scope), input.year ? eq(hr.year, input.year) : undefined);
    const [rows, [total], mayWrite] = await Promise.all([
      ctx.db
        .select({
          id: hr.id,
          name: hr.name,
          year: hr.year,
          level: hr.level,
          quotas: hr.quotas,
        })
        .from(hr)
        .where(where)
        .orderBy(desc(hr.year), desc(hr.id))
        .limit(input.pageSize)
        .offset((input.page - 1) * input.pageSize),
      ctx.db.select({ n: count() }).from(hr).where(where),
      canWrite(ctx),
    ]);
    const counts = rows.length
      ? await ctx.db
          .select({
            roundId: nm.roundId,
            nominated: sql<number>`count(*) filter (where ${inArray(nm.status, [...NOMINATION_COUNTED])})::int`,
            approved: sql<number>`count(*) filter (where ${nm.status} = 'approved')::int`,
          })
          .from(nm)
          .where(
            and(
              inArray(
                nm.roundId,
                rows.map((r) => r.id),
              ),
              recordScope(ctx.scope, nm),
            ),
          )
          .groupBy(nm.roundId)
      : [];
    const own = ctx.scope.kind === 'units' ? ctx.scope.unitCodes : null;
    return {
      total: total?.n ?? 0,
      page: input.page,
      pageSize: input.pageSize,
      canCreate: mayWrite && actorLevel(ctx.scope) === 'city',
      rows: rows.map(({ quotas, ...r }) => ({
        ...r,
        nominated: counts.find((c) => c.roundId === r.id)?.nominated ?? 0,
        approved: counts.find((c) => c.roundId === r.id)?.approved ?? 0,
        quota: Object.entries(quotas)
          .filter(([u]) => !own || own.includes(u))
          .reduce((a, [, q]) => a + q, 0),
      })),
    };
  }),

  /** One round: its quotas per unit (the caller's units) with the nominations counted, and whether the caller nominates. */
  round: read.input(Id).query(async ({ ctx, input }) => {
    const round = await visibleRound(ctx, input.id);
    const own = ctx.scope.kind === 'units' ? ctx.scope.unitCodes : ctx.scope.kind === 'all' ? null : [];
    const codes = Object.keys(round.quotas).filter((u) => !own || own.includes(u));
    const [units, counted, mayWrite] = await Promise.all([
      codes.length
        ? ctx.db
            .select({ code: orgUnits.code, name: orgUnits.name })
            .from(orgUnits)
            .where(inArray(orgUnits.code, codes))
            .orderBy(orgUnits.sortOrder)
        : Promise.resolve([]),
      ctx.db
        .select({ unitCode: nm.unitCode, n: count() })
        .from(nm)
        .where(and(eq(nm.roundId, round.id), inArray(nm.status, [...NOMINATION_COUNTED])))
        .groupBy(nm.unitCode),
      canWrite(ctx),
    ]);
    return {
      ...round,
      createdAt: round.createdAt.toISOString(),
      levelLabel: HONOUR_LEVEL_LABELS[round.level].zh,
      quotas: units.map((u) => ({
        unitCode: u.code,
        unitName: u.name,
        quota: round.quotas[u.code] ?? 0,
        nominated: counted.find((c) => c.unitCode === u.code)?.n ?? 0,
      })),
      canNominate: mayWrite && actorLevel(ctx.scope) !== 'school',
    };
  }),

  /** 发起评选: the city, with each unit's quota. */
  createRound: write.input(HonourRoundInput).mutation(async ({ ctx, input }) => {
    const refusal = roundRefusal(input);
    if (refusal) throw fieldError(refusal.field, refusal.message);
    const codes = input.quotas.map((q) => q.unitCode);
    const known = await ctx.db.select({ code: orgUnits.code }).from(orgUnits).where(inArray(orgUnits.code, codes));
    const unknown = codes.find((c) => !known.some((k) => k.code === c));
    if (unknown) throw fieldError('quotas', `名额分配中的单位${unknown}不存在`);
    if (actorLevel(ctx.scope) !== 'city') throw new TRPCError({ code: 'FORBIDDEN', message: '表彰评选由市教育局发起' });
    const quotas = Object.fromEntries(input.quotas.map((q) => [q.unitCode, q.quota]));
    return ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(hr)
        .values({ name: input.name, year: input.year, level: input.level, quotas, createdBy: ctx.identity.username, createdAt: ctx.now })
        .returning({ id: hr.id, version: hr.version });
      await auditChange(tx, ctx, {
        action: 'teachers.honours.createRound',
        targetType: ROUND_TARGET,
        targetId: row!.id,
        after: { name: input.name, year: input.year, level: input.level, quotas },
      });
      return row!;
    });
  }),

  /** The teachers in post in the caller's scope a county may nominate, by name. */
  candidates: read.input(z.object({ q: textField(20, '姓名').optional() }).strict()).query(({ ctx, input }) =>
    ctx.db
      .select({ id: st.id, name: st.name, schoolName: schools.name, subject: st.subject, title: st.title })
      .from(st)
      .innerJoin(schools, eq(schools.id, st.schoolId))
      .where(and(sql`${st.leftOn} is null`, recordScope(ctx.scope, st), input.q ? containsText(st.name, input.q) : undefined))
      .orderBy(st.unitCode, st.schoolId, st.id)
      .limit(20),
  ),

  /**
   * 推荐: a county its teacher in post (the city any), within the county's quota, through the entry gate (kind
   * `nomination`: no standing 黑名单 entry, no 师德 record barring it). A refused nomination is recorded like a refused
   * hire (an entry row with the reason, a denied audit record).
   */
  nominate: write.input(NominationInput).mutation(async ({ ctx, input }) => {
    const round = await visibleRound(ctx, input.roundId);
    const teacher = await visibleStaff(ctx, input.staffId);
    if (actorLevel(ctx.scope) === 'school') throw new TRPCError({ code: 'FORBIDDEN', message: '表彰人选由县市区教育局推荐' });
    const [already] = await ctx.db
      .select({ id: nm.id })
      .from(nm)
      .where(and(eq(nm.roundId, round.id), eq(nm.idIndex, teacher.idIndex), sql`${nm.status} <> 'withdrawn'`));
    const check = async (db: Pick<Tx, 'select'>) =>
      nominationRefusal({
        inPost: teacher.leftOn === null,
        already: !!already,
        quota: round.quotas[teacher.unitCode] ?? null,
        counted: await countedOf(db, round.id, teacher.unitCode),
      });
    const refusal = await check(ctx.db);
    if (refusal) throw fieldError(refusal.field, refusal.message);
    const entry = {
      kind: 'nomination' as const,
      name: teacher.name,
      idNumber: decryptField(ctx.keys.dataKey, teacher.idCipher, staffCipherId(teacher.idIndex)),
      idIndex: teacher.idIndex,
      schoolId: teacher.schoolId,
      unitCode: teacher.unitCode,
      entersOn: ctx.today,
      query: null,
      honourYear: round.year,
      personField: 'staffId',
    };
    await passGate(ctx, entry);
    return ctx.db.transaction(async (tx) => {
      // The round's row lock serialises nominations: the last place of a quota goes to one of two racing nominations.
      await tx.select({ id: hr.id }).from(hr).where(eq(hr.id, round.id)).for('update');
      const late = await check(tx);
      if (late) throw fieldError(late.field, late.message);
      const [admitted] = await recordEntry(tx, ctx, entry, teacher.id);
      const [row] = await tx
        .insert(nm)
        .values({
          roundId: round.id,
          staffId: teacher.id,
          schoolId: teacher.schoolId,
          unitCode: teacher.unitCode,
          idIndex: teacher.idIndex,
          name: teacher.name,
          deeds: input.deeds,
          status: wf.initial,
          entryId: admitted!.id,
          createdBy: ctx.identity.username,
          createdAt: ctx.now,
        })
        .onConflictDoNothing()
        .returning({ id: nm.id, version: nm.version });
      if (!row) throw fieldError('staffId', '该教师已在本次评选中被推荐');
      await auditChange(tx, ctx, {
        action: 'teachers.honours.nominate',
        targetType: NOMINATION_TARGET,
        targetId: row.id,
        after: { roundId: round.id, staffId: teacher.id, schoolId: teacher.schoolId, deeds: input.deeds },
      });
      return row;
    });
  }),

  /** The nominations of the caller's scope, each with the steps the caller may take. */
  nominations: read.input(NominationFilter).query(async ({ ctx, input }) => {
    const where = nominationWhere(ctx.scope, input);
    const [rows, [total], mayWrite] = await Promise.all([
      nominationRows(ctx.db, where)
        .limit(input.pageSize)
        .offset((input.page - 1) * input.pageSize),
      ctx.db.select({ n: count() }).from(nm).where(where),
      canWrite(ctx),
    ]);
    const actor = { level: actorLevel(ctx.scope), username: ctx.identity.username };
    return {
      total: total?.n ?? 0,
      page: input.page,
      pageSize: input.pageSize,
      rows: rows.map((r) => {
        const c = nominationCase(r);
        return {
          ...r,
          createdAt: r.createdAt.toISOString(),
          allowed: mayWrite ? wf.allowed(c, actor) : [],
          corrections: mayWrite ? wf.corrections(c, actor) : [],
        };
      }),
    };
  }),

  /** 批准, 不予通过 (with a reason; the city, not on its own nomination) and 撤回 (the nominator's level). */
  step: write
    .input(
      z
        .object({ id: RecordId, expectedVersion: RecordVersion, action: NominationAction, reason: textField(500, '原因').optional() })
        .strict(),
    )
    .mutation(async ({ ctx, input }) => {
      await visibleNomination(ctx, input.id);
      const who = ctx.identity.username;
      return applyStep(ctx, {
        wf,
        table: nm,
        stateKey: 'status',
        id: input.id,
        expectedVersion: input.expectedVersion,
        action: input.action,
        reason: input.reason,
        actor: { level: actorLevel(ctx.scope), username: who },
        caseOf: nominationCase,
        changes: () =>
          input.action === 'withdraw'
            ? { reason: input.reason ?? null }
            : { reason: input.reason ?? null, decidedBy: who, decidedAt: ctx.now },
        audit: { targetType: NOMINATION_TARGET },
      });
    }),

  history: read.input(Id).query(async ({ ctx, input }) => {
    await visibleNomination(ctx, input.id);
    return recordHistory(ctx.db, NOMINATION_TARGET, input.id);
  }),

  /** The nominations list as Excel, with its filters. */
  exportNominations: exporter.input(NominationFilter.omit(NO_PAGE)).query(async ({ ctx, input }) => {
    const rows = await nominationRows(ctx.db, nominationWhere(ctx.scope, input)).limit(MAX_EXPORT);
    return exportBook(
      ctx,
      '表彰推荐',
      [
        { key: 'roundYear', header: '年度', width: 7 },
        { key: 'roundName', header: '表彰', width: 16 },
        { key: 'unitName', header: '县市区', width: 10 },
        { key: 'schoolName', header: '学校', width: 26 },
        { key: 'name', header: '姓名', width: 10 },
        { key: 'status', header: '状态', width: 9 },
        { key: 'reason', header: '原因', width: 24 },
        { key: 'deeds', header: '主要事迹', width: 40 },
      ],
      rows.map((r) => ({
        roundYear: r.roundYear,
        roundName: r.roundName,
        unitName: r.unitName,
        schoolName: r.schoolName,
        name: r.name,
        status: NOMINATION_STATUS_LABELS[r.status],
        reason: r.reason ?? '',
        deeds: r.deeds,
      })),
    );
  }),
} satisfies TRPCRouterRecord;

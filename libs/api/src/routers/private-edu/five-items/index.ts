import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { and, count, eq, ilike } from 'drizzle-orm';
import { z } from 'zod';
import { tables } from '@hyedu/db';
import { authorize, DivisionCode, gradeLabel, RecordId, RecordVersion, textField } from '@hyedu/domain';
import {
  FIVE_ITEMS_EDITABLE,
  FIVE_ITEMS_LIMITS,
  FIVE_ITEMS_TERM_LABELS,
  FiveItemsAction,
  fiveItemsCase,
  fiveItemsGrades,
  FiveItemsInput,
  fiveItemsJudgement,
  fiveItemsOverdue,
  fiveItemsRefusals,
  fiveItemsReviewer,
  FiveItemsTerm,
  FiveItemsUpdate,
  FIVE_ITEMS_WORKFLOW as wf,
  workEndFor,
  type FiveItemsFigures,
  type FiveItemsSettings,
} from '@hyedu/domain/private-edu';
import { auditChange } from '../../../audit-change.ts';
import type { AuthedContext } from '../../../context.ts';
import { exportBook, MAX_EXPORT, NO_PAGE } from '../../../exports.ts';
import { fieldError } from '../../../field-error.ts';
import { recordHistory } from '../../../history.ts';
import { Page } from '../../../inputs.ts';
import { contains } from '../../../queries.ts';
import { actorLevel, recordScope, schoolInScope } from '../../../record-scope.ts';
import { scoped } from '../../../scoped.ts';
import { exportProcedure } from '../../../trpc.ts';
import { applyStep, conflict } from '../../../workflow-step.ts';
import { read, write } from '../procedures.ts';
import { concernedWhere, FiveItemsFilter, fiveItemsRows, fiveItemsWhere, missingWhere } from './query.ts';
import { fiveItemsSettings, fiveItemsSettingsRouter } from './settings.ts';

const { privateFiveItemsReturns: r, schools, orgUnits } = tables;
export const FIVE_ITEMS_TARGET = 'private_five_items_return';
const Id = z.object({ id: RecordId }).strict();
type Ctx = Pick<AuthedContext, 'db' | 'scope'>;
const iso = (d: Date | null) => d?.toISOString() ?? null;
const canWrite = (ctx: AuthedContext) => authorize(ctx.identity.grants, { area: 'private-edu', action: 'write' }).allowed;

/** A return in the caller's scope, or the one NOT_FOUND. */
const visible = (ctx: Ctx, id: number) =>
  scoped(
    FIVE_ITEMS_TARGET,
    id,
    async () =>
      (
        await ctx.db
          .select()
          .from(r)
          .where(and(eq(r.id, id), recordScope(ctx.scope, r)))
      )[0],
  );

/** A bureau level acts on a school's return only as its reviewer (a county its schools, the city 市直 schools). */
function actsAsReviewer(ctx: Ctx, schoolUnit: string, s: { city: string }) {
  const level = actorLevel(ctx.scope);
  if (level !== 'school' && fiveItemsReviewer(schoolUnit, s.city) !== level)
    throw new TRPCError({ code: 'FORBIDDEN', message: '五项管理报表由学校所在县市区教育局审核' });
}

/** The figures as stored, with the judgement made with the county's 下班时间. */
function judged(f: FiveItemsFigures, unitCode: string, s: FiveItemsSettings) {
  const j = fiveItemsJudgement(f, { workEnd: workEndFor(s, unitCode) });
  return {
    grades: f.grades,
    phoneManaged: f.phoneManaged,
    phoneWrittenRequest: f.phoneWrittenRequest,
    readingReviewed: f.readingReviewed,
    afterSchoolCovered: f.afterSchoolCovered,
    afterSchoolWilling: f.afterSchoolWilling,
    afterSchoolEnd: f.afterSchoolEnd,
    note: f.note || null,
    compliant: j.compliant,
    breaches: j.breaches.length,
  };
}

const refuse = (level: Parameters<typeof fiveItemsRefusals>[0], f: FiveItemsFigures) => {
  const [first] = fiveItemsRefusals(level, f);
  if (first) throw fieldError(first.field, first.message);
};

const figuresOf = (row: typeof r.$inferSelect): FiveItemsFigures => ({
  grades: row.grades,
  phoneManaged: row.phoneManaged,
  phoneWrittenRequest: row.phoneWrittenRequest,
  readingReviewed: row.readingReviewed,
  afterSchoolCovered: row.afterSchoolCovered,
  afterSchoolWilling: row.afterSchoolWilling,
  afterSchoolEnd: row.afterSchoolEnd,
  note: row.note ?? undefined,
});

const exporter = exportProcedure('private-edu');
const MissingFilter = Page.extend({ term: FiveItemsTerm, unitCode: DivisionCode.optional() }).strict();

/** 五项管理 returns: list, one return with its judgement, create, correct, review steps, history, export, missing schools, settings. */
export const fiveItemsRouter = {
  list: read.input(FiveItemsFilter).query(async ({ ctx, input }) => {
    const s = await fiveItemsSettings(ctx.db);
    const where = fiveItemsWhere(ctx.scope, input, s, ctx.today);
    const [rows, [total]] = await Promise.all([
      fiveItemsRows(ctx.db, where)
        .limit(input.pageSize)
        .offset((input.page - 1) * input.pageSize),
      ctx.db.select({ n: count() }).from(r).innerJoin(schools, eq(schools.id, r.schoolId)).where(where),
    ]);
    return {
      total: total?.n ?? 0,
      page: input.page,
      pageSize: input.pageSize,
      canCreate: canWrite(ctx),
      rows: rows.map((x) => ({
        ...x,
        submittedAt: iso(x.submittedAt),
        termLabel: FIVE_ITEMS_TERM_LABELS[x.term].zh,
        due: s.due[x.term],
        overdue: fiveItemsOverdue(x.status, s.due[x.term], ctx.today),
      })),
    };
  }),

  /** One return with its school, the limits of its grades, the judgement now and the caller's steps. */
  byId: read.input(Id).query(async ({ ctx, input }) => {
    const [row, s] = await Promise.all([visible(ctx, input.id), fiveItemsSettings(ctx.db)]);
    const [school] = await ctx.db
      .select({ name: schools.name, code: schools.code, level: schools.level, unitName: orgUnits.name })
      .from(schools)
      .innerJoin(orgUnits, eq(orgUnits.code, schools.unitCode))
      .where(eq(schools.id, row.schoolId));
    const level = actorLevel(ctx.scope);
    const acts = canWrite(ctx) && (level === 'school' || fiveItemsReviewer(row.unitCode, s.city) === level);
    const workEnd = workEndFor(s, row.unitCode);
    return {
      ...row,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      submittedAt: iso(row.submittedAt),
      decidedAt: iso(row.decidedAt),
      school: school!,
      termLabel: FIVE_ITEMS_TERM_LABELS[row.term].zh,
      due: s.due[row.term],
      overdue: fiveItemsOverdue(row.status, s.due[row.term], ctx.today),
      workEnd,
      limits: row.grades.map((g) => ({ grade: g.grade, label: gradeLabel(g.grade), ...FIVE_ITEMS_LIMITS[g.grade] })),
      judgement: fiveItemsJudgement(figuresOf(row), { workEnd }),
      canEdit: acts && FIVE_ITEMS_EDITABLE.includes(row.status),
      allowed: acts ? wf.allowed(fiveItemsCase(row), { level, username: ctx.identity.username }) : [],
    };
  }),

  /** The schools the caller may file a return for (every school with compulsory grades in scope), by name. */
  schools: read.input(z.object({ q: textField(40, '搜索词').optional() }).strict()).query(({ ctx, input }) =>
    ctx.db
      .select({ id: schools.id, name: schools.name })
      .from(schools)
      .where(and(concernedWhere(ctx.scope), input.q ? ilike(schools.name, contains(input.q)) : undefined))
      .orderBy(schools.code)
      .limit(20),
  ),

  /** The grades a school reports on (the form's rows) and the limits of each. */
  grades: read.input(z.object({ schoolId: RecordId }).strict()).query(async ({ ctx, input }) => {
    const school = await schoolInScope(ctx, input.schoolId);
    return fiveItemsGrades(school.level).map((g) => ({ grade: g, label: gradeLabel(g), ...FIVE_ITEMS_LIMITS[g] }));
  }),

  /** A return for one school and term (the school for itself, the reviewer for its school), as a draft; one per school and term. */
  create: write.input(FiveItemsInput).mutation(async ({ ctx, input }) => {
    const [school, s] = await Promise.all([schoolInScope(ctx, input.schoolId), fiveItemsSettings(ctx.db)]);
    actsAsReviewer(ctx, school.unitCode, s);
    if (!fiveItemsGrades(school.level).length) throw fieldError('schoolId', `${school.name}没有义务教育年级，无需填报五项管理`);
    refuse(school.level, input);
    const dup = () => fieldError('term', `${school.name}${FIVE_ITEMS_TERM_LABELS[input.term].zh}已有五项管理报表，请在原报表中修改`);
    const [exists] = await ctx.db
      .select({ id: r.id })
      .from(r)
      .where(and(eq(r.schoolId, school.id), eq(r.term, input.term)));
    if (exists) throw dup();
    const values = judged(input, school.unitCode, s);
    const who = ctx.identity.username;
    const row = await ctx.db.transaction(async (tx) => {
      const [made] = await tx
        .insert(r)
        .values({
          schoolId: school.id,
          unitCode: school.unitCode,
          term: input.term,
          status: wf.initial,
          ...values,
          createdBy: who,
          createdAt: ctx.now,
          updatedBy: who,
          updatedAt: ctx.now,
        })
        .onConflictDoNothing({ target: [r.schoolId, r.term] })
        .returning({ id: r.id, version: r.version });
      if (!made) return null;
      await auditChange(tx, ctx, {
        action: 'privateEdu.fiveItems.create',
        targetType: FIVE_ITEMS_TARGET,
        targetId: made.id,
        after: { school: school.code, term: input.term, ...values },
      });
      return made;
    });
    if (!row) throw dup();
    return row;
  }),

  /** Corrects a return while 待提交 or 已退回; a stale version is a CONFLICT. */
  update: write.input(FiveItemsUpdate).mutation(async ({ ctx, input }) => {
    const [seen, s] = await Promise.all([visible(ctx, input.id), fiveItemsSettings(ctx.db)]);
    actsAsReviewer(ctx, seen.unitCode, s);
    const [school] = await ctx.db.select({ level: schools.level }).from(schools).where(eq(schools.id, seen.schoolId));
    const { id: _id, expectedVersion: _v, ...figures } = input;
    refuse(school!.level, figures);
    const values = judged(figures, seen.unitCode, s);
    return ctx.db.transaction(async (tx) => {
      const [row] = await tx.select().from(r).where(eq(r.id, seen.id)).for('update');
      if (!row || row.version !== input.expectedVersion) throw conflict();
      if (!FIVE_ITEMS_EDITABLE.includes(row.status))
        throw new TRPCError({ code: 'CONFLICT', message: '只有待提交或已退回的五项管理报表可以修改' });
      const [updated] = await tx
        .update(r)
        .set({ ...values, updatedBy: ctx.identity.username, updatedAt: ctx.now, version: row.version + 1 })
        .where(eq(r.id, row.id))
        .returning({ id: r.id, version: r.version });
      await auditChange(tx, ctx, {
        action: 'privateEdu.fiveItems.update',
        targetType: FIVE_ITEMS_TARGET,
        targetId: row.id,
        before: judged(figuresOf(row), row.unitCode, s),
        after: values,
      });
      return updated!;
    });
  }),

  /** 提交 (the school, or its reviewer for it); 审核通过 and 退回 with a reason (the reviewer, not on its own submission). */
  step: write
    .input(
      z
        .object({ id: RecordId, expectedVersion: RecordVersion, action: FiveItemsAction, reason: textField(500, '原因').optional() })
        .strict(),
    )
    .mutation(async ({ ctx, input }) => {
      const [seen, s] = await Promise.all([visible(ctx, input.id), fiveItemsSettings(ctx.db)]);
      actsAsReviewer(ctx, seen.unitCode, s);
      const who = ctx.identity.username;
      return applyStep(ctx, {
        wf,
        table: r,
        stateKey: 'status',
        id: input.id,
        expectedVersion: input.expectedVersion,
        action: input.action,
        reason: input.reason,
        actor: { level: actorLevel(ctx.scope), username: who },
        caseOf: fiveItemsCase,
        changes: (row) => {
          const j = judged(figuresOf(row), row.unitCode, s);
          const verdict = { compliant: j.compliant, breaches: j.breaches };
          return input.action === 'submit'
            ? { ...verdict, submittedBy: who, submittedAt: ctx.now, returnReason: null }
            : input.action === 'accept'
              ? { ...verdict, decidedBy: who, decidedAt: ctx.now }
              : { returnReason: input.reason ?? null, decidedBy: who, decidedAt: ctx.now };
        },
        audit: { targetType: FIVE_ITEMS_TARGET },
      });
    }),

  history: read.input(Id).query(async ({ ctx, input }) => {
    await visible(ctx, input.id);
    return recordHistory(ctx.db, FIVE_ITEMS_TARGET, input.id);
  }),

  /** The schools in scope without a filed return for a term, once its due date has passed (none before). */
  missing: read.input(MissingFilter).query(async ({ ctx, input }) => {
    const s = await fiveItemsSettings(ctx.db);
    const due = s.due[input.term];
    if (!fiveItemsOverdue(null, due, ctx.today)) return { due, total: 0, page: input.page, pageSize: input.pageSize, rows: [] };
    const where = missingWhere(ctx.db, ctx.scope, input.term, input.unitCode);
    const [rows, [total]] = await Promise.all([
      ctx.db
        .select({ id: schools.id, code: schools.code, name: schools.name, unitCode: schools.unitCode, unitName: orgUnits.name })
        .from(schools)
        .innerJoin(orgUnits, eq(orgUnits.code, schools.unitCode))
        .where(where)
        .orderBy(orgUnits.sortOrder, schools.code)
        .limit(input.pageSize)
        .offset((input.page - 1) * input.pageSize),
      ctx.db.select({ n: count() }).from(schools).where(where),
    ]);
    return { due, total: total?.n ?? 0, page: input.page, pageSize: input.pageSize, rows };
  }),

  /** The list as Excel, with the list's filters. */
  export: exporter.input(FiveItemsFilter.omit(NO_PAGE)).query(async ({ ctx, input }) => {
    const s = await fiveItemsSettings(ctx.db);
    const rows = await fiveItemsRows(ctx.db, fiveItemsWhere(ctx.scope, input, s, ctx.today)).limit(MAX_EXPORT);
    return exportBook(
      ctx,
      '五项管理情况',
      [
        { key: 'id', header: '编号', width: 8 },
        { key: 'unitName', header: '县市区', width: 10 },
        { key: 'schoolCode', header: '学校标识码', width: 13 },
        { key: 'schoolName', header: '学校', width: 26 },
        { key: 'term', header: '学期', width: 16 },
        { key: 'status', header: '状态', width: 9 },
        { key: 'compliant', header: '是否达标', width: 9 },
        { key: 'breaches', header: '问题数', width: 8 },
        { key: 'afterSchoolEnd', header: '课后服务结束时间', width: 14 },
        { key: 'coverage', header: '课后服务覆盖', width: 14 },
        { key: 'overdue', header: '逾期未报', width: 9 },
      ],
      rows.map((x) => ({
        id: x.id,
        unitName: x.unitName,
        schoolCode: x.schoolCode,
        schoolName: x.schoolName,
        term: FIVE_ITEMS_TERM_LABELS[x.term].zh,
        status: wf.stateLabels[x.status].zh,
        compliant: x.compliant ? '达标' : '未达标',
        breaches: x.breaches,
        afterSchoolEnd: x.afterSchoolEnd,
        coverage: `${x.afterSchoolCovered}/${x.afterSchoolWilling}`,
        overdue: fiveItemsOverdue(x.status, s.due[x.term], ctx.today) ? '是' : '否',
      })),
    );
  }),

  ...fiveItemsSettingsRouter,
} satisfies TRPCRouterRecord;

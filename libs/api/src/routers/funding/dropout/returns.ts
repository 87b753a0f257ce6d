import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { and, asc, count, desc, eq, gte, inArray, isNotNull, isNull, lte, notExists, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { tables, type Db } from '@hyedu/db';
import { DivisionCode, type DataScope } from '@hyedu/domain';
import {
  DROPOUT_COUNTED_STATES,
  DROPOUT_RETURN_KIND_LABELS,
  DROPOUT_SCHOOL_LEVELS,
  DropoutPeriod,
  DropoutReturnInput,
  DropoutReturnKind,
  periodBounds,
  periodKind,
  returnDue,
  returnLate,
  returnRefusal,
} from '@hyedu/domain/funding';
import { auditChange } from '../../../audit-change.ts';
import { exportBook, MAX_EXPORT, NO_PAGE } from '../../../exports.ts';
import { fieldError } from '../../../field-error.ts';
import { Page } from '../../../inputs.ts';
import { scopeCondition } from '../../../queries.ts';
import { actorLevel, recordScope, schoolInScope } from '../../../record-scope.ts';
import { notFound } from '../../../scoped.ts';
import { exportProcedure, readProcedure, writeProcedure } from '../../../trpc.ts';
import { cityCode } from '../../plan/access.ts';
import { unitInScope } from '../access.ts';
import { actsOn, DROPOUT_RETURN_TARGET, seesPersons } from './access.ts';

const { fundingDropoutReturns: r, fundingDropoutCases: c, schools, orgUnits } = tables;
const read = readProcedure('funding');
const write = writeProcedure('funding');
const exporter = exportProcedure('funding');

export const ReturnsFilter = Page.extend({
  kind: DropoutReturnKind.default('school_month'),
  period: DropoutPeriod.optional(),
  unitCode: DivisionCode.optional(),
  late: z.boolean({ message: '是否逾期应为是或否' }).optional(),
}).strict();
export type ReturnsFilter = z.infer<typeof ReturnsFilter>;
export const MissingFilter = Page.extend({ period: DropoutPeriod, unitCode: DivisionCode.optional() }).strict();

/** A school's return is the school's record; a county's review the county's (a school sees none). */
const returnScope = (scope: DataScope) =>
  scope.kind === 'school'
    ? and(isNotNull(r.schoolId), inArray(r.schoolId, scope.schoolIds))
    : recordScope(scope, { schoolId: r.schoolId, unitCode: r.unitCode });

export const returnsWhere = (scope: DataScope, f: Omit<ReturnsFilter, 'page' | 'pageSize'>): SQL | undefined =>
  and(
    returnScope(scope),
    eq(r.kind, f.kind),
    f.period ? eq(r.period, f.period) : undefined,
    f.unitCode ? eq(r.unitCode, f.unitCode) : undefined,
    f.late === true ? sql`${r.filedOn} > ${r.dueOn}` : f.late === false ? sql`${r.filedOn} <= ${r.dueOn}` : undefined,
  );

export const returnRows = (db: Db, where: SQL | undefined) =>
  db
    .select({
      id: r.id,
      kind: r.kind,
      period: r.period,
      unitCode: r.unitCode,
      unitName: orgUnits.name,
      schoolId: r.schoolId,
      schoolName: schools.name,
      dueOn: r.dueOn,
      filedOn: r.filedOn,
      openCases: r.openCases,
      newCases: r.newCases,
      returnedCases: r.returnedCases,
      schoolsFiled: r.schoolsFiled,
      note: r.note,
      filedBy: r.filedBy,
    })
    .from(r)
    .innerJoin(orgUnits, eq(orgUnits.code, r.unitCode))
    .leftJoin(schools, eq(schools.id, r.schoolId))
    .where(where)
    .orderBy(desc(r.period), asc(orgUnits.sortOrder), asc(schools.code), asc(r.id));

/** The schools in scope that file monthly (teaching compulsory grades). */
export const filingSchoolsWhere = (scope: DataScope, unitCode?: string) =>
  and(scopeCondition(scope), inArray(schools.level, [...DROPOUT_SCHOOL_LEVELS]), unitCode ? eq(schools.unitCode, unitCode) : undefined);
/** Filing schools without a return for `period`. */
export const missingSchoolsWhere = (db: Db, scope: DataScope, period: string, unitCode?: string) =>
  and(
    filingSchoolsWhere(scope, unitCode),
    notExists(
      db
        .select({ one: sql`1` })
        .from(r)
        .where(and(eq(r.schoolId, schools.id), eq(r.period, period))),
    ),
  );

/** The ledger's figures for a period: dropouts open now that were confirmed by its end, cases found and children back in it. */
async function figures(db: Db, period: string, who: SQL) {
  const { from, to } = periodBounds(period);
  const [f] = await db
    .select({
      openCases: sql<number>`(count(*) filter (where ${inArray(c.status, [...DROPOUT_COUNTED_STATES])} and ${lte(c.confirmedOn, to)}))::int`,
      newCases: sql<number>`(count(*) filter (where ${and(gte(c.foundOn, from), lte(c.foundOn, to))}))::int`,
      returnedCases: sql<number>`(count(*) filter (where ${and(gte(c.returnedOn, from), lte(c.returnedOn, to))}))::int`,
    })
    .from(c)
    .where(who);
  return f ?? { openCases: 0, newCases: 0, returnedCases: 0 };
}

const iso = (x: { filedOn: string; dueOn: string }, today: string) => ({ late: returnLate(x.dueOn, x.filedOn, today) });

/** 学校一月一报告 and 县区一季度一复核: the returns filed, those missing for a period, filing one, and the export. */
export const dropoutReturnsRouter = {
  list: read.input(ReturnsFilter).query(async ({ ctx, input }) => {
    const where = returnsWhere(ctx.scope, input);
    const [rows, [total]] = await Promise.all([
      returnRows(ctx.db, where)
        .limit(input.pageSize)
        .offset((input.page - 1) * input.pageSize),
      ctx.db.select({ n: count() }).from(r).where(where),
    ]);
    const level = actorLevel(ctx.scope);
    return {
      total: total?.n ?? 0,
      page: input.page,
      pageSize: input.pageSize,
      /** Who files what: a school its monthly return, a county its quarterly review, the city 市直 schools' monthly returns. */
      files: !seesPersons(ctx) ? [] : level === 'county' ? (['county_quarter', 'school_month'] as const) : (['school_month'] as const),
      today: ctx.today,
      rows: rows.map((x) => ({ ...x, ...iso(x, ctx.today) })),
    };
  }),

  /** Who has not filed for a period (schools for a month, county-level units for a quarter), with its due day. */
  missing: read.input(MissingFilter).query(async ({ ctx, input }) => {
    const due = returnDue(input.period);
    const overdue = ctx.today > due;
    const page = (q: { limit: (n: number) => { offset: (n: number) => unknown } }) =>
      q.limit(input.pageSize).offset((input.page - 1) * input.pageSize);
    if (periodKind(input.period) === 'school_month') {
      const where = missingSchoolsWhere(ctx.db, ctx.scope, input.period, input.unitCode);
      const [rows, [total]] = await Promise.all([
        page(
          ctx.db
            .select({ id: schools.id, code: schools.code, name: schools.name, unitCode: schools.unitCode, unitName: orgUnits.name })
            .from(schools)
            .innerJoin(orgUnits, eq(orgUnits.code, schools.unitCode))
            .where(where)
            .orderBy(asc(orgUnits.sortOrder), asc(schools.code)),
        ) as Promise<{ id: number; code: string; name: string; unitCode: string; unitName: string }[]>,
        ctx.db.select({ n: count() }).from(schools).where(where),
      ]);
      return { due, overdue, total: total?.n ?? 0, page: input.page, pageSize: input.pageSize, rows };
    }
    if (ctx.scope.kind === 'school') return { due, overdue, total: 0, page: input.page, pageSize: input.pageSize, rows: [] };
    const city = await cityCode(ctx.db);
    const units = await ctx.db
      .select({ code: orgUnits.code, name: orgUnits.name })
      .from(orgUnits)
      .where(
        and(
          sql`${orgUnits.code} <> ${city}`,
          ctx.scope.kind === 'units' ? inArray(orgUnits.code, ctx.scope.unitCodes) : undefined,
          input.unitCode ? eq(orgUnits.code, input.unitCode) : undefined,
          notExists(
            ctx.db
              .select({ one: sql`1` })
              .from(r)
              .where(and(eq(r.unitCode, orgUnits.code), isNull(r.schoolId), eq(r.period, input.period))),
          ),
        ),
      )
      .orderBy(asc(orgUnits.sortOrder));
    const rows = units.map((u) => ({ id: 0, code: u.code, name: u.name, unitCode: u.code, unitName: u.name }));
    return { due, overdue, total: rows.length, page: 1, pageSize: input.pageSize, rows: rows.slice(0, input.pageSize) };
  }),

  /**
   * Files a return once (a second is refused on its period): a month for a school (the school itself, its county, the
   * city for 市直 schools), a quarter's review for a county-level unit (the county itself). The ledger's figures are
   * taken now.
   */
  file: write.input(DropoutReturnInput).mutation(async ({ ctx, input }) => {
    const kind = periodKind(input.period);
    const level = actorLevel(ctx.scope);
    let unitCode: string;
    let schoolId: number | null = null;
    let who: SQL;
    if (kind === 'school_month') {
      if (input.schoolId === undefined) throw fieldError('schoolId', '请选择学校');
      const school = await schoolInScope(ctx, input.schoolId);
      await actsOn(ctx, school.unitCode);
      if (!(DROPOUT_SCHOOL_LEVELS as readonly string[]).includes(school.level))
        throw fieldError('schoolId', `${school.name}没有义务教育年级，无需报送控辍保学月报告`);
      unitCode = school.unitCode;
      schoolId = school.id;
      who = eq(c.schoolId, school.id);
    } else {
      if (!input.unitCode) throw fieldError('unitCode', '请选择县市区');
      if (!unitInScope(ctx.scope, input.unitCode)) throw notFound('org_unit', input.unitCode);
      if (level !== 'county') throw new TRPCError({ code: 'FORBIDDEN', message: '季度复核由县市区教育局报送' });
      unitCode = input.unitCode;
      who = eq(c.unitCode, unitCode);
    }
    const refusal = returnRefusal(input, ctx.today);
    if (refusal) throw fieldError(refusal.field, refusal.message);
    const f = await figures(ctx.db, input.period, who);
    const { from, to } = periodBounds(input.period);
    const schoolsFiled =
      kind === 'county_quarter'
        ? Number(
            (
              await ctx.db
                .select({ n: count() })
                .from(r)
                .where(and(eq(r.unitCode, unitCode), isNotNull(r.schoolId), gte(r.period, from.slice(0, 7)), lte(r.period, to.slice(0, 7))))
            )[0]?.n ?? 0,
          )
        : null;
    const dup = () => fieldError('period', `${DROPOUT_RETURN_KIND_LABELS[kind].zh}${input.period}已报送`);
    const row = await ctx.db.transaction(async (tx) => {
      const [made] = await tx
        .insert(r)
        .values({
          kind,
          period: input.period,
          unitCode,
          schoolId,
          dueOn: returnDue(input.period),
          filedOn: ctx.today,
          ...f,
          schoolsFiled,
          note: input.note || null,
          filedBy: ctx.identity.username,
          filedAt: ctx.now,
        })
        .onConflictDoNothing()
        .returning({ id: r.id, version: r.version });
      if (!made) return null;
      await auditChange(tx, ctx, {
        action: 'funding.dropoutReturn.file',
        targetType: DROPOUT_RETURN_TARGET,
        targetId: made.id,
        after: { kind, period: input.period, unit: unitCode, school: schoolId, ...f, note: input.note ?? null },
      });
      return made;
    });
    if (!row) throw dup();
    return row;
  }),

  /** The returns as Excel, with the list's filters. */
  export: exporter.input(ReturnsFilter.omit(NO_PAGE)).query(async ({ ctx, input }) => {
    const rows = await returnRows(ctx.db, returnsWhere(ctx.scope, input)).limit(MAX_EXPORT);
    return exportBook(
      ctx,
      DROPOUT_RETURN_KIND_LABELS[input.kind].zh,
      [
        { key: 'period', header: '报告期', width: 10 },
        { key: 'unitName', header: '县市区', width: 10 },
        { key: 'schoolName', header: '学校', width: 26 },
        { key: 'dueOn', header: '截止日期', width: 12 },
        { key: 'filedOn', header: '报送日期', width: 12 },
        { key: 'late', header: '逾期报送', width: 9 },
        { key: 'openCases', header: '辍学未返校人数', width: 14 },
        { key: 'newCases', header: '本期新发现', width: 11 },
        { key: 'returnedCases', header: '本期劝返复学', width: 12 },
        { key: 'schoolsFiled', header: '学校月报告份数', width: 14 },
        { key: 'note', header: '说明', width: 30 },
      ],
      rows.map((x) => ({
        period: x.period,
        unitName: x.unitName,
        schoolName: x.schoolName ?? '—',
        dueOn: x.dueOn,
        filedOn: x.filedOn,
        late: returnLate(x.dueOn, x.filedOn, ctx.today) ? '是' : '否',
        openCases: x.openCases,
        newCases: x.newCases,
        returnedCases: x.returnedCases,
        schoolsFiled: x.schoolsFiled ?? '—',
        note: x.note ?? '',
      })),
    );
  }),
} satisfies TRPCRouterRecord;

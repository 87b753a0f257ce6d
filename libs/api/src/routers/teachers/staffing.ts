import type { TRPCRouterRecord } from '@trpc/server';
import { and, asc, count, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { type z } from 'zod';
import { tables, type Db } from '@hyedu/db';
import { DivisionCode, SchoolLevel, textField, type DataScope } from '@hyedu/domain';
import { QUOTA_STANDING_LABELS, QuotaStandingFilter, STANDARD_LEVELS, type StaffingStandard } from '@hyedu/domain/teachers';
import { exportBook, MAX_EXPORT, NO_PAGE } from '../../exports.ts';
import { Page } from '../../inputs.ts';
import { contains, CURRENT_SCHOOL_YEAR, listUnits, scopeCondition } from '../../queries.ts';
import { exportProcedure, readProcedure } from '../../trpc.ts';
import { staffingStandard } from './settings.ts';

const { schools, schoolStaffing: ss, schoolEnrolment: se, orgUnits } = tables;
const read = readProcedure('teachers');

export const StaffingFilter = Page.extend({
  unitCode: DivisionCode.optional(),
  level: SchoolLevel.optional(),
  quotaStanding: QuotaStandingFilter.optional(),
  q: textField(40, '搜索词').optional(),
}).strict();
export type StaffingFilter = z.infer<typeof StaffingFilter>;

/** This school year's pupils per stage of each school (P1–P6, J1–J3, S1–S3). */
const pupils = (db: Db) =>
  db
    .select({
      schoolId: se.schoolId,
      primary: sql<number>`coalesce(sum(${se.students}) filter (where ${se.grade} like 'P%'), 0)::int`.as('primary_pupils'),
      junior: sql<number>`coalesce(sum(${se.students}) filter (where ${se.grade} like 'J%'), 0)::int`.as('junior_pupils'),
      senior: sql<number>`coalesce(sum(${se.students}) filter (where ${se.grade} like 'S%'), 0)::int`.as('senior_pupils'),
    })
    .from(se)
    .where(eq(se.schoolYear, CURRENT_SCHOOL_YEAR))
    .groupBy(se.schoolId)
    .as('pupils');

type Pupils = ReturnType<typeof pupils>;
/** The standard's staff for a school's pupils, in SQL: per stage pupils ÷ ratio rounded up (the domain's `standardStaff`). */
const standardSql = (p: Pupils, s: StaffingStandard) =>
  sql<number>`(ceil(coalesce(${p.primary}, 0) / ${s.primary}::numeric) + ceil(coalesce(${p.junior}, 0) / ${s.junior}::numeric) + ceil(coalesce(${p.senior}, 0) / ${s.senior}::numeric))::int`;

const STANDING: Record<QuotaStandingFilter, (standard: SQL) => SQL> = {
  over: () => sql`${ss.teachers} > ${ss.quota}`,
  vacant: () => sql`${ss.teachers} < ${ss.quota}`,
  beside: () => sql`${ss.teachers} < ${ss.quota} and ${ss.contractTeachers} > 0`,
  below_standard: (standard) => sql`${ss.quota} < ${standard}`,
};

/** The public 中小学 of the caller's scope with this year's staffing return (`quotaMeasured`), filtered. */
function measuredWhere(scope: DataScope, f: Omit<StaffingFilter, 'page' | 'pageSize'>, standard: SQL) {
  return and(
    scopeCondition(scope),
    eq(schools.ownership, 'public'),
    inArray(schools.level, [...STANDARD_LEVELS]),
    f.unitCode ? eq(schools.unitCode, f.unitCode) : undefined,
    f.level ? eq(schools.level, f.level) : undefined,
    f.quotaStanding ? STANDING[f.quotaStanding](standard) : undefined,
    f.q ? or(sql`${schools.name} like ${contains(f.q)}`, sql`${schools.code} like ${contains(f.q)}`) : undefined,
  );
}

async function schoolRows(
  db: Db,
  scope: DataScope,
  f: Omit<StaffingFilter, 'page' | 'pageSize'>,
  page?: { limit: number; offset: number },
) {
  const s = await staffingStandard(db);
  const p = pupils(db);
  const standard = standardSql(p, s);
  const where = measuredWhere(scope, f, standard);
  const rows = db
    .select({
      id: schools.id,
      code: schools.code,
      name: schools.name,
      unitCode: schools.unitCode,
      unitName: orgUnits.name,
      level: schools.level,
      isRural: schools.isRural,
      primaryPupils: sql<number>`coalesce(${p.primary}, 0)`,
      juniorPupils: sql<number>`coalesce(${p.junior}, 0)`,
      seniorPupils: sql<number>`coalesce(${p.senior}, 0)`,
      standard,
      quota: ss.quota,
      tenured: ss.teachers,
      contract: ss.contractTeachers,
    })
    .from(schools)
    .innerJoin(ss, and(eq(ss.schoolId, schools.id), eq(ss.schoolYear, CURRENT_SCHOOL_YEAR)))
    .innerJoin(orgUnits, eq(orgUnits.code, schools.unitCode))
    .leftJoin(p, eq(p.schoolId, schools.id))
    .where(where)
    .orderBy(asc(orgUnits.sortOrder), asc(schools.code))
    .$dynamic();
  const [list, [total]] = await Promise.all([
    page ? rows.limit(page.limit).offset(page.offset) : rows.limit(MAX_EXPORT),
    db
      .select({ n: count() })
      .from(schools)
      .innerJoin(ss, and(eq(ss.schoolId, schools.id), eq(ss.schoolYear, CURRENT_SCHOOL_YEAR)))
      .leftJoin(p, eq(p.schoolId, schools.id))
      .where(where),
  ]);
  return {
    standardInForce: s,
    total: total?.n ?? 0,
    rows: list.map((r) => {
      const over = Math.max(0, r.tenured - r.quota);
      const vacancies = Math.max(0, r.quota - r.tenured);
      return { ...r, over, vacancies, beside: Math.min(vacancies, r.contract), quotaGap: r.quota - r.standard };
    }),
  };
}

const exporter = exportProcedure('teachers');

/**
 * 编制统筹配置 (seed item 19): the public 中小学 against the two comparisons — 核定编制 against the standard
 * (教职工 : 学生 per stage, the city's settings) and 在编 against 核定编制 (over quota, vacant posts, 编外 teachers
 * beside vacant posts) — per school and per county.
 */
export const staffingRouter = {
  list: read.input(StaffingFilter).query(async ({ ctx, input }) => {
    const out = await schoolRows(ctx.db, ctx.scope, input, { limit: input.pageSize, offset: (input.page - 1) * input.pageSize });
    return { ...out, page: input.page, pageSize: input.pageSize };
  }),

  /** Per county-level unit of the caller's scope: the sums of both comparisons and the 编外 share in public 中小学. */
  units: read.query(async ({ ctx }) => {
    const s = await staffingStandard(ctx.db);
    const p = pupils(ctx.db);
    const standard = standardSql(p, s);
    const [rows, units] = await Promise.all([
      ctx.db
        .select({
          unitCode: schools.unitCode,
          schools: sql<number>`count(*)::int`,
          pupils: sql<number>`coalesce(sum(coalesce(${p.primary}, 0) + coalesce(${p.junior}, 0) + coalesce(${p.senior}, 0)), 0)::int`,
          standard: sql<number>`coalesce(sum(${standard}), 0)::int`,
          quota: sql<number>`coalesce(sum(${ss.quota}), 0)::int`,
          tenured: sql<number>`coalesce(sum(${ss.teachers}), 0)::int`,
          contract: sql<number>`coalesce(sum(${ss.contractTeachers}), 0)::int`,
          overSchools: sql<number>`(count(*) filter (where ${ss.teachers} > ${ss.quota}))::int`,
          over: sql<number>`coalesce(sum(greatest(${ss.teachers} - ${ss.quota}, 0)), 0)::int`,
          vacancies: sql<number>`coalesce(sum(greatest(${ss.quota} - ${ss.teachers}, 0)), 0)::int`,
          beside: sql<number>`coalesce(sum(least(greatest(${ss.quota} - ${ss.teachers}, 0), ${ss.contractTeachers})), 0)::int`,
        })
        .from(schools)
        .innerJoin(ss, and(eq(ss.schoolId, schools.id), eq(ss.schoolYear, CURRENT_SCHOOL_YEAR)))
        .leftJoin(p, eq(p.schoolId, schools.id))
        .where(measuredWhere(ctx.scope, {}, standard))
        .groupBy(schools.unitCode),
      listUnits(ctx.db, ctx.scope),
    ]);
    const zero = {
      schools: 0,
      pupils: 0,
      standard: 0,
      quota: 0,
      tenured: 0,
      contract: 0,
      overSchools: 0,
      over: 0,
      vacancies: 0,
      beside: 0,
    };
    return {
      standardInForce: s,
      schoolYear: CURRENT_SCHOOL_YEAR,
      units: units.map((u) => {
        const { unitCode: _, ...r } = rows.find((x) => x.unitCode === u.code) ?? { unitCode: u.code, ...zero };
        const staff = r.tenured + r.contract;
        return { ...u, ...r, contractShare: staff ? r.contract / staff : null };
      }),
    };
  }),

  export: exporter.input(StaffingFilter.omit(NO_PAGE)).query(async ({ ctx, input }) => {
    const { rows } = await schoolRows(ctx.db, ctx.scope, input);
    return exportBook(
      ctx,
      '编制配置',
      [
        { key: 'unitName', header: '县市区', width: 10 },
        { key: 'code', header: '学校标识码', width: 13 },
        { key: 'name', header: '学校', width: 26 },
        { key: 'pupils', header: '在校生', width: 9 },
        { key: 'standard', header: '按标准应有编制', width: 12 },
        { key: 'quota', header: '核定编制', width: 9 },
        { key: 'quotaGap', header: '核定编制与标准之差', width: 14 },
        { key: 'tenured', header: '在编', width: 8 },
        { key: 'contract', header: '编外教师（特岗、合同制、代课）', width: 16 },
        { key: 'over', header: '超编', width: 8 },
        { key: 'vacancies', header: '空编', width: 8 },
        { key: 'beside', header: '有空编仍用编外教师', width: 14 },
        { key: 'standing', header: '编制情况', width: 14 },
      ],
      rows.map((r) => ({
        unitName: r.unitName,
        code: r.code,
        name: r.name,
        pupils: r.primaryPupils + r.juniorPupils + r.seniorPupils,
        standard: r.standard,
        quota: r.quota,
        quotaGap: r.quotaGap,
        tenured: r.tenured,
        contract: r.contract,
        over: r.over,
        vacancies: r.vacancies,
        beside: r.beside,
        standing: r.over ? QUOTA_STANDING_LABELS.over.zh : r.vacancies ? QUOTA_STANDING_LABELS.vacant.zh : '满编',
      })),
    );
  }),
} satisfies TRPCRouterRecord;

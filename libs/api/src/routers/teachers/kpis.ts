import { and, asc, eq, inArray, isNull, not, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable, SelectedFields } from 'drizzle-orm/pg-core';
import { tables, type Db } from '@hyedu/db';
import type { KpiId } from '@hyedu/domain';
import { ETHICS_DONE_STATES, OPENING_ENTRIES, STAFF_REQUIRED_FIELDS, STANDARD_LEVELS } from '@hyedu/domain/teachers';
import type { KpiSource, Measure } from '../../kpi/source.ts';
import { CURRENT_SCHOOL_YEAR, listUnits, schoolWhere } from '../../queries.ts';
import { recordScope } from '../../record-scope.ts';
// 县管校聘交流轮岗
import { exchangeKpis } from './exchange/kpi.ts';
// 教师工资保障
import { wageGuaranteeKpi } from './pay/kpi.ts';
// 教师补充计划
import { programmeArrival } from './programmes/kpi.ts';
// 年度考核与教师资格定期注册
import { registrationOverdue } from './registration/kpi.ts';
// 教师培训与信息技术应用能力提升工程2.0
import { trainingKpis } from './training/kpis.ts';

const { schools, schoolStaffing, teacherStaff: st, teacherEntries: en, teacherEthicsCases: ec, teacherBlacklist: bl } = tables;

/**
 * The public 中小学 measured against their quota (`quotaMeasured`, `STANDARD_LEVELS`), with this school year's figures:
 * 在编 against 核定编制 (`quotaStanding`), in SQL.
 */
const measured = (scope: Parameters<typeof schoolWhere>[0], unitCode?: string) =>
  and(
    eq(schoolStaffing.schoolYear, CURRENT_SCHOOL_YEAR),
    eq(schools.ownership, 'public'),
    inArray(schools.level, [...STANDARD_LEVELS]),
    schoolWhere(scope, unitCode ? { unitCode } : undefined),
  );
const over = sql`${schoolStaffing.teachers} > ${schoolStaffing.quota}`;
const besideVacancies = sql`least(greatest(${schoolStaffing.quota} - ${schoolStaffing.teachers}, 0), ${schoolStaffing.contractTeachers})`;

/** 超编公办学校数: public 中小学 whose 在编 exceed their 核定编制, per unit. */
const overQuotaSchools: KpiSource = {
  id: 'teachers.over-quota-schools',
  recordsRoute: 'teachers:staffing',
  async byUnit(db, scope) {
    const rows = await db
      .select({ unitCode: schools.unitCode, n: sql<number>`count(*) filter (where ${over})::int` })
      .from(schoolStaffing)
      .innerJoin(schools, eq(schools.id, schoolStaffing.schoolId))
      .where(measured(scope))
      .groupBy(schools.unitCode);
    return new Map<string, Measure>(rows.map((r) => [r.unitCode, { num: r.n, den: null }]));
  },
};

/** 有空编仍使用编外教师人数: Σ over public 中小学 of min(vacant posts, 编外 teachers), per unit and per school. */
const vacancyContract: KpiSource = {
  id: 'teachers.vacancy-contract',
  recordsRoute: 'teachers:staffing',
  async byUnit(db, scope) {
    const rows = await db
      .select({ unitCode: schools.unitCode, n: sql<number>`coalesce(sum(${besideVacancies}), 0)::int` })
      .from(schoolStaffing)
      .innerJoin(schools, eq(schools.id, schoolStaffing.schoolId))
      .where(measured(scope))
      .groupBy(schools.unitCode);
    return new Map<string, Measure>(rows.map((r) => [r.unitCode, { num: r.n, den: null }]));
  },
  async bySchool(db, scope, unitCode) {
    const rows = await db
      .select({
        schoolId: schools.id,
        code: schools.code,
        name: schools.name,
        unitCode: schools.unitCode,
        n: sql<number>`${besideVacancies}::int`,
      })
      .from(schoolStaffing)
      .innerJoin(schools, eq(schools.id, schoolStaffing.schoolId))
      .where(measured(scope, unitCode))
      .orderBy(asc(schools.code));
    return rows.map(({ n, ...r }) => ({ ...r, measure: { num: n, den: null } }));
  },
};

/** A KPI over the rows of one table (its school and unit columns), per unit and per school, scoped like its records. */
function recordSource(
  id: KpiId,
  recordsRoute: string,
  table: { schoolId: PgColumn; unitCode: PgColumn },
  from: { table: PgTable; join?: { table: PgTable; on: SQL } },
  /** `unitCode`: the unit a drill-down reads (a measure may narrow its sub-queries to it). */
  measure: (today: string, unitCode?: string) => { num: SQL; den: SQL | null; where?: SQL },
): KpiSource {
  const cols = (today: string, unitCode?: string) => {
    const m = measure(today, unitCode);
    return { num: sql<number>`coalesce((${m.num}), 0)::int`, den: m.den ? sql<number>`(${m.den})::int` : sql<null>`null` };
  };
  const select = <T extends SelectedFields>(db: Db, fields: T) => {
    const q = db.select(fields).from(from.table).$dynamic();
    return from.join ? q.innerJoin(from.join.table, from.join.on) : q;
  };
  return {
    id,
    recordsRoute,
    async byUnit(db, scope, today) {
      const rows = await select(db, { unitCode: sql<string>`${table.unitCode}`, ...cols(today) })
        .where(and(recordScope(scope, table), measure(today).where))
        .groupBy(table.unitCode);
      const out = new Map<string, Measure>(rows.map((r) => [r.unitCode, { num: r.num, den: r.den }]));
      // A count shows 0 for a unit without records, once there are any.
      if (out.size && measure(today).den === null)
        for (const u of await listUnits(db, scope)) if (!out.has(u.code)) out.set(u.code, { num: 0, den: null });
      return out;
    },
    async bySchool(db, scope, unitCode, today) {
      const rows = await select(db, {
        schoolId: schools.id,
        code: schools.code,
        name: schools.name,
        unitCode: schools.unitCode,
        ...cols(today, unitCode),
      })
        .innerJoin(schools, eq(schools.id, table.schoolId))
        .where(and(recordScope(scope, table), eq(table.unitCode, unitCode), measure(today).where))
        .groupBy(schools.id)
        .orderBy(asc(schools.code));
      return rows.map((r) => ({
        schoolId: r.schoolId,
        code: r.code,
        name: r.name,
        unitCode: r.unitCode,
        measure: { num: r.num, den: r.den },
      }));
    },
  };
}

/** Staff in post (the registry's rows without a leaving date). */
const inPost = (id: KpiId, num: (unitCode?: string) => SQL) =>
  recordSource(id, 'teachers:staff', st, { table: st }, (_, unitCode) => ({
    num: sql`count(*) filter (where ${num(unitCode)})`,
    den: sql`count(*)`,
    where: isNull(st.leftOn),
  }));

/**
 * 准入查询覆盖率: staff in post whose entry (the hire or transfer that opened their row) carries a clear 准入查询 ÷ staff
 * in post. Long-serving staff the 在职人员排查 has not reached have no entry on record and count against it.
 */
const admissionChecks = inPost(
  'teachers.admission-checks',
  // A person's entries are at their school, so a drill-down reads its unit's entries only (by the unit index).
  (unitCode) =>
    sql`exists (select 1 from ${en} where ${en.staffId} = ${st.id} and ${inArray(en.kind, [...OPENING_ENTRIES])} and ${en.queryResult} = 'clear'${unitCode ? sql` and ${en.unitCode} = ${unitCode}` : sql``})`,
);

/** 信息完整率: in-post staff whose required fields (`STAFF_REQUIRED_FIELDS`, the domain's one list) are all filled. */
export const staffCompleteSql = (): SQL =>
  and(
    ...STAFF_REQUIRED_FIELDS.map((f) => {
      const applies = and(
        f.posts ? inArray(st.post, [...f.posts]) : undefined,
        f.except ? not(inArray(st.status, [...f.except])) : undefined,
      );
      const filled = sql`coalesce(btrim(${st[f.field]}), '') <> ''`;
      return applies ? or(not(applies), filled)! : filled;
    }),
  )!;
const completeness = inPost('teachers.staff-completeness', () => staffCompleteSql());

const done = inArray(ec.status, [...ETHICS_DONE_STATES]);
/** Days from the clue's report to the case's end, in Beijing dates. */
const daysToClose = sql`((${ec.closedAt} at time zone 'Asia/Shanghai')::date - (${ec.createdAt} at time zone 'Asia/Shanghai')::date)`;
const cases = (id: KpiId, measure: () => { num: SQL; den: SQL }) =>
  ({ ...recordSource(id, 'teachers:ethics', ec, { table: ec }, measure), recordsArea: 'teachers:ethics' }) satisfies KpiSource;
/** 办结率: cases 结案 or 不予立案 ÷ cases accepted. */
const ethicsClosed = cases('teachers.ethics-cases', () => ({ num: sql`count(*) filter (where ${done})`, den: sql`count(*)` }));
/** 平均办结天数: Σ days to close ÷ cases 办结. */
const ethicsDays = cases('teachers.ethics-days', () => ({
  num: sql`sum(${daysToClose}) filter (where ${done})`,
  den: sql`count(*) filter (where ${done})`,
}));

/**
 * 黑名单人数: people with an entry standing today (`blacklistedOn`: from ≤ today < until, not lifted), counted at the
 * school of the case that listed them.
 */
const blacklist: KpiSource = {
  ...recordSource(
    'teachers.blacklist',
    'teachers:blacklist',
    ec,
    { table: bl, join: { table: ec, on: eq(ec.id, bl.caseId) } },
    (today) => ({
      num: sql`count(distinct ${bl.idIndex}) filter (where ${bl.fromDate} <= ${today} and (${bl.untilDate} is null or ${bl.untilDate} > ${today}) and (${bl.liftedOn} is null or ${bl.liftedOn} > ${today}))`,
      den: null,
    }),
  ),
  recordsArea: 'teachers:ethics',
};

export const teachersKpis: KpiSource[] = [
  overQuotaSchools,
  vacancyContract,
  ethicsClosed,
  ethicsDays,
  blacklist,
  admissionChecks,
  completeness,
  // 教师培训与信息技术应用能力提升工程2.0
  ...trainingKpis,
  // 县管校聘交流轮岗
  ...exchangeKpis,
  // 教师工资保障
  wageGuaranteeKpi,
  // 年度考核与教师资格定期注册
  registrationOverdue,
  // 教师补充计划
  programmeArrival,
];

/** The KPIs the module's records move (their rollups are dropped after a change). */
export const TEACHERS_KPIS: readonly KpiId[] = teachersKpis.map((k) => k.id);

import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { tables, type Db } from '@hyedu/db';
import type { DataScope, KpiId } from '@hyedu/domain';
import { DROPOUT_BACK_STATES, DROPOUT_COUNTED_STATES, schoolYearOn } from '@hyedu/domain/funding';
import type { KpiSource, Measure, SchoolMeasure } from '../../../kpi/source.ts';
import { caseScope } from './access.ts';
import { migrantRows } from './migrant.ts';

const { fundingDropoutCases: c, schools } = tables;
const counted = inArray(c.status, [...DROPOUT_COUNTED_STATES]);
const back = inArray(c.status, [...DROPOUT_BACK_STATES]);

/** The KPIs the ledger moves (the dashboard forgets their rollups after a change of a case). */
export const DROPOUT_KPIS: readonly KpiId[] = ['funding.dropouts', 'funding.dropout-return-rate'];

/** Per unit or per school of one unit: the dropouts open now, the cases ever confirmed and those brought back. */
async function figures(db: Db, scope: DataScope, unitCode?: string) {
  const by = unitCode ? c.schoolId : c.unitCode;
  return db
    .select({
      key: sql<string>`${by}::text`,
      open: sql<number>`(count(*) filter (where ${counted}))::int`,
      confirmed: sql<number>`(count(*) filter (where ${isNotNull(c.confirmedOn)}))::int`,
      back: sql<number>`(count(*) filter (where ${and(isNotNull(c.confirmedOn), back)}))::int`,
    })
    .from(c)
    .where(and(caseScope(scope), unitCode ? eq(c.unitCode, unitCode) : undefined))
    .groupBy(by);
}

async function perSchool(
  db: Db,
  scope: DataScope,
  unitCode: string,
  measure: (f: { open: number; confirmed: number; back: number }) => Measure,
) {
  const rows = await figures(db, scope, unitCode);
  if (!rows.length) return [];
  const named = await db
    .select({ id: schools.id, code: schools.code, name: schools.name, unitCode: schools.unitCode })
    .from(schools)
    .where(
      inArray(
        schools.id,
        rows.map((r) => Number(r.key)),
      ),
    );
  const byId = new Map(named.map((s) => [s.id, s]));
  return rows.flatMap((r): SchoolMeasure[] => {
    const s = byId.get(Number(r.key));
    return s ? [{ schoolId: s.id, code: s.code, name: s.name, unitCode: s.unitCode, measure: measure(r) }] : [];
  });
}

/** 义务教育辍学学生数: confirmed dropouts not back at school (送教上门 is enrolled), per county and school; the whole ledger. */
export const dropoutsOpen: KpiSource = {
  id: 'funding.dropouts',
  recordsRoute: 'funding:dropouts',
  async byUnit(db, scope) {
    return new Map((await figures(db, scope)).map((r) => [r.key, { num: r.open, den: null }]));
  },
  bySchool: (db, scope, unitCode) => perSchool(db, scope, unitCode, (r) => ({ num: r.open, den: null })),
};

/** 劝返率: the confirmed dropouts brought back (back at school, closed, or in 送教上门) ÷ every case ever confirmed. */
export const dropoutReturnRate: KpiSource = {
  id: 'funding.dropout-return-rate',
  recordsRoute: 'funding:dropouts',
  async byUnit(db, scope) {
    return new Map((await figures(db, scope)).map((r) => [r.key, { num: r.back, den: r.confirmed }]));
  },
  bySchool: (db, scope, unitCode) => perSchool(db, scope, unitCode, (r) => ({ num: r.back, den: r.confirmed })),
};

/** 随迁子女公办学校就读比例: the 学年 of the business date, per county that entered its figures (公办 + 购买学位 ÷ 总数). */
export const migrantPublicShare: KpiSource = {
  id: 'funding.migrant-public-share',
  recordsRoute: 'funding:migrant',
  async byUnit(db, scope, today) {
    const rows = await migrantRows(db, scope, schoolYearOn(today));
    return new Map(rows.filter((r) => r.total !== null).map((r) => [r.unitCode, { num: r.publicSchools! + r.purchased!, den: r.total! }]));
  },
};

export const dropoutKpis: readonly KpiSource[] = [dropoutsOpen, dropoutReturnRate, migrantPublicShare];

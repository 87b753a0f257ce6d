import { and, eq, inArray, isNotNull, ne, or, sql } from 'drizzle-orm';
import { tables } from '@hyedu/db';
import { academicOn, SUPERVISED_FEE_MODES } from '@hyedu/domain/private-edu';
import type { KpiSource, Measure } from '../../../kpi/source.ts';
import { unitRecordScope } from '../../funding/access.ts';
import { onPlatformSql } from './query.ts';
import { trainingSettings } from './settings.ts';

const { privateTrainingInstitutions: i, privateTrainingPlatform: p } = tables;

/**
 * 学科类培训机构压减率 per county: (基数 − 存量) ÷ 基数, the 基数 the register's 学科类 institutions on the base date (default
 * the 双减 opinion's, 2021-07-24; a city setting), the 存量 those on the business date (`academicOn`).
 */
const subjectReduction: KpiSource = {
  id: 'private.subject-reduction',
  recordsRoute: 'private-edu:training',
  async byUnit(db, scope, today) {
    const [{ baseDate }, rows] = await Promise.all([
      trainingSettings(db),
      db
        .select({
          unitCode: i.unitCode,
          category: i.category,
          approvedOn: i.approvedOn,
          deregisteredOn: i.deregisteredOn,
          leftAcademicOn: i.leftAcademicOn,
        })
        .from(i)
        .where(and(unitRecordScope(scope, i.unitCode), or(eq(i.category, 'academic'), isNotNull(i.leftAcademicOn)))),
    ]);
    const out = new Map<string, { base: number; now: number }>();
    for (const r of rows) {
      const m = out.get(r.unitCode) ?? { base: 0, now: 0 };
      if (academicOn(r, baseDate)) m.base += 1;
      if (academicOn(r, today)) m.now += 1;
      out.set(r.unitCode, m);
    }
    return new Map<string, Measure>([...out].map(([u, m]) => [u, { num: m.base - m.now, den: m.base }]));
  },
};

/** 入驻率 per county: the register's institutions not 注销 that appear on the national platform's list ÷ those institutions. */
const platformOnboarding: KpiSource = {
  id: 'private.platform-onboarding',
  recordsRoute: 'private-edu:training',
  async byUnit(db, scope) {
    const rows = await db
      .select({
        unitCode: i.unitCode,
        all: sql<number>`count(*)::int`,
        on: sql<number>`(count(*) filter (where ${onPlatformSql()}))::int`,
      })
      .from(i)
      .where(and(unitRecordScope(scope, i.unitCode), ne(i.status, 'deregistered')))
      .groupBy(i.unitCode);
    return new Map(rows.map((r) => [r.unitCode, { num: r.on, den: r.all }]));
  },
};

/** 资金监管覆盖率 per county, from the platform's list as last imported: 纳入资金监管 (银行托管 or 风险保证金) ÷ institutions listed. */
const feeSupervision: KpiSource = {
  id: 'private.fee-supervision',
  recordsRoute: 'private-edu:training-platform',
  async byUnit(db, scope) {
    const rows = await db
      .select({
        unitCode: p.unitCode,
        all: sql<number>`count(*)::int`,
        supervised: sql<number>`(count(*) filter (where ${inArray(p.feeSupervision, [...SUPERVISED_FEE_MODES])}))::int`,
      })
      .from(p)
      .where(unitRecordScope(scope, p.unitCode))
      .groupBy(p.unitCode);
    return new Map(rows.map((r) => [r.unitCode, { num: r.supervised, den: r.all }]));
  },
};

export const trainingKpis: KpiSource[] = [subjectReduction, platformOnboarding, feeSupervision];
export const TRAINING_KPIS = ['private.subject-reduction', 'private.platform-onboarding', 'private.fee-supervision'] as const;

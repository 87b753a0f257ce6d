import { and, sql } from 'drizzle-orm';
import { tables } from '@hyedu/db';
import { schoolYearOn } from '@hyedu/domain/teachers';
import type { KpiSource, Measure } from '../../../kpi/source.ts';
import { eligibleByUnit, exchangedByUnit, exchangeYears, unitScope } from './query.ts';

const { teacherStaff: st, teacherExchangeRecords: rc, teacherExchangePlans: pl } = tables;
/** Only the records of plans the city has approved count. */
const approved = sql`exists (select 1 from ${pl} where ${pl.id} = ${rc.planId} and ${pl.status} = 'approved')`;

/**
 * “县管校聘”交流轮岗比例: the school year's (the one `today` falls in) teachers exchanged under approved plans ÷ the eligible
 * teachers of 城镇 and 优质 schools, per county. A county without eligible teachers has no figure.
 */
const exchangeRateKpi: KpiSource = {
  id: 'teachers.exchange-rate',
  recordsRoute: 'teachers:exchange-summary',
  async byUnit(db, scope, today) {
    const year = schoolYearOn(today);
    const { years } = await exchangeYears(db);
    const [eligible, exchanged] = await Promise.all([
      eligibleByUnit(db, year, years, unitScope(scope, st.unitCode)),
      exchangedByUnit(db, year, and(unitScope(scope, rc.unitCode), approved)),
    ]);
    return new Map<string, Measure>([...eligible].map(([unit, n]) => [unit, { num: exchanged.get(unit)?.n ?? 0, den: n }]));
  },
};

/** 骨干教师比例: 骨干教师 among the teachers exchanged under approved plans ÷ those teachers, per county. */
const exchangeBackboneKpi: KpiSource = {
  id: 'teachers.exchange-backbone',
  recordsRoute: 'teachers:exchange-summary',
  async byUnit(db, scope, today) {
    const exchanged = await exchangedByUnit(db, schoolYearOn(today), and(unitScope(scope, rc.unitCode), approved));
    return new Map<string, Measure>([...exchanged].map(([unit, x]) => [unit, { num: x.backbone, den: x.n }]));
  },
};

export const exchangeKpis: KpiSource[] = [exchangeRateKpi, exchangeBackboneKpi];

import type { KpiSource, Measure } from '../../../kpi/source.ts';
import { yearOf } from '../../../kpi/targets.ts';
import { comparison } from './comparison.ts';

/**
 * 教师平均工资收入不低于公务员的县市区占比 (item 19): per filing unit (the 县市区 and 高新区) 1/1 when its return for the
 * plan year (the business date's year) is accepted and the teachers' average is not below the civil servants', else
 * 0/1 — a unit below, or whose return is missing or not yet accepted, does not meet it. The city: Σ over its units.
 */
export const wageGuaranteeKpi: KpiSource = {
  id: 'teachers.wage-guarantee',
  recordsRoute: 'teachers:pay',
  async byUnit(db, scope, today) {
    const { rows } = await comparison(db, scope, { year: yearOf(today) });
    return new Map<string, Measure>(rows.map((x) => [x.unitCode, { num: x.meets ? 1 : 0, den: 1 }]));
  },
};

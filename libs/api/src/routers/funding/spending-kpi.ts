import type { KpiId } from '@hyedu/domain';
import type { KpiSource, Measure } from '../../kpi/source.ts';
import { ruleView } from './spending-rule.ts';

/**
 * 落实“两个只增不减”的县市区占比: per checked unit 1/1 when both figures held from the 决算 year before to the one the
 * plan year checks (the 2022 check: 2021 against 2020), 0/1 when either fell, 0/0 while not judged (a return not
 * accepted or missing, or per-pupil spending unknown without a fall). The plan year is the business date's year.
 */
export const twoNoDecreaseKpi: KpiSource = {
  id: 'funding.two-no-decrease',
  recordsRoute: 'funding:spending-rule',
  recordsArea: 'funding',
  async byUnit(db, scope, today) {
    const units = await ruleView(db, scope, Number(today.slice(0, 4)));
    return new Map<string, Measure>(
      units.map((u) => [u.unitCode, u.check.met === null ? { num: 0, den: 0 } : { num: u.check.met ? 1 : 0, den: 1 }]),
    );
  },
};

/** The KPIs the spending returns and the settings move (their rollups are dropped after a change). */
export const FUNDING_SPENDING_KPIS: readonly KpiId[] = [twoNoDecreaseKpi.id];

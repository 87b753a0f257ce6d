import type { KpiSource, Measure } from '../../kpi/source.ts';
import { listUnits } from '../../queries.ts';
import { seatPlanOn } from './seat-plan.ts';
import { deliveredByUnit } from './seat-totals.ts';

/**
 * 学位建设完成数 (第9项): per unit, the places its projects delivered within the plan's window (投入使用 in it). A count
 * (the catalogue's unit is places): the city's value is the sum, judged against 33,730; a county's is judged against its
 * own target, which the allocation writes as the county's target of this KPI (`funding.allocation.set`).
 */
export const seatsDelivered: KpiSource = {
  id: 'funding.seats-delivered',
  recordsRoute: 'funding:projects',
  recordsArea: 'funding',
  async byUnit(db, scope, today) {
    const delivered = await deliveredByUnit(db, scope, seatPlanOn(today).window);
    const out = new Map<string, Measure>();
    if (!delivered.size) return out;
    for (const u of await listUnits(db, scope)) out.set(u.code, { num: delivered.get(u.code) ?? 0, den: null });
    return out;
  },
};

import type { KpiSource } from '../../kpi/source.ts';
import { namedOnSchedule } from './named-kpi.ts';
import { twoNoDecreaseKpi } from './spending-kpi.ts';

/** The funding module's KPI sources: “两个只增不减” and the named projects on schedule. */
export const fundingKpis: readonly KpiSource[] = [twoNoDecreaseKpi, namedOnSchedule];

import type { KpiSource } from '../../kpi/source.ts';
// 学生资助
import { aidKpis } from './aid/kpis.ts';
// 控辍保学与随迁子女
import { dropoutKpis } from './dropout/index.ts';
import { namedOnSchedule } from './named-kpi.ts';
import { seatsDelivered } from './seats-kpi.ts';
import { twoNoDecreaseKpi } from './spending-kpi.ts';

/** The funding module's KPI sources: “两个只增不减”, the places delivered and the named projects on schedule. */
export const fundingKpis: readonly KpiSource[] = [
  twoNoDecreaseKpi,
  seatsDelivered,
  namedOnSchedule,
  // 控辍保学与随迁子女
  ...dropoutKpis,
  // 学生资助
  ...aidKpis,
];

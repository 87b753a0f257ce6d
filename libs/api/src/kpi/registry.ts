import type { KpiId } from '@hyedu/domain';
import { fundingKpis } from '../routers/funding/kpis.ts';
import { privateEduKpis } from '../routers/private-edu/kpis.ts';
import { safetyKpis } from '../routers/safety/kpis.ts';
import { teachersKpis } from '../routers/teachers/kpis.ts';
import type { KpiSource } from './source.ts';

/**
 * Every module's KPI sources. A module adds its KPIs here (and its definitions to the domain catalogue); the
 * dashboard and the portal need no change.
 */
export const KPI_SOURCES: ReadonlyMap<KpiId, KpiSource> = new Map(
  [...safetyKpis, ...privateEduKpis, ...teachersKpis, ...fundingKpis].map((s) => [s.id, s]),
);

/**
 * The KPIs whose records do not exist yet, with the module work that will bring them: the dashboard shows 暂无数据 for
 * them. A test keeps this list honest — every KPI has a source or is listed here, never both.
 */
export const AWAITING_MODULE: Readonly<Partial<Record<KpiId, string>>> = {};

import { privateEduKpis } from '../routers/private-edu.kpis.ts';
import { safetyKpis } from '../routers/safety/kpis.ts';
import { teachersKpis } from '../routers/teachers.kpis.ts';
import type { KpiSource } from './source.ts';

/**
 * Every module's KPI sources. A module adds its KPIs here (and its definitions to the domain catalogue); the
 * dashboard and the portal need no change. Funding and the rest of private-edu and teachers have no
 * records yet: their KPIs show 暂无数据 until those modules arrive.
 */
export const KPI_SOURCES: ReadonlyMap<string, KpiSource> = new Map([...safetyKpis, ...privateEduKpis, ...teachersKpis].map((s) => [s.id, s]));

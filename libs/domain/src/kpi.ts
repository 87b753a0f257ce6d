import type { ModuleKey } from './modules.ts';

/**
 * A key performance indicator (issue 4): defined once, here, with where it comes from in the plan and how it is
 * computed; each module's API computes its own KPIs live from its records and the portal shows them against target.
 */
export type KpiUnit = 'ratio' | 'count' | 'seats' | 'yuan';
/** at_least: higher is better up to the target; at_most: must not exceed it; zero: the target is none at all. */
export type KpiDirection = 'at_least' | 'at_most';
export type KpiLevel = 'city' | 'county' | 'school';

export interface KpiDefinition {
  id: string;
  title: string;
  module: ModuleKey;
  /** Work-plan item number and the phrase of the seed the KPI measures. */
  itemNo: number;
  phrase: string;
  target: number;
  unit: KpiUnit;
  direction: KpiDirection;
  /** Levels the value is computed for (the drill-down goes city → county → school where listed). */
  levels: readonly KpiLevel[];
  /** How it is computed, in words, for the person reading the dashboard. */
  formula: string;
  /** Amber band: how far from target still counts as amber rather than red (fraction of target, or absolute for a 0 target). */
  amber: number;
}

export type KpiStatus = 'green' | 'amber' | 'red' | 'no_data';
export const KPI_STATUS_LABELS: Record<KpiStatus, string> = { green: '达标', amber: '接近目标', red: '未达标', no_data: '暂无数据' };

/**
 * Status of a value against its KPI: green when the target is met, amber within the amber band, red beyond it.
 * A missing value is 'no_data' — never a made-up number.
 */
export function kpiStatus(def: Pick<KpiDefinition, 'target' | 'direction' | 'amber'>, value: number | null | undefined): KpiStatus {
  if (value === null || value === undefined || Number.isNaN(value)) return 'no_data';
  const { target, direction, amber } = def;
  const band = target === 0 ? amber : Math.abs(target) * amber;
  if (direction === 'at_least') return value >= target ? 'green' : value >= target - band ? 'amber' : 'red';
  return value <= target ? 'green' : value <= target + band ? 'amber' : 'red';
}

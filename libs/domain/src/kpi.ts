import { z } from 'zod';
import type { ModuleKey } from './modules.ts';

/**
 * A key performance indicator: defined once, in the catalogue (kpi-catalogue.ts), with how it is computed; a city adds
 * where it comes from in its plan and its target. Each module's API computes its own KPIs live from its records and
 * the portal shows them against target.
 */
/** days: an average number of days (Σ days ÷ cases), shown to one decimal. */
export type KpiUnit = 'ratio' | 'count' | 'seats' | 'yuan' | 'days';
/** at_least: higher is better up to the target; at_most: must not exceed it; zero: the target is none at all. */
export type KpiDirection = 'at_least' | 'at_most';
export type KpiLevel = 'city' | 'county' | 'school';

/**
 * Every KPI the platform knows, by id: a KPI source for an id not listed here fails the type check, and the catalogue
 * a city configures (its titles, targets, formulas) is keyed by these ids.
 */
export const KPI_IDS = [
  'safety.compliance',
  'safety.guards',
  'safety.closed',
  'safety.alarm',
  'safety.fourth',
  'safety.hazard-closure',
  'safety.hazards-overdue',
  'safety.acceptance-overdue',
  'safety.major-hazards-open',
  'safety.campaign-coverage',
  'safety.incidents',
  'private.gongcanmin-converted',
  'private.compulsory-share',
  'private.teachers-placed',
  'private.inspection-participation',
  'private.inspection-pass-rate',
  'private.puhui-coverage',
  'private.preschool-gross-enrolment',
  // 校外培训机构
  'private.subject-reduction',
  'private.platform-onboarding',
  'private.fee-supervision',
  // 五项管理
  'private.five-items-compliance',
  'funding.seats-delivered',
  'funding.named-on-schedule',
  'funding.two-no-decrease',
  'funding.aid-coverage',
  // 学生资助: 应助未助 still open
  'funding.aid-unaided',
  'funding.dropouts',
  // 控辍保学与随迁子女
  'funding.dropout-return-rate',
  'funding.migrant-public-share',
  'teachers.ethics-cases',
  'teachers.ethics-days',
  'teachers.blacklist',
  'teachers.admission-checks',
  'teachers.staff-completeness',
  'teachers.training-completion',
  'teachers.it-capability',
  'teachers.registration-overdue',
  'teachers.over-quota-schools',
  'teachers.vacancy-contract',
  'teachers.exchange-rate',
  'teachers.exchange-backbone',
  'teachers.programme-arrival',
  'teachers.wage-guarantee',
  // 校外培训执法案件
  'private.enforcement-closed',
  'private.enforcement-days',
] as const;
export const KpiId = z.enum(KPI_IDS, { message: '指标不存在' });
export type KpiId = z.infer<typeof KpiId>;

/**
 * What a KPI is, whatever the city (the catalogue, kpi-catalogue.ts): its meaning, unit, direction, levels and
 * formula, and the amber band it is judged with unless a city sets its own.
 */
export interface KpiRule {
  id: KpiId;
  title: string;
  module: ModuleKey;
  unit: KpiUnit;
  direction: KpiDirection;
  /** Levels the value is computed for (the drill-down goes city → county → school where listed). */
  levels: readonly KpiLevel[];
  /** How it is computed, in words, for the person reading the dashboard. */
  formula: string;
  /** Amber band: how far from target still counts as amber rather than red (fraction of target). Unused for a 0 target. */
  amber: number;
  /** A hard cap (“控制在…以内”): exceeding it at all is red, never amber. */
  hardCap?: boolean;
  /**
   * What the city's own row counts: the schools directly under the bureau (局直学校, the default) or the city's own
   * budget and projects (市本级) for a KPI whose records belong to budget units.
   */
  cityOwn?: CityOwn;
}

export type CityOwn = 'schools' | 'budget';
/** The city's own row of a KPI, by what it counts. */
export const CITY_OWN_LABELS: Record<CityOwn, { zh: string; en: string }> = {
  schools: { zh: '局直学校', en: 'City-direct schools' },
  budget: { zh: '市本级', en: 'City level' },
};

/** What a city's work plan says about one KPI: the item and phrase it measures and the city's target. */
export interface CityKpiTarget {
  /** Work-plan item number and the phrase of the plan the KPI measures. */
  itemNo: number;
  phrase: string;
  target: number;
  /** Where the target comes from: the plan's own words (工作要点) or a target the bureau set itself (局定目标). */
  targetSource: TargetSource;
  /** The city's own amber band, when it differs from the catalogue's. */
  amber?: number;
}

/** A KPI as a city measures it: the catalogue's rule with the city's item, phrase and target. */
export interface KpiDefinition extends KpiRule, Omit<CityKpiTarget, 'amber'> {}

/** 'seed': the work plan states the figure; 'bureau': the seed names the task but no figure, the bureau chose it. */
export type TargetSource = 'seed' | 'bureau';
export const TARGET_SOURCE_LABELS: Record<TargetSource, string> = { seed: '工作要点', bureau: '局定目标' };

export type KpiStatus = 'green' | 'amber' | 'red' | 'no_data';
export const KPI_STATUS_LABELS: Record<KpiStatus, string> = { green: '达标', amber: '接近目标', red: '未达标', no_data: '暂无数据' };

/**
 * Status of a value against its KPI: green when the target is met, amber within the amber band, red beyond it.
 * A hard cap exceeded is red, and so is any miss of a target of 0 (one 逾期 hazard is one too many): no amber there.
 * A missing value is 'no_data' — never a made-up number.
 */
export function kpiStatus(
  def: Pick<KpiDefinition, 'target' | 'direction' | 'amber' | 'hardCap'>,
  value: number | null | undefined,
): KpiStatus {
  if (value === null || value === undefined || Number.isNaN(value)) return 'no_data';
  const { target, direction, amber } = def;
  const met = direction === 'at_least' ? value >= target : value <= target;
  if (met) return 'green';
  if (target === 0 || (def.hardCap && direction === 'at_most')) return 'red';
  const band = Math.abs(target) * amber;
  return (direction === 'at_least' ? value >= target - band : value <= target + band) ? 'amber' : 'red';
}

/**
 * Targets the bureau sets for a county (县市区) per KPI: kpiId → unitCode → target. A county without its own target is
 * judged against the city's (the seed's targets are 市域 ones), and the figure says which it was.
 */
export type CountyTargets = Readonly<Record<string, Readonly<Record<string, number>>>>;
export interface ResolvedTarget {
  target: number;
  source: TargetSource;
  /** 'county': the county's own target; 'city': the city's, used for the whole city or as the county's fallback. */
  scope: 'city' | 'county';
  label: string;
}
export function targetFor(
  def: Pick<KpiDefinition, 'id' | 'target' | 'targetSource'>,
  unitCode: string | null,
  county: CountyTargets = {},
): ResolvedTarget {
  const own = unitCode === null ? undefined : county[def.id]?.[unitCode];
  if (own !== undefined) return { target: own, source: 'bureau', scope: 'county', label: `${TARGET_SOURCE_LABELS.bureau}（县市区）` };
  const label = unitCode === null ? TARGET_SOURCE_LABELS[def.targetSource] : `${TARGET_SOURCE_LABELS[def.targetSource]}（沿用全市目标）`;
  return { target: def.target, source: def.targetSource, scope: 'city', label };
}

/** Status of a unit's value against its own target (county rows against county targets, else the city's). */
export function kpiStatusFor(
  def: KpiDefinition,
  unitCode: string | null,
  value: number | null | undefined,
  county: CountyTargets = {},
): KpiStatus {
  return kpiStatus({ ...def, target: targetFor(def, unitCode, county).target }, value);
}

/** A county target as stored: one KPI, one county-level unit, one plan year. */
export interface CountyTargetRow {
  kpiId: string;
  unitCode: string;
  target: number;
}
/** The stored county targets of one year as the lookup `targetFor` takes (kpiId → unitCode → target). */
export function countyTargetsFrom(rows: readonly CountyTargetRow[]): CountyTargets {
  const out: Record<string, Record<string, number>> = {};
  for (const r of rows) (out[r.kpiId] ??= {})[r.unitCode] = r.target;
  return out;
}

/** Largest count/seat target a county may be given (a county's seats or cases are far below it). */
export const MAX_COUNTY_TARGET_COUNT = 1_000_000;
/** Largest amount target in fen (100亿元). */
export const MAX_COUNTY_TARGET_FEN = 1_000_000_000_000;

/**
 * Why a county target is not acceptable for a KPI, or null: a ratio is a fraction 0–1 (entered as a percentage, to
 * 0.01%), a count or number of seats a whole number 0–1,000,000, an amount in yuan whole fen (the API stores money as
 * integer fen). A KPI not computed per county (levels without 'county') takes no county target.
 */
export function countyTargetRefusal(def: Pick<KpiDefinition, 'unit' | 'levels'>, target: number): string | null {
  if (!def.levels.includes('county')) return '该指标不按县市区计算，不能设置县市区目标';
  if (!Number.isFinite(target)) return '目标值应为数字';
  if (target < 0) return '目标值不能为负数';
  if (def.unit === 'ratio') {
    if (target > 1) return '目标值应在0%到100%之间';
    if (Math.abs(target * 10_000 - Math.round(target * 10_000)) > 1e-6) return '目标值最多保留两位小数（百分比）';
    return null;
  }
  if (!Number.isInteger(target)) return def.unit === 'yuan' ? '金额目标应为整数（分）' : '目标值应为整数';
  if (def.unit !== 'yuan' && target > MAX_COUNTY_TARGET_COUNT) return `目标值不能大于${MAX_COUNTY_TARGET_COUNT}`;
  if (def.unit === 'yuan' && target > MAX_COUNTY_TARGET_FEN) return '金额目标不能大于100亿元';
  return null;
}

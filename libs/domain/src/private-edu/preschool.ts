import { z } from 'zod';
import { DivisionCode } from '../org.ts';
import { SchoolYear } from './census.ts';

/**
 * 学前三年毛入园率 (docs/domain/private-education.md, item 10): all 在园 children of a county's kindergartens (K1–K3 of
 * the 学年初 census, every ownership) ÷ the county's resident population aged 3–5 in that school year. The population
 * is not held by the platform: each county bureau enters its own figure per 学年 (the city may enter any county's).
 * Children may exceed the resident population (children from outside the county), so a rate above 100% is shown as it is.
 * The target is the KPI's (`private.preschool-gross-enrolment`; Hengyang's 85% in hengyang/targets.ts, a county's own
 * target where the 办公室 sets one).
 */

/** The largest 3–5 population a county-level unit can have (Hengyang's largest county has about a tenth of this). */
export const PRESCHOOL_POPULATION_MAX = 300_000;

export const PreschoolPopulation = z
  .number({ message: '请填写3至5周岁常住人口数' })
  .int({ message: '3至5周岁常住人口数应为整数' })
  .min(1, { message: '3至5周岁常住人口数应大于0' })
  .max(PRESCHOOL_POPULATION_MAX, { message: `3至5周岁常住人口数不能超过${PRESCHOOL_POPULATION_MAX}` });

/** One county's population for one school year; `expectedVersion` 0 when none is on record yet. */
export const PreschoolPopulationInput = z
  .object({
    unitCode: DivisionCode,
    schoolYear: SchoolYear,
    population: PreschoolPopulation,
    expectedVersion: z
      .number({ message: '缺少记录版本，请刷新后重试' })
      .int({ message: '缺少记录版本，请刷新后重试' })
      .min(0, { message: '缺少记录版本，请刷新后重试' })
      .max(2_147_483_647, { message: '缺少记录版本，请刷新后重试' }),
  })
  .strict();
export type PreschoolPopulationInput = z.infer<typeof PreschoolPopulationInput>;

/** 毛入园率 = 在园幼儿 ÷ 3–5周岁常住人口; null when no population is entered (暂无数据, never 0). Not capped at 100%. */
export function grossEnrolmentRate(children: number, population: number | null | undefined): number | null {
  if (!population || population <= 0) return null;
  return children / population;
}

/** Whether a rate meets its target, at least (null: no data, neither met nor missed). */
export const meetsGrossEnrolmentTarget = (rate: number | null, target: number): boolean | null => (rate === null ? null : rate >= target);

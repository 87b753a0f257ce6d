import { describe, expect, it } from 'vitest';
import { HENGYANG_TARGETS_2022 } from '../hengyang/targets.ts';
import { grossEnrolmentRate, meetsGrossEnrolmentTarget, PRESCHOOL_POPULATION_MAX, PreschoolPopulationInput } from './preschool.ts';

describe('学前三年毛入园率', () => {
  it('is all 在园 children over the 3–5 population, above 100% when children come from outside', () => {
    expect(grossEnrolmentRate(17_000, 20_000)).toBe(0.85);
    expect(grossEnrolmentRate(21_000, 20_000)).toBe(1.05);
  });

  it('has no value without a population (never 0)', () => {
    expect(grossEnrolmentRate(17_000, null)).toBeNull();
    expect(grossEnrolmentRate(17_000, undefined)).toBeNull();
    expect(grossEnrolmentRate(17_000, 0)).toBeNull();
  });

  it('meets Hengyang’s 85% target from 85% up; no data is neither', () => {
    const target = HENGYANG_TARGETS_2022.preschoolGrossEnrolmentTarget;
    expect(target).toBe(0.85);
    expect(meetsGrossEnrolmentTarget(0.85, target)).toBe(true);
    expect(meetsGrossEnrolmentTarget(0.8499, target)).toBe(false);
    expect(meetsGrossEnrolmentTarget(null, target)).toBeNull();
  });

  it('takes a positive whole population within bounds, refused in Chinese otherwise', () => {
    const base = { unitCode: '430422', schoolYear: '2022-2023', expectedVersion: 0 };
    expect(PreschoolPopulationInput.safeParse({ ...base, population: 18_000 }).success).toBe(true);
    const message = (population: unknown) => PreschoolPopulationInput.safeParse({ ...base, population }).error?.issues[0]?.message;
    expect(message(0)).toBe('3至5周岁常住人口数应大于0');
    expect(message(-5)).toBe('3至5周岁常住人口数应大于0');
    expect(message(1.5)).toBe('3至5周岁常住人口数应为整数');
    expect(message(PRESCHOOL_POPULATION_MAX + 1)).toBe(`3至5周岁常住人口数不能超过${PRESCHOOL_POPULATION_MAX}`);
    expect(message('18000')).toBe('请填写3至5周岁常住人口数');
    expect(PreschoolPopulationInput.safeParse({ ...base, schoolYear: '2022-2024', population: 1 }).success).toBe(false);
  });
});

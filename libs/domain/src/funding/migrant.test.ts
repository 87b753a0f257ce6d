import { describe, expect, it } from 'vitest';
import { MigrantInput, migrantRefusal, migrantShare, schoolYearOn } from './migrant.ts';

describe('随迁子女 (seed item 11: “保障随迁子女义务教育公办学校就读需求”)', () => {
  it('the public-school share counts bought seats as public (两为主)', () => {
    expect(migrantShare({ total: 1000, publicSchools: 820, purchased: 100 })).toBe(0.92);
    expect(migrantShare({ total: 0, publicSchools: 0, purchased: 0 })).toBeNull();
  });

  it('public and bought seats cannot exceed the children counted; counts are whole and not negative', () => {
    expect(migrantRefusal({ total: 100, publicSchools: 90, purchased: 11 })?.field).toBe('publicSchools');
    expect(migrantRefusal({ total: 100, publicSchools: 90, purchased: 10 })).toBeNull();
    const bad = MigrantInput.safeParse({
      unitCode: '430422',
      schoolYear: '2022-2023',
      expectedVersion: 0,
      total: -1,
      publicSchools: 1.5,
      purchased: 0,
    });
    expect(bad.error?.issues.map((i) => i.message)).toEqual(['随迁子女总数不能为负数', '公办学校就读人数应为整数']);
  });

  it('a 学年 starts on 1 September', () => {
    expect(schoolYearOn('2022-11-30')).toBe('2022-2023');
    expect(schoolYearOn('2022-08-31')).toBe('2021-2022');
  });
});

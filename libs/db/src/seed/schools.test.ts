import { describe, expect, it } from 'vitest';
import { GRADES_BY_LEVEL, parseSchoolCode, schoolCodeCategoryForLevel } from '@hyedu/domain';
import { HENGYANG_PRIVATE_BASELINE_2020 as B, HENGYANG_ORG_UNITS } from '@hyedu/domain/hengyang';
import {
  CITY_DIRECT_UNIT_CODE,
  compulsoryStudents,
  generateSchoolRegistry,
  runsBusesFor,
  totalStudents,
  type SchoolSeed,
} from './schools.ts';

const registry = generateSchoolRegistry();
const countyCodes = HENGYANG_ORG_UNITS.filter((u) => u.kind !== 'city').map((u) => u.code);
const sum = (xs: readonly SchoolSeed[], f: (s: SchoolSeed) => number) => xs.reduce((a, s) => a + f(s), 0);

function privateShare(schools: readonly SchoolSeed[]): number {
  const all = sum(schools, compulsoryStudents);
  const priv = sum(
    schools.filter((s) => s.ownership === 'private'),
    compulsoryStudents,
  );
  return all === 0 ? 0 : priv / all;
}

describe('generateSchoolRegistry', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    expect(generateSchoolRegistry()).toEqual(registry);
    expect(generateSchoolRegistry({ seed: 20220414 })).toEqual(registry);
    expect(generateSchoolRegistry({ seed: 7 })).not.toEqual(registry);
  });

  it('has buses where they are plausible: most rural primary and junior schools, some kindergartens, few urban schools', () => {
    const share = (xs: readonly SchoolSeed[]) => xs.filter((s) => s.runsBuses).length / xs.length;
    const ruralCompulsory = registry.filter((s) => s.isRural && (s.level === 'primary' || s.level === 'junior' || s.level === 'nine_year'));
    const urbanCompulsory = registry.filter(
      (s) => !s.isRural && (s.level === 'primary' || s.level === 'junior' || s.level === 'nine_year'),
    );
    const kindergartens = registry.filter((s) => s.level === 'kindergarten');
    expect(share(ruralCompulsory)).toBe(1);
    expect(share(urbanCompulsory)).toBe(0);
    expect(share(kindergartens)).toBeGreaterThan(0.1);
    expect(share(kindergartens)).toBeLessThan(0.9);
    expect(registry.filter((s) => s.level === 'senior').every((s) => !s.runsBuses)).toBe(true);
    expect(registry.every((s) => s.runsBuses === runsBusesFor(s))).toBe(true);
  });
  it('is fast', () => {
    const t0 = performance.now();
    generateSchoolRegistry({ seed: 3 });
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it('hits the city-wide size targets', () => {
    expect(registry.length).toBeGreaterThanOrEqual(2300);
    expect(registry.length).toBeLessThanOrEqual(2600);
    const students = sum(registry, totalStudents);
    expect(students).toBeGreaterThanOrEqual(1_150_000);
    expect(students).toBeLessThanOrEqual(1_350_000);
    // near the notice's back-calculated compulsory total at end-2020 (857,100)
    const compulsory = sum(registry, compulsoryStudents);
    expect(Math.abs(compulsory - B.compulsoryTotal) / B.compulsoryTotal).toBeLessThan(0.03);
    const kindergartens = registry.filter((s) => s.level === 'kindergarten');
    expect(kindergartens.length / registry.length).toBeGreaterThan(0.5);
    const privateK = kindergartens.filter((s) => s.ownership === 'private').length / kindergartens.length;
    expect(privateK).toBeGreaterThanOrEqual(0.6);
    expect(privateK).toBeLessThanOrEqual(0.8);
  });

  it('gives unique, well-formed codes and unique names', () => {
    const codes = registry.map((s) => s.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const s of registry) {
      expect(s.code).toMatch(/^(11|21|31|34|36|51)43\d{6}$/);
      expect(s.code.slice(0, 2)).toBe(schoolCodeCategoryForLevel(s.level));
      expect(parseSchoolCode(s.code, { provinceCode: '43' }).ok).toBe(true);
    }
    const names = registry.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('fills exactly the grades of each level with sane staffing', () => {
    for (const s of registry) {
      expect(Object.keys(s.enrolment)).toEqual([...GRADES_BY_LEVEL[s.level]]);
      for (const n of Object.values(s.enrolment)) expect(Number.isInteger(n) && (n ?? -1) >= 0).toBe(true);
      expect(totalStudents(s)).toBeGreaterThan(0);
      if (s.level === 'kindergarten') expect(s.isBoarding).toBe(false);
      if (s.ownership === 'private') expect(s.staffing.quota).toBe(0);
      else expect(s.staffing.quota).toBeGreaterThan(0);
      expect(s.staffing.teachers + s.staffing.contractTeachers).toBeGreaterThan(0);
    }
  });

  it('covers every county-level unit, each with a special school', () => {
    for (const code of countyCodes) {
      const own = registry.filter((s) => s.unitCode === code);
      expect(own.length, code).toBeGreaterThan(0);
      expect(
        own.some((s) => s.level === 'special'),
        code,
      ).toBe(true);
      expect(
        own.every((s) => s.town.length > 0),
        code,
      ).toBe(true);
    }
    const units = new Set([...countyCodes, CITY_DIRECT_UNIT_CODE]);
    for (const s of registry) expect(units.has(s.unitCode)).toBe(true);
  });

  it('sizes units roughly by population', () => {
    const students = (code: string) =>
      sum(
        registry.filter((s) => s.unitCode === code),
        totalStudents,
      );
    const leiyang = students('430481');
    for (const code of countyCodes) if (code !== '430481') expect(students(code)).toBeLessThan(leiyang);
    expect(students('430412')).toBeLessThan(students('430406'));
  });

  it('is the end-2020 census of the province’s notice: ≈22% private, junior-heavy, about 118 private compulsory schools', () => {
    const city = privateShare(registry);
    expect(Math.abs(city - B.privateCompulsory / B.compulsoryTotal)).toBeLessThan(0.01);
    const stage = (prefix: string) => {
      let all = 0;
      let priv = 0;
      for (const s of registry)
        for (const [g, n] of Object.entries(s.enrolment))
          if (g.startsWith(prefix)) {
            all += n ?? 0;
            if (s.ownership === 'private') priv += n ?? 0;
          }
      return priv / all;
    };
    expect(Math.abs(stage('P') - B.primaryShare)).toBeLessThan(0.01);
    expect(Math.abs(stage('J') - B.juniorShare)).toBeLessThan(0.015);
    const schools = registry.filter((s) => s.ownership === 'private' && compulsoryStudents(s) > 0).length;
    expect(Math.abs(schools - B.privateSchools)).toBeLessThanOrEqual(15);
    const shares = countyCodes.map((code) => privateShare(registry.filter((s) => s.unitCode === code)));
    expect(shares.filter((x) => x > 0.05).length).toBeGreaterThanOrEqual(10);
    expect(Math.min(...shares)).toBeLessThan(0.05);
  });

  it('includes the 局直 schools under 430400', () => {
    const direct = registry.filter((s) => s.unitCode === CITY_DIRECT_UNIT_CODE);
    const names = new Set(direct.map((s) => s.name));
    for (const name of [
      '衡阳市第一中学',
      '衡阳市第八中学',
      '衡阳市田家炳实验中学',
      '衡阳市第五中学',
      '衡阳市第十七中学',
      '衡钢中学',
      '衡阳市第四中学',
      '衡阳市第六中学',
      '衡阳市职业中等专业学校',
      '衡阳市特殊教育学校',
      '衡阳市实验幼儿园',
    ]) {
      expect(names.has(name), name).toBe(true);
    }
    expect(direct.every((s) => s.town === '' && s.ownership === 'public')).toBe(true);
  });

  it('builds a smaller registry at a smaller scale', () => {
    const small = generateSchoolRegistry({ scale: 0.1 });
    expect(small.length).toBeLessThan(500);
    expect(new Set(small.map((s) => s.code)).size).toBe(small.length);
    expect(new Set(small.map((s) => s.name)).size).toBe(small.length);
    expect(() => generateSchoolRegistry({ scale: 0 })).toThrow(RangeError);
  });
});

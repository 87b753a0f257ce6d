import { describe, expect, it } from 'vitest';
import { censusGrades, CensusRowInput, censusRowRefusals, compulsoryPupilsOf } from './census-import.ts';

const row = (over: Record<string, unknown> = {}) =>
  CensusRowInput.parse({ schoolId: 1, schoolYear: '2022-2023', ownership: 'private', P1: 50, P2: 48, ...over });

describe('census import rows', () => {
  it('counts the 小学 and 初中 grades of a row as its compulsory pupils, never the 幼儿园 or 高中 ones', () => {
    const grades = Object.fromEntries(['K1', 'P1', 'P6', 'J1', 'J3', 'S1'].map((g, i) => [g, 2 ** i]));
    expect(compulsoryPupilsOf(row({ P2: undefined, ...grades }))).toBe(2 + 4 + 8 + 16);
  });

  it('reads a school’s grades in order and refuses negative, fractional and missing figures in Chinese', () => {
    expect(censusGrades(row({ P6: 10 }))).toEqual([
      ['P1', 50],
      ['P2', 48],
      ['P6', 10],
    ]);
    const bad = CensusRowInput.safeParse({ schoolId: 1, schoolYear: '2022-2023', ownership: '其他', P1: -1, P2: 1.5 });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => [i.path[0], i.message])).toEqual([
      ['ownership', '请填写“公办”或“民办”'],
      ['P1', '在校生数应为不小于0的整数'],
      ['P2', '在校生数应为不小于0的整数'],
    ]);
    expect(CensusRowInput.safeParse({ schoolId: 1, schoolYear: '2022-2024', ownership: 'public' }).error!.issues[0]!.message).toBe(
      '学年的后一年应比前一年大1',
    );
  });

  it('refuses grades the school does not teach, an empty row, bought seats at a public school or beyond its pupils, a census still ahead', () => {
    expect(censusRowRefusals(row(), 'primary', '2022-09-01')).toEqual([]);
    expect(censusRowRefusals(row({ J1: 5 }), 'primary', '2022-09-01')).toEqual([{ field: 'J1', message: '小学不设初中一年级，请留空' }]);
    expect(censusRowRefusals(row({ P1: undefined, P2: undefined }), 'junior', '2022-09-01')).toEqual([
      { field: 'J1', message: '至少填写一个年级的在校生数' },
    ]);
    expect(censusRowRefusals(row({ ownership: 'public', purchasedSeats: 3 }), 'primary', '2022-09-01')).toEqual([
      { field: 'purchasedSeats', message: '公办学校没有政府购买学位，请留空或填0' },
    ]);
    expect(censusRowRefusals(row({ purchasedSeats: 99 }), 'primary', '2022-09-01')).toEqual([
      { field: 'purchasedSeats', message: '政府购买学位数不能超过该校义务教育在校生数（98）' },
    ]);
    expect(censusRowRefusals(row(), 'primary', '2022-08-31')).toEqual([
      { field: 'schoolYear', message: '2022-2023学年的学年初统计（2022-09-01）尚未开始' },
    ]);
  });
});

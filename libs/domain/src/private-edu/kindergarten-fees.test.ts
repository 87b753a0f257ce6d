import { describe, expect, it } from 'vitest';
import { feeOverCap, feeRecordRefusal, feeYearsOn, KindergartenFeeInput, puhuiCapsAt, termStart } from './kindergarten-fees.ts';

describe('保教费收费记录', () => {
  it('judges a term on its first day', () => {
    expect(termStart('2022-2023', 'autumn')).toBe('2022-09-01');
    expect(termStart('2022-2023', 'spring')).toBe('2023-03-01');
  });

  it('records fees for the school year of the day and the one before', () => {
    expect(feeYearsOn('2022-11-30')).toEqual(['2022-2023', '2021-2022']);
    expect(feeYearsOn('2023-08-31')).toEqual(['2022-2023', '2021-2022']);
    expect(feeYearsOn('2023-09-01')).toEqual(['2023-2024', '2022-2023']);
  });

  it('takes the cap of the recognition in force that day', () => {
    const cases = [
      { schoolId: 1, status: 'recognised' as const, validFrom: '2022-09-01', revokedOn: null, feeCap: 80_000 },
      { schoolId: 2, status: 'revoked' as const, validFrom: '2021-09-01', revokedOn: '2023-01-15', feeCap: 70_000 },
      { schoolId: 3, status: 'submitted' as const, validFrom: null, revokedOn: null, feeCap: null },
      { schoolId: 4, status: 'recognised' as const, validFrom: '2023-03-02', revokedOn: null, feeCap: 60_000 },
    ];
    expect([...puhuiCapsAt(cases, '2022-09-01')]).toEqual([
      [1, 80_000],
      [2, 70_000],
    ]);
    expect([...puhuiCapsAt(cases, '2023-03-01')]).toEqual([[1, 80_000]]);
  });

  it('flags a fee above the cap, not one at it, and nothing without a recognition', () => {
    expect(feeOverCap(80_001, 80_000)).toBe(true);
    expect(feeOverCap(80_000, 80_000)).toBe(false);
    expect(feeOverCap(200_000, undefined)).toBe(false);
    expect(feeOverCap(200_000, null)).toBe(false);
  });

  it('is kept for private kindergartens only', () => {
    expect(feeRecordRefusal({ level: 'kindergarten', ownership: 'private' })).toBeNull();
    expect(feeRecordRefusal({ level: 'kindergarten', ownership: 'public' })).toBe('只有民办幼儿园登记保教费收费记录');
    expect(feeRecordRefusal({ level: 'primary', ownership: 'private' })).toBe('只有民办幼儿园登记保教费收费记录');
  });

  it('refuses bad input in Chinese', () => {
    const base = { schoolId: 1, schoolYear: '2022-2023', term: 'autumn', feeCharged: 75_000 };
    expect(KindergartenFeeInput.safeParse(base).success).toBe(true);
    const message = (patch: object) => KindergartenFeeInput.safeParse({ ...base, ...patch }).error?.issues[0]?.message;
    expect(message({ feeCharged: 0 })).toBe('每月实收保教费应大于0');
    expect(message({ feeCharged: 12.5 })).toBe('每月实收保教费应以分计的整数');
    expect(message({ term: 'summer' })).toBe('请选择学期');
  });
});

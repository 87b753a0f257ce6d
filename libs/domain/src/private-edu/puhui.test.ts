import { describe, expect, it } from 'vitest';
import {
  censusDate,
  PUHUI_AUTHORITY,
  PUHUI_DEFAULT_SUBSIDY_FEN,
  PUHUI_FEE_CEILING_FEN,
  puhuiApplyRefusal,
  puhuiAt,
  puhuiCoverage,
  PuhuiInput,
  PuhuiRecognition,
  recognitionAmounts,
  revocationRefusal,
  PUHUI_WORKFLOW as wf,
} from './puhui.ts';

describe('普惠性民办园认定', () => {
  it('the kindergarten applies, its county recognises, refuses or revokes', () => {
    expect(PUHUI_AUTHORITY).toBe('county');
    expect(wf.allowed({ state: 'draft', submittedBy: null }, { level: 'school', username: 'k' })).toEqual(['submit']);
    expect(wf.allowed({ state: 'submitted', submittedBy: 'k' }, { level: 'county', username: 'c' })).toEqual([
      'return',
      'recognise',
      'refuse',
    ]);
    expect(wf.allowed({ state: 'submitted', submittedBy: 'k' }, { level: 'city', username: 'c' })).toEqual([]);
    expect(wf.allowed({ state: 'recognised', submittedBy: 'k' }, { level: 'county', username: 'c' })).toEqual(['revoke']);
    expect(wf.allowed({ state: 'refused', submittedBy: 'k' }, { level: 'county', username: 'c' })).toEqual([]);
  });

  it('only a private kindergarten applies', () => {
    expect(puhuiApplyRefusal({ level: 'kindergarten', ownership: 'private' })).toBeNull();
    expect(puhuiApplyRefusal({ level: 'primary', ownership: 'private' })).toBe('只有幼儿园可以申请普惠性民办园认定');
    expect(puhuiApplyRefusal({ level: 'kindergarten', ownership: 'public' })).toBe('只有民办幼儿园可以申请普惠性民办园认定');
  });

  it('money is whole fen; the bureau defaults apply unless entered', () => {
    expect(PuhuiInput.safeParse({ schoolId: 1, feeAsked: 1200.5 }).error?.issues[0]?.message).toBe('每月保教费应以分计的整数');
    expect(PuhuiInput.safeParse({ schoolId: 1, feeAsked: 120_000 }).success).toBe(true);
    expect(PuhuiRecognition.safeParse({ id: 1, expectedVersion: 1, validFrom: '2022-03-01', subsidy: 0 }).error?.issues[0]?.message).toBe(
      '生均补助应大于0',
    );
    expect(recognitionAmounts({})).toEqual({ feeCap: PUHUI_FEE_CEILING_FEN, subsidy: PUHUI_DEFAULT_SUBSIDY_FEN });
    expect(recognitionAmounts({ feeCap: 70_000, subsidy: 50_000 })).toEqual({ feeCap: 70_000, subsidy: 50_000 });
  });

  it('a revocation date lies between the recognition and today', () => {
    expect(revocationRefusal('2022-03-01', '2022-02-28', '2022-11-30')).toBe('撤销日期不能早于认定生效日期');
    expect(revocationRefusal('2022-03-01', '2022-12-01', '2022-11-30')).toBe('撤销日期不能晚于今天');
    expect(revocationRefusal('2022-03-01', '2022-10-01', '2022-11-30')).toBeNull();
  });

  it('puhuiAt: recognised from validFrom, until revoked', () => {
    const rows = [
      { schoolId: 1, status: 'recognised' as const, validFrom: '2022-03-01', revokedOn: null },
      { schoolId: 2, status: 'recognised' as const, validFrom: '2022-09-02', revokedOn: null },
      { schoolId: 3, status: 'revoked' as const, validFrom: '2021-03-01', revokedOn: '2022-06-30' },
      { schoolId: 4, status: 'revoked' as const, validFrom: '2021-03-01', revokedOn: '2022-10-01' },
      { schoolId: 5, status: 'submitted' as const, validFrom: null, revokedOn: null },
      { schoolId: 6, status: 'refused' as const, validFrom: null, revokedOn: null },
      { schoolId: 7, status: 'revoked' as const, validFrom: '2021-03-01', revokedOn: '2022-09-01' },
    ];
    expect([...puhuiAt(rows, '2022-09-01')].sort()).toEqual([1, 4]);
    expect([...puhuiAt(rows, '2021-09-01')].sort()).toEqual([3, 4, 7]);
    expect([...puhuiAt(rows, '2022-11-30')].sort()).toEqual([1, 2]);
    expect(censusDate('2022-2023')).toBe('2022-09-01');
  });

  it('普惠覆盖率 = (公办 + 普惠民办) ÷ all 在园', () => {
    expect(puhuiCoverage({ publicChildren: 6000, puhuiChildren: 2000, allChildren: 10000 })).toBe(0.8);
    expect(puhuiCoverage({ publicChildren: 300, puhuiChildren: 150, allChildren: 600 })).toBe(0.75);
    expect(puhuiCoverage({ publicChildren: 0, puhuiChildren: 0, allChildren: 0 })).toBeNull();
  });
});

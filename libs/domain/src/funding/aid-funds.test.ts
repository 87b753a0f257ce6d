import { describe, expect, it } from 'vitest';
import { AidFundInput, DEFAULT_AID_RETENTION, fundRefusal, fundStanding, paidRate, semesterLastDay } from './aid-funds.ts';

const TODAY = '2022-11-30';

describe('资助资金: 预算 → 下达 → 发放 per county, semester and item', () => {
  it('allocates what the budget holds: 下达 above 预算 is refused on its field, in Chinese', () => {
    expect(
      fundRefusal({ budget: 1_000_000_00, allocated: 1_000_000_01, allocatedOn: '2022-09-10', documentNo: '衡教资〔2022〕12号' }, TODAY),
    ).toEqual({
      field: 'allocated',
      message: '下达金额1000000.01元超过预算金额1000000.00元，请先调整预算',
    });
    expect(fundRefusal({ budget: 100, allocated: 100, allocatedOn: '2022-09-10', documentNo: '衡教资〔2022〕12号' }, TODAY)).toBeNull();
  });

  it('an allocation carries its date (not in the future) and its 文号; a budget alone needs neither', () => {
    expect(fundRefusal({ budget: 100, allocated: 0 }, TODAY)).toBeNull();
    expect(fundRefusal({ budget: 100, allocated: 50, documentNo: 'x' }, TODAY)?.field).toBe('allocatedOn');
    expect(fundRefusal({ budget: 100, allocated: 50, allocatedOn: '2022-12-01', documentNo: 'x' }, TODAY)).toEqual({
      field: 'allocatedOn',
      message: '下达日期不能晚于今天',
    });
    expect(fundRefusal({ budget: 100, allocated: 50, allocatedOn: '2022-09-01', documentNo: ' ' }, TODAY)).toEqual({
      field: 'documentNo',
      message: '请填写下达文号',
    });
  });

  it('takes amounts in whole fen, not negative, below 1亿元', () => {
    const base = { unitCode: '430422', semester: '2022-2', item: 'living_allowance', budget: 100, allocated: 0, expectedVersion: 0 };
    expect(AidFundInput.safeParse(base).success).toBe(true);
    const bad = (v: Record<string, unknown>) => AidFundInput.safeParse({ ...base, ...v }).error?.issues[0]?.message;
    expect(bad({ budget: 1.5 })).toBe('预算金额应为以分计的整数');
    expect(bad({ allocated: -1 })).toBe('下达金额不能为负数');
    expect(bad({ budget: 10_000_000_001 })).toBe('预算金额不能超过1亿元');
  });

  it('发放率 = paid ÷ allocated; nothing allocated has no rate', () => {
    expect(paidRate(90, 100)).toBe(0.9);
    expect(paidRate(120, 100)).toBe(1.2);
    expect(paidRate(5, 0)).toBeNull();
  });

  it('资金滞留 (局定, default 90%): less than 90% paid once the semester has ended; a running semester is not judged', () => {
    expect(DEFAULT_AID_RETENTION.minPaidShare).toBe(0.9);
    expect(semesterLastDay('2022-1')).toBe('2022-08-31');
    expect(semesterLastDay('2022-2')).toBe('2023-02-28');
    expect(semesterLastDay('2023-2')).toBe('2024-02-29');
    expect(fundStanding({ semester: '2022-1', allocated: 100, paid: 89 }, TODAY)).toBe('retained');
    expect(fundStanding({ semester: '2022-1', allocated: 100, paid: 90 }, TODAY)).toBe('paid');
    expect(fundStanding({ semester: '2022-2', allocated: 100, paid: 50 }, TODAY)).toBe('running');
    expect(fundStanding({ semester: '2022-2', allocated: 100, paid: 95 }, TODAY)).toBe('paid');
    expect(fundStanding({ semester: '2022-2', allocated: 0, paid: 95 }, TODAY)).toBe('none');
    expect(fundStanding({ semester: '2022-2', allocated: 100, paid: 50 }, '2023-03-01')).toBe('retained');
    expect(fundStanding({ semester: '2022-1', allocated: 100, paid: 85 }, TODAY, { minPaidShare: 0.8 })).toBe('paid');
  });
});

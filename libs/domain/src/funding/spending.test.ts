import { describe, expect, it } from 'vitest';
import {
  censusYearOf,
  comparedYears,
  fiscalYearLabel,
  perPupil,
  spendingRefusal,
  SpendingReturnInput,
  twoNoDecrease,
  SPENDING_WORKFLOW as wf,
} from './spending.ts';

const city = { level: 'city' as const, username: 'funding' };
const county = { level: 'county' as const, username: 'hengnan' };

describe('两个只增不减 (国办发〔2018〕82号)', () => {
  it('checks plan year 2022 on the 决算 of 2021 against 2020, one year behind, and labels the year', () => {
    expect(comparedYears(2022)).toEqual({ year: 2021, previous: 2020 });
    expect(fiscalYearLabel(2021)).toBe('2021年决算');
    expect(fiscalYearLabel(2021, 'en')).toBe('2021 final accounts');
    expect(censusYearOf(2021)).toBe('2021-2022');
  });

  it('counts an equal year as not falling, on both figures', () => {
    const r = twoNoDecrease({ year: 2021, spending: 100_000, pupils: 10 }, { year: 2020, spending: 100_000, pupils: 10 });
    expect(r).toEqual({ year: 2021, previous: 2020, spending: 'equal', perPupil: 'equal', met: true });
  });

  it('fails on a fall of the spending by one fen', () => {
    const r = twoNoDecrease({ year: 2021, spending: 99_999, pupils: 10 }, { year: 2020, spending: 100_000, pupils: 10 });
    expect(r).toMatchObject({ spending: 'down', met: false });
  });

  it('fails when spending rose but pupils rose faster (per pupil fell)', () => {
    const r = twoNoDecrease({ year: 2021, spending: 110, pupils: 12 }, { year: 2020, spending: 100, pupils: 10 });
    expect(r).toMatchObject({ spending: 'up', perPupil: 'down', met: false });
  });

  it('compares per pupil exactly where fen × pupils passes 2⁵³', () => {
    // 2 000 000 000 000 fen (200 亿元) over 700 001 and 700 000 pupils: equal ratios, products beyond safe integers.
    const prev = { year: 2020, spending: 2_000_000_000_000, pupils: 700_000 };
    const cur = { year: 2021, spending: 2_000_002_857_142, pupils: 700_001 };
    expect(BigInt(cur.spending) * BigInt(prev.pupils)).toBeGreaterThan(BigInt(Number.MAX_SAFE_INTEGER));
    expect(twoNoDecrease(cur, prev)?.perPupil).toBe('down'); // 2,000,002,857,142.857… would be equal
    expect(twoNoDecrease({ ...cur, spending: 2_000_002_857_143 }, prev)?.perPupil).toBe('up');
  });

  it('cannot judge per pupil without pupils, but a fall of the spending still fails', () => {
    expect(twoNoDecrease({ year: 2020, spending: 10, pupils: null }, { year: 2019, spending: 9, pupils: null })).toMatchObject({
      perPupil: 'unknown',
      met: null,
    });
    expect(twoNoDecrease({ year: 2020, spending: 8, pupils: null }, { year: 2019, spending: 9, pupils: null })?.met).toBe(false);
    expect(twoNoDecrease(undefined, { year: 2019, spending: 9, pupils: 1 })).toBeNull();
    expect(perPupil({ spending: 1_000, pupils: 3 })).toBe(333);
  });

  it('refuses bad returns on their field, in Chinese', () => {
    const bad = SpendingReturnInput.safeParse({ unitCode: '430422', fiscalYear: 2021, budgetSpending: 1.5 });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]).toMatchObject({ path: ['budgetSpending'], message: '一般公共预算教育支出应以分计的整数' });
    expect(spendingRefusal({ budgetSpending: 100, byStage: { P: 101 } })).toEqual({
      field: 'byStage.P',
      message: '小学支出不能超过一般公共预算教育支出',
    });
  });

  it('is reviewed by the city, never by its submitter, and reopened with a reason', () => {
    expect(wf.allowed({ state: 'draft' }, county)).toEqual(['submit']);
    expect(wf.allowed({ state: 'submitted', submittedBy: 'hengnan' }, city)).toEqual(['accept', 'return']);
    expect(wf.refusal({ state: 'submitted', submittedBy: 'funding' }, 'accept', city)).toBe('不能审核自己提交的决算填报');
    expect(wf.refusal({ state: 'submitted' }, 'accept', county)).not.toBeNull();
    expect(wf.corrections({ state: 'accepted' }, city)).toEqual(['reopen']);
    expect(wf.refusal({ state: 'accepted' }, 'reopen', city, { reason: '' })).toBe('请填写退回修订原因');
  });
});

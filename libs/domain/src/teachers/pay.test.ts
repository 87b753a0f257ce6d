import { describe, expect, it } from 'vitest';
import {
  bonusDelayDays,
  bonusLate,
  PAY_RECTIFICATION_WORKFLOW,
  PAY_RETURN_WORKFLOW,
  payBelowBenchmark,
  PayFigures,
  payFindings,
  payGap,
  payGapRatio,
  payRefusals,
  PayReturnInput,
  RectificationInput,
  rectificationOverdue,
  wageGuaranteeRate,
} from './pay.ts';

// The seed's 2022 figures (libs/db/src/seed/teacher-pay.ts): 耒阳市 below, 衡南县's teachers paid their bonus late.
const leiyang = { teacherAvgPay: 8_641_200, civilServantAvgPay: 8_973_000 };
const hengnan = {
  teacherAvgPay: 9_386_500,
  civilServantAvgPay: 9_120_000,
  civilServantBonusOn: '2022-01-20',
  teacherBonusOn: '2022-02-25',
};

describe('pay benchmark', () => {
  it('is red when teachers average less than civil servants (耒阳市 2022: 86,412.00 < 89,730.00 元)', () => {
    expect(payBelowBenchmark(leiyang)).toBe(true);
    expect(payGap(leiyang)).toBe(-331_800);
    expect(payGapRatio(leiyang)).toBeCloseTo(-0.037, 3);
  });
  it('is met when equal or above (不低于)', () => {
    expect(payBelowBenchmark({ teacherAvgPay: 9_000_000, civilServantAvgPay: 9_000_000 })).toBe(false);
    expect(payBelowBenchmark(hengnan)).toBe(false);
    expect(payGapRatio({ teacherAvgPay: 1, civilServantAvgPay: 0 })).toBeNull();
  });
});

describe('year-end bonus timing', () => {
  it('is late when teachers are paid after the civil servants (衡南县 2022: 36 days)', () => {
    expect(bonusLate(hengnan)).toBe(true);
    expect(bonusDelayDays(hengnan)).toBe(36);
  });
  it('is not late on the same day, nor when civil servants had none; late when teachers have none yet', () => {
    expect(bonusLate({ civilServantBonusOn: '2022-01-20', teacherBonusOn: '2022-01-20' })).toBe(false);
    expect(bonusLate({ teacherBonusOn: '2022-01-20' })).toBe(false);
    expect(bonusLate({ civilServantBonusOn: '2022-01-20' })).toBe(true);
    expect(bonusDelayDays({ civilServantBonusOn: '2022-01-20' })).toBeNull();
  });
  it('says each finding in Chinese', () => {
    expect(payFindings({ ...leiyang }).map((f) => f.text)).toEqual(['教师年平均工资收入86,412.00元，低于公务员89,730.00元，差3,318.00元']);
    expect(payFindings(hengnan)).toEqual([{ kind: 'bonusLate', text: '教师年终一次性奖励2022-02-25发放，晚于公务员（2022-01-20）36天' }]);
  });
});

describe('a return', () => {
  const ok: PayFigures = { ...leiyang, linkageEstablished: true, linkageDocument: '耒政办发〔2020〕12号' };
  it('takes fen and refuses negative, fractional and non-numeric amounts with the field named', () => {
    expect(PayFigures.safeParse(ok).success).toBe(true);
    const msg = (v: unknown) => PayFigures.safeParse({ ...ok, teacherAvgPay: v }).error?.issues[0]?.message;
    expect(msg(-1)).toBe('义务教育教师年平均工资收入不能为负数');
    expect(msg(1.5)).toBe('义务教育教师年平均工资收入最多保留两位小数');
    expect(msg('abc')).toBe('义务教育教师年平均工资收入应为数字');
    expect(PayReturnInput.safeParse({ ...ok, unitCode: '430481', year: 2019 }).error?.issues[0]?.message).toBe('年度不能早于2020年');
  });
  it('refuses components above the average, a linkage without its document, a bonus date outside the year', () => {
    expect(payRefusals({ ...ok, teacherBasePay: 5_000_000, teacherPerformancePay: 4_000_000 }, 2022)[0]?.field).toBe('teacherAvgPay');
    expect(payRefusals({ ...ok, linkageDocument: ' ' }, 2022)).toEqual([
      { field: 'linkageDocument', message: '已建立联动机制的，请填写联动机制文件名称或文号' },
    ]);
    expect(payRefusals({ ...ok, teacherBonusOn: '2021-12-30' }, 2022)).toEqual([
      { field: 'teacherBonusOn', message: '教师年终一次性奖励发放日期应在2022年内' },
    ]);
    expect(payRefusals(ok, 2022)).toEqual([]);
  });
});

describe('workflows', () => {
  it('the return: county submits, the city accepts (never its own submission) or returns with a reason', () => {
    const city = { level: 'city' as const, username: 'teachers' };
    expect(PAY_RETURN_WORKFLOW.allowed({ state: 'submitted', submittedBy: 'teachers' }, city)).toEqual(['return']);
    expect(PAY_RETURN_WORKFLOW.allowed({ state: 'submitted', submittedBy: 'hengnan' }, city)).toEqual(['accept', 'return']);
    expect(PAY_RETURN_WORKFLOW.refusalOf({ state: 'submitted' }, 'return', city, {})?.kind).toBe('input');
    expect(PAY_RETURN_WORKFLOW.allowed({ state: 'returned' }, { level: 'county', username: 'hengnan' })).toEqual(['submit']);
  });
  it('the rectification: found → rectifying → reported → closed, returned with a reason', () => {
    const wf = PAY_RECTIFICATION_WORKFLOW;
    expect(wf.next('start', 'found')).toBe('rectifying');
    expect(wf.next('report', 'rectifying')).toBe('reported');
    expect(wf.next('accept', 'reported')).toBe('closed');
    expect(wf.next('return', 'reported')).toBe('rectifying');
    expect(wf.allowed({ state: 'reported', submittedBy: 'hengnan' }, { level: 'county', username: 'hengnan' })).toEqual([]);
    expect(rectificationOverdue({ status: 'rectifying', deadline: '2022-10-31' }, '2022-11-30')).toBe(true);
    expect(rectificationOverdue({ status: 'reported', deadline: '2022-10-31' }, '2022-11-30')).toBe(false);
  });
  it('a case names what was found', () => {
    const bad = RectificationInput.safeParse({
      unitCode: '430481',
      year: 2022,
      findingKinds: [],
      findingText: '低',
      deadline: '2022-12-31',
    });
    expect(bad.error?.issues.map((i) => i.message)).toEqual(['请选择督查发现的问题', '督查发现情况至少2个字']);
  });
});

it('the KPI: units meeting ÷ units judged (the seed: 11 of 13 in 2022)', () => {
  expect(wageGuaranteeRate(11, 13)).toBeCloseTo(0.846, 3);
  expect(wageGuaranteeRate(0, 0)).toBeNull();
});

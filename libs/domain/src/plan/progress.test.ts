import { describe, expect, it } from 'vitest';
import {
  firstOpenPeriod,
  periodStates,
  Reason,
  REPORT_REVIEW,
  reportingPeriods,
  ReportInput,
  type ReviewAction,
  type ReviewState,
} from './progress.ts';

/** The workflow's refusal for whoever may take the step (which 科室 reviews is the router's to decide). */
const reviewRefusal = (state: ReviewState | null, action: ReviewAction) =>
  REPORT_REVIEW.refusal(state ? { state } : null, action, { level: REPORT_REVIEW.steps[action].by.at(-1)!, username: 'someone' });

describe('progress reports', () => {
  it('monthly periods from the month the plan was issued (2022-04-14) to December', () => {
    expect(reportingPeriods(2022, '2022-04-14')).toEqual([
      '2022-04',
      '2022-05',
      '2022-06',
      '2022-07',
      '2022-08',
      '2022-09',
      '2022-10',
      '2022-11',
      '2022-12',
    ]);
    expect(reportingPeriods(2023, '2022-12-20')).toHaveLength(12);
  });

  it('review: submit when new or returned; review or return only what is submitted', () => {
    expect(reviewRefusal(null, 'submit')).toBeNull();
    expect(reviewRefusal('returned', 'submit')).toBeNull();
    expect(reviewRefusal('submitted', 'submit')).toBe('该报告已提交，正在等待审核');
    expect(reviewRefusal('reviewed', 'submit')).toBe('该报告已审核，不能再修改');
    expect(reviewRefusal('submitted', 'review')).toBeNull();
    expect(reviewRefusal('submitted', 'return')).toBeNull();
    expect(reviewRefusal('returned', 'return')).toBe('该报告已退回，不能退回');
    expect(reviewRefusal('reviewed', 'review')).toBe('该报告已审核，不能审核');
  });

  it('a return needs a reason; a report needs a status and at least a sentence', () => {
    expect(Reason.safeParse('  ').error?.issues[0]?.message).toBe('请填写退回原因');
    const r = ReportInput.safeParse({ period: '2022-13', status: 'x', narrative: '太短' });
    expect(r.error?.issues.map((i) => i.message)).toEqual(['报告期应为 YYYY-MM 格式的月份', '请选择进展状态', '进展情况至少写10个字']);
  });
});

describe('which months a unit has reported (one report per task × unit × month)', () => {
  const periods = reportingPeriods(2022, '2022-04-14');
  const states = periodStates(periods, [
    { period: '2022-04', review: 'reviewed' },
    { period: '2022-05', review: 'submitted' },
    { period: '2022-06', review: 'returned' },
  ]);
  it('says for each month whether it is done, waiting, returned or open, and which may be submitted now', () => {
    expect(states.slice(0, 4)).toEqual([
      { period: '2022-04', state: 'reviewed', canSubmit: false },
      { period: '2022-05', state: 'submitted', canSubmit: false },
      { period: '2022-06', state: 'returned', canSubmit: true },
      { period: '2022-07', state: 'open', canSubmit: true },
    ]);
    expect(states).toHaveLength(9);
  });
  it('a new report is for the earliest open month up to now, not a month already reported', () => {
    expect(firstOpenPeriod(states, '2022-09')).toBe('2022-07');
    expect(firstOpenPeriod(periodStates(periods, []), '2022-09')).toBe('2022-04');
    expect(firstOpenPeriod(states, '2022-03')).toBe('2022-07'); // nothing open yet up to now: the earliest open one
    expect(firstOpenPeriod(periodStates(['2022-12'], [{ period: '2022-12', review: 'reviewed' }]), '2022-12')).toBeUndefined();
  });
});

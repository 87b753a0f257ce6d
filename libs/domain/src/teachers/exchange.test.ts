import { describe, expect, it } from 'vitest';
import {
  backboneShare,
  DEFAULT_EXCHANGE_YEARS,
  eligibilityRefusal,
  EXCHANGE_BACKBONE_SHARE,
  EXCHANGE_MIN_SHARE,
  exchangeBelow,
  exchangeDirection,
  exchangeNeeded,
  ExchangePlanInput,
  exchangeRate,
  ExchangeRecordInput,
  exchangeStatusOn,
  isSendingSchool,
  joinedBy,
  schoolYearOn,
  startRefusal,
  EXCHANGE_PLAN_WORKFLOW as wf,
  wholeYears,
} from './exchange.ts';

const teacher = { status: 'tenured', post: 'teacher', ownership: 'public', level: 'primary', joinedOn: '2016-09-01' } as const;

describe('县管校聘 exchange rules (教师〔2014〕4号)', () => {
  it('“交流轮岗的教师应不低于符合交流条件教师总数的10%，其中骨干教师不低于交流总数的20%”', () => {
    expect(EXCHANGE_MIN_SHARE).toBe(0.1);
    expect(EXCHANGE_BACKBONE_SHARE).toBe(0.2);
    expect(DEFAULT_EXCHANGE_YEARS).toBe(6);
  });

  it('counts whole years at the school to the school year’s 1 September', () => {
    expect(wholeYears('2016-09-01', '2022-09-01')).toBe(6);
    expect(wholeYears('2016-09-02', '2022-09-01')).toBe(5);
    expect(joinedBy('2022-2023', 6)).toBe('2016-09-01');
    expect(schoolYearOn('2022-11-30')).toBe('2022-2023');
    expect(schoolYearOn('2022-08-31')).toBe('2021-2022');
  });

  it('eligible: 在编 专任教师 of a public school with at least N years there', () => {
    expect(eligibilityRefusal(teacher, '2022-2023')).toBeNull();
    expect(eligibilityRefusal({ ...teacher, joinedOn: '2017-03-01' }, '2022-2023')).toBe('在本校任教5年，不满6年');
    expect(eligibilityRefusal({ ...teacher, joinedOn: '2017-03-01' }, '2022-2023', 5)).toBeNull();
    expect(eligibilityRefusal({ ...teacher, status: 'contract' }, '2022-2023')).toBe('只有在编教师参加交流轮岗');
    expect(eligibilityRefusal({ ...teacher, post: 'management' }, '2022-2023')).toBe('只有专任教师参加交流轮岗');
    expect(eligibilityRefusal({ ...teacher, ownership: 'private' }, '2022-2023')).toBe('只有公办学校的教师参加交流轮岗');
    expect(eligibilityRefusal({ ...teacher, level: 'senior' }, '2022-2023')).toBe('只有义务教育学校的教师参加交流轮岗');
    expect(eligibilityRefusal({ ...teacher, level: 'nine_year' }, '2022-2023')).toBeNull();
  });

  it('direction: 城→乡 first, else 优质→薄弱, else none', () => {
    const town = { isRural: false, designation: null };
    const village = { isRural: true, designation: null };
    expect(exchangeDirection(town, village)).toBe('urban_rural');
    expect(exchangeDirection({ ...town, designation: 'quality' }, { ...town, designation: 'weak' })).toBe('strong_weak');
    expect(exchangeDirection({ ...village, designation: 'quality' }, { ...village, designation: 'weak' })).toBe('strong_weak');
    expect(exchangeDirection(village, town)).toBeNull();
    expect(exchangeDirection(town, town)).toBeNull();
    expect(exchangeDirection({ ...town, designation: 'weak' }, { ...town, designation: 'quality' })).toBeNull();
    expect(isSendingSchool(town)).toBe(true);
    expect(isSendingSchool({ ...village, designation: 'quality' })).toBe(true);
    expect(isSendingSchool(village)).toBe(false);
  });

  it('the two ratios, red below 10% and 20%', () => {
    expect(exchangeRate(12, 100)).toBe(0.12);
    expect(exchangeRate(0, 0)).toBeNull();
    expect(backboneShare(2, 12)).toBeCloseTo(0.1667, 3);
    expect(backboneShare(0, 0)).toBeNull();
    expect(exchangeBelow(0.09, 0.25)).toEqual({ rate: true, backbone: false });
    expect(exchangeBelow(0.1, 0.2)).toEqual({ rate: false, backbone: false });
    expect(exchangeBelow(null, null)).toEqual({ rate: false, backbone: false });
    expect(exchangeNeeded(95)).toBe(10);
    expect(exchangeNeeded(100)).toBe(10);
  });

  it('a record’s standing on a day, and its start within the school year', () => {
    expect(exchangeStatusOn('2022-09-01', 3, '2022-08-31')).toBe('planned');
    expect(exchangeStatusOn('2022-09-01', 3, '2022-11-30')).toBe('under_way');
    expect(exchangeStatusOn('2019-09-01', 3, '2022-11-30')).toBe('returned');
    expect(startRefusal('2022-09-01', '2022-2023')).toBeNull();
    expect(startRefusal('2023-09-01', '2022-2023')).toBe('交流开始日期应在2022-2023学年内（2022-09-01至2023-08-31）');
  });

  it('the plan: county reports, the city approves (never its own submission) or returns with a reason', () => {
    expect(wf.allowed({ state: 'draft', submittedBy: null }, { level: 'county', username: 'hengnan' })).toEqual(['submit']);
    expect(wf.allowed({ state: 'submitted', submittedBy: 'hengnan' }, { level: 'city', username: 'teachers' })).toEqual([
      'approve',
      'return',
    ]);
    expect(wf.allowed({ state: 'submitted', submittedBy: 'teachers' }, { level: 'city', username: 'teachers' })).toEqual(['return']);
    expect(wf.allowed({ state: 'submitted', submittedBy: 'hengnan' }, { level: 'county', username: 'hengnan' })).toEqual([]);
    expect(wf.steps.return.reason).toBe(true);
  });

  it('inputs refuse with Chinese field messages', () => {
    const bad = ExchangePlanInput.safeParse({ unitCode: '430422', schoolYear: '2022-2024', plannedCount: -1 });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.message)).toEqual(['学年的后一年应比前一年大1', '计划交流人数不能为负数']);
    const rec = ExchangeRecordInput.safeParse({
      planId: 1,
      expectedVersion: 1,
      staffId: 1,
      toSchoolId: 1,
      backbone: true,
      startOn: '2022-09-01',
      termYears: 9,
    });
    expect(rec.error?.issues[0]?.message).toBe('交流年限不能超过6年');
  });
});

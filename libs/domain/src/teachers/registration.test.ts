import { describe, expect, it } from 'vitest';
import { appraisalResultOf, appraisalYearRefusal, ethicsResultOf } from './appraisal.ts';
import {
  addYears,
  DEFAULT_REGISTRATION_RULES,
  hoursInPeriod,
  REGISTRATION_DUE_SOON_DAYS,
  REGISTRATION_MIN_HOURS,
  REGISTRATION_PERIOD_YEARS,
  registrationDecision,
  registrationDue,
  registrationHoursPeriod,
  RegistrationRules,
  registrationStanding,
  registrationYears,
  type YearAppraisal,
} from './registration.ts';

describe('教师资格定期注册', () => {
  it('registers every 5 years, with 360 学时 and a 90-day reminder (the defaults)', () => {
    expect(REGISTRATION_PERIOD_YEARS).toBe(5);
    expect(REGISTRATION_MIN_HOURS).toBe(360);
    expect(REGISTRATION_DUE_SOON_DAYS).toBe(90);
    expect(registrationDue('2017-09-01')).toBe('2022-09-01');
    expect(registrationDue('2016-02-29')).toBe('2021-02-28');
    expect(addYears('2019-02-28', 1)).toBe('2020-02-28');
  });

  it('is due soon from 90 days before the due date to the day itself, overdue the day after', () => {
    const rec = { outcome: 'registered' as const, validUntil: '2022-12-31' };
    expect(registrationStanding(rec, '2022-10-02')).toBe('dueSoon'); // 90 days before 12-31
    expect(registrationStanding(rec, '2022-10-01')).toBe('valid'); // 91 days before
    expect(registrationStanding(rec, '2022-12-31')).toBe('dueSoon');
    expect(registrationStanding(rec, '2023-01-01')).toBe('overdue');
    expect(registrationStanding({ outcome: 'deferred', validUntil: '2030-01-01' }, '2022-01-01')).toBe('deferred');
    expect(registrationStanding({ outcome: 'refused', validUntil: '2030-01-01' }, '2022-01-01')).toBe('refused');
    expect(registrationStanding(null, '2022-01-01')).toBe('unrecorded');
    expect(registrationStanding(rec, '2022-12-21', { dueSoonDays: 10 })).toBe('dueSoon');
    expect(registrationStanding(rec, '2022-12-20', { dueSoonDays: 10 })).toBe('valid');
  });

  it('looks at the period’s years before the application, not before the base', () => {
    expect(registrationYears('2017-09-01', '2022-09-01')).toEqual([2017, 2018, 2019, 2020, 2021]);
    expect(registrationYears('2015-03-01', '2022-09-01')).toEqual([2017, 2018, 2019, 2020, 2021]);
    expect(registrationYears('2019-07-01', '2022-09-01')).toEqual([2019, 2020, 2021]);
  });

  const years = (result: YearAppraisal['result'] = 'competent', ethics: YearAppraisal['ethics'] = 'pass') =>
    [2017, 2018, 2019, 2020, 2021].map((year) => ({ year, result, ethics }));
  const current = { outcome: 'registered' as const, registeredOn: '2017-12-01', validUntil: '2022-12-01' };
  // 360 学时 on record in the period (2017-12-01 … 2022-11-30), and a record before it that does not count.
  const records = [
    { hours: 200, recordedOn: '2017-12-01' },
    { hours: 100, recordedOn: '2020-08-15' },
    { hours: 60, recordedOn: '2022-11-30' },
    { hours: 80, recordedOn: '2017-11-30' },
  ];
  const apply = { current, registeredOn: '2022-11-30', records, appraisals: years() };

  it('counts the training records’ hours of the 5-year period up to the day, not before the last registration', () => {
    expect(registrationHoursPeriod('2017-12-01', '2022-11-30')).toEqual({ from: '2017-12-01', to: '2022-11-30' });
    expect(registrationHoursPeriod('2010-09-01', '2022-11-30')).toEqual({ from: '2017-12-01', to: '2022-11-30' });
    expect(registrationHoursPeriod('2019-07-01', '2022-11-30')).toEqual({ from: '2019-07-01', to: '2022-11-30' });
    expect(registrationHoursPeriod('2010-09-01', '2022-11-30', { periodYears: 3 })).toEqual({ from: '2019-12-01', to: '2022-11-30' });
    const period = registrationHoursPeriod('2017-12-01', '2022-11-30');
    expect(hoursInPeriod(records, period)).toBe(REGISTRATION_MIN_HOURS);
    expect(hoursInPeriod([...records, { hours: 5, recordedOn: '2022-12-01' }], period)).toBe(360);
    expect(hoursInPeriod([], period)).toBe(0);
  });

  it('registers with every year 合格 or better and the hours on record, valid for 5 years', () => {
    expect(registrationDecision(apply, '2022-11-30')).toEqual({
      ok: true,
      outcome: 'registered',
      validUntil: '2027-11-30',
      reasons: [],
      hours: 360,
    });
  });

  it('defers on a 不合格 year, refuses on a 师德考核 不合格 one', () => {
    const bad = years().map((x) => (x.year === 2019 ? { ...x, result: 'incompetent' as const } : x));
    expect(registrationDecision({ ...apply, appraisals: bad }, '2022-11-30')).toMatchObject({
      outcome: 'deferred',
      reasons: ['2019年度考核未达到合格等次'],
    });
    const ethics = years().map((x) => (x.year === 2020 ? { ...x, ethics: 'fail' as const } : x));
    expect(registrationDecision({ ...apply, appraisals: ethics }, '2022-11-30')).toMatchObject({
      outcome: 'refused',
      reasons: ['2020年度师德考核不合格'],
    });
  });

  it('refuses to decide an incomplete application, naming what is missing', () => {
    expect(registrationDecision({ ...apply, records: records.slice(1) }, '2022-11-30')).toEqual({
      ok: false,
      refusal: { field: 'hours', message: '培训学时不足：2017-12-01至2022-11-30培训记录共160学时，规定不少于360学时' },
    });
    expect(registrationDecision({ ...apply, appraisals: years().filter((x) => x.year !== 2018) }, '2022-11-30')).toMatchObject({
      refusal: { field: 'staffId', message: '缺少2018年度考核结果，请先录入' },
    });
    expect(registrationDecision({ ...apply, registeredOn: '2022-09-01' }, '2022-11-30')).toMatchObject({
      refusal: { field: 'registeredOn' },
    });
    expect(registrationDecision({ ...apply, current: null }, '2022-11-30')).toMatchObject({ ok: false });
  });

  it('bounds the configuration', () => {
    expect(RegistrationRules.safeParse(DEFAULT_REGISTRATION_RULES).success).toBe(true);
    expect(RegistrationRules.safeParse({ ...DEFAULT_REGISTRATION_RULES, periodYears: 0 }).success).toBe(false);
  });

  it('reads the national system’s words and bounds the year', () => {
    expect(appraisalResultOf(' 优秀 ')).toBe('excellent');
    expect(appraisalResultOf('良好')).toBeNull();
    expect(ethicsResultOf('不合格')).toBe('fail');
    expect(appraisalYearRefusal(2023, '2022-11-30')).toBe('考核年度不能晚于2022年');
    expect(appraisalYearRefusal(2022, '2022-11-30')).toBeNull();
  });
});

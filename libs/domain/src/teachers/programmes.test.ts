import { describe, expect, it } from 'vitest';
import {
  arrivalRate,
  arrivalRefusal,
  belowArrivalTarget,
  DEFAULT_TARGETED_COUNTIES,
  departureRefusal,
  listFullRefusal,
  obligationStanding,
  programmeCountyRefusal,
  PROGRAMMES,
  programmeSchoolRefusal,
  QuotaInput,
  ruralServiceEndsOn,
  serviceEndsOn,
  untargetRefusal,
} from './programmes.ts';
import { ageOn } from './staff.ts';

describe('programme obligations', () => {
  it('declares the service years of each programme once', () => {
    expect(Object.fromEntries(Object.entries(PROGRAMMES).map(([k, p]) => [k, [p.years, p.ruralYears]]))).toEqual({
      excellent: [6, 0],
      funded: [6, 1],
      special_post: [3, 3],
      silver: [1, 0],
    });
  });

  it('ends the obligation the programme years after the start', () => {
    expect(serviceEndsOn('2020-09-01', 'special_post')).toBe('2023-09-01');
    expect(serviceEndsOn('2020-09-01', 'funded')).toBe('2026-09-01');
    expect(serviceEndsOn('2021-09-01', 'excellent')).toBe('2027-09-01');
    expect(serviceEndsOn('2022-09-01', 'silver')).toBe('2023-09-01');
    expect(serviceEndsOn('2020-02-29', 'silver')).toBe('2021-02-28');
    expect(ruralServiceEndsOn('2020-09-01', 'funded')).toBe('2021-09-01');
    expect(ruralServiceEndsOn('2020-09-01', 'special_post')).toBeNull();
  });

  it('reads the standing on a day: serving, fulfilled, breach', () => {
    const p = { serviceStartOn: '2019-09-01', obligationEndsOn: '2022-09-01', leftOn: null };
    expect(obligationStanding(p, '2019-08-31')).toBe('not_started');
    expect(obligationStanding(p, '2022-08-31')).toBe('serving');
    expect(obligationStanding(p, '2022-09-01')).toBe('fulfilled');
    expect(obligationStanding({ ...p, leftOn: '2021-03-01' }, '2022-11-30')).toBe('breach');
    expect(obligationStanding({ ...p, leftOn: '2021-03-01' }, '2021-02-28')).toBe('serving');
    // Leaving on or after the end is not a breach.
    expect(obligationStanding({ ...p, leftOn: '2022-09-01' }, '2022-11-30')).toBe('fulfilled');
    expect(obligationStanding({ serviceStartOn: null, obligationEndsOn: null, leftOn: null }, '2022-11-30')).toBe('not_started');
  });

  it('computes 到岗率 as arrived ÷ planned, none when nothing was planned', () => {
    expect(arrivalRate(45, 50)).toBe(0.9);
    expect(arrivalRate(0, 0)).toBeNull();
    expect(belowArrivalTarget(0.9)).toBe(true);
    expect(belowArrivalTarget(1)).toBe(false);
    expect(belowArrivalTarget(null)).toBe(false);
  });

  it('places 优师计划 only in a 定向县 (none by default)', () => {
    expect(DEFAULT_TARGETED_COUNTIES).toEqual([]);
    expect(programmeCountyRefusal('excellent', '430426', [])).toMatch('定向县');
    expect(programmeCountyRefusal('excellent', '430426', ['430426'])).toBeNull();
    expect(programmeCountyRefusal('special_post', '430426', [])).toBeNull();
    expect(programmeSchoolRefusal('kindergarten')).toBe('教师补充计划人员只分配到中小学');
    expect(programmeSchoolRefusal('nine_year')).toBeNull();
  });

  it('keeps a county list within the number planned', () => {
    expect(listFullRefusal('special_post', 2022, 29, 30)).toBeNull();
    expect(listFullRefusal('special_post', 2022, 30, 30)).toBe('2022年特岗教师名单已达到计划人数（30人）');
    expect(listFullRefusal('silver', 2022, 0, 0)).toBe('2022年未下达银龄讲学计划计划人数');
  });

  it('refuses arrivals twice, in the future, before the plan year, or past the 银龄 age', () => {
    const p = { programme: 'special_post' as const, year: 2022, birthDate: '1999-05-01', status: 'pending' as const };
    expect(arrivalRefusal(p, '2022-09-01', '2022-11-30')).toBeNull();
    expect(arrivalRefusal(p, '2022-12-01', '2022-11-30')?.message).toBe('到岗日期不能晚于今天');
    expect(arrivalRefusal(p, '2021-12-31', '2022-11-30')?.message).toMatch('计划年度2022年');
    expect(arrivalRefusal({ ...p, status: 'arrived' }, '2022-09-01', '2022-11-30')?.message).toMatch('重复');
    expect(ageOn('1957-09-02', '2022-09-01')).toBe(64);
    expect(ageOn('1956-09-01', '2022-09-01')).toBe(66);
    expect(arrivalRefusal({ ...p, programme: 'silver', birthDate: '1956-09-01' }, '2022-09-01', '2022-11-30')?.message).toMatch('65岁');
    expect(arrivalRefusal({ ...p, programme: 'silver', birthDate: '1957-09-02' }, '2022-09-01', '2022-11-30')).toBeNull();
  });

  it('records an early departure only before the obligation ends', () => {
    const p = { status: 'arrived' as const, serviceStartOn: '2020-09-01', obligationEndsOn: '2023-09-01' };
    expect(departureRefusal(p, '2022-03-01', '2022-11-30')).toBeNull();
    expect(departureRefusal(p, '2020-08-01', '2022-11-30')?.message).toMatch('不能早于服务开始');
    expect(departureRefusal({ ...p, obligationEndsOn: '2022-09-01' }, '2022-10-01', '2022-11-30')?.message).toMatch('届满');
    expect(departureRefusal({ ...p, status: 'pending' }, '2022-03-01', '2022-11-30')?.message).toMatch('已到岗');
  });

  it('keeps a 定向县 that already has 优师计划 people or a number', () => {
    const name = (c: string) => ({ '430426': '祁东县', '430482': '常宁市' })[c] ?? c;
    expect(untargetRefusal(['430426', '430482'], new Set(['430426']), name)).toBe('祁东县已有优师计划的计划人数或人员，不能取消定向县');
    expect(untargetRefusal(['430482'], new Set(['430426']), name)).toBeNull();
  });

  it('checks a quota in Chinese', () => {
    const r = QuotaInput.safeParse({ unitCode: '430422', year: 2022, programme: 'special_post', planned: -1, expectedVersion: 0 });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('计划人数不能为负数');
  });
});

import { describe, expect, it } from 'vitest';
import {
  ageRefusal,
  attemptRefusal,
  attemptStep,
  DROPOUT_RETURN_RULES,
  DROPOUT_SCHOOL_LEVELS,
  dropoutFigures,
  DropoutPeriod,
  dropoutRefusal,
  isCountedDropout,
  periodBounds,
  periodsToRemind,
  quarterOf,
  returnDue,
  returnLate,
  returnRate,
  returnRefusal,
  returnStanding,
  DROPOUT_WORKFLOW as wf,
} from './dropout.ts';

const county = { level: 'county' as const, username: 'hengnan' };
const school = { level: 'school' as const, username: 'xiaoxue' };

describe('控辍保学台账 (seed item 11: “完善控辍保学动态监测机制”)', () => {
  it('a suspected child is verified by the county: cleared with a reason, or confirmed; the school cannot verify', () => {
    const c = { state: 'suspected' as const };
    expect(wf.allowed(c, county)).toEqual(['confirm', 'clear', 'homeTeach']);
    expect(wf.allowed(c, school)).toEqual([]);
    expect(wf.refusal(c, 'clear', county, { reason: '' })).toBe('请填写核实排除原因');
    expect(wf.next('confirm', 'suspected')).toBe('confirmed');
  });

  it('劝返 attempts keep the case open until one brings the child back; the county then closes it (动态销号)', () => {
    expect(attemptStep('refused')).toBe('persuade');
    expect(attemptStep('returned')).toBe('return');
    expect(wf.next('persuade', 'confirmed')).toBe('persuading');
    expect(wf.next('persuade', 'persuading')).toBe('persuading');
    expect(wf.next('return', 'persuading')).toBe('returned');
    expect(wf.allowed({ state: 'returned' }, school)).toEqual([]);
    expect(wf.allowed({ state: 'returned' }, county)).toEqual(['close']);
    expect(wf.corrections({ state: 'returned' }, school)).toEqual(['relapse']);
    expect(wf.finalStates).toEqual(['cleared', 'home_taught', 'closed']);
  });

  it('送教上门 (item 10: “一人一案”) counts as enrolled, not as a dropout', () => {
    expect(isCountedDropout('home_taught')).toBe(false);
    expect(isCountedDropout('confirmed')).toBe(true);
    expect(isCountedDropout('persuading')).toBe(true);
    expect(isCountedDropout('suspected')).toBe(false);
    expect(isCountedDropout('returned')).toBe(false);
    // A suspected child found to be taught at home never becomes a dropout; a confirmed one placed there is brought back.
    const f = dropoutFigures([
      { status: 'home_taught', confirmedOn: null },
      { status: 'home_taught', confirmedOn: '2022-03-01' },
      { status: 'persuading', confirmedOn: '2022-05-01' },
    ]);
    expect(f).toEqual({ open: 1, confirmed: 2, back: 1 });
  });

  it('劝返率 = confirmed dropouts brought back ÷ every case ever confirmed; none confirmed is no data', () => {
    const f = dropoutFigures([
      { status: 'cleared', confirmedOn: null },
      { status: 'suspected', confirmedOn: null },
      { status: 'confirmed', confirmedOn: '2022-02-01' },
      { status: 'persuading', confirmedOn: '2022-02-03' },
      { status: 'returned', confirmedOn: '2022-03-01' },
      { status: 'closed', confirmedOn: '2022-01-10' },
      { status: 'closed', confirmedOn: '2021-12-20' },
    ]);
    expect(f).toEqual({ open: 2, confirmed: 5, back: 3 });
    expect(returnRate(f)).toBe(0.6);
    expect(returnRate({ confirmed: 0, back: 0 })).toBeNull();
  });

  it('适龄: 6 to 16 full years on the day the child was found; the grade must be a compulsory one of the school', () => {
    expect(ageRefusal('2016-09-01', '2022-08-31')).toBe('发现时未满6周岁，不属于义务教育适龄儿童');
    expect(ageRefusal('2016-09-01', '2022-09-01')).toBeNull();
    expect(ageRefusal('2005-11-30', '2022-11-29')).toBeNull();
    expect(ageRefusal('2005-11-30', '2022-11-30')).toBe('发现时已满17周岁，超出义务教育适龄范围');
    expect(DROPOUT_SCHOOL_LEVELS).toEqual(['primary', 'junior', 'nine_year', 'complete_middle']);
    const junior = { level: 'junior' as const, name: '衡南县第一中学' };
    expect(dropoutRefusal({ studentGrade: 'P5', foundOn: '2022-10-01' }, junior, '2010-01-01', '2022-11-30')).toEqual({
      field: 'studentGrade',
      message: '衡南县第一中学没有该年级（只登记义务教育年级的学生）',
    });
    expect(dropoutRefusal({ studentGrade: 'J2', foundOn: '2022-12-01' }, junior, '2009-01-01', '2022-11-30')?.field).toBe('foundOn');
    expect(dropoutRefusal({ studentGrade: 'J2', foundOn: '2022-10-01' }, junior, '2009-01-01', '2022-11-30')).toBeNull();
  });

  it('an attempt is dated between the confirmation and today', () => {
    const c = { foundOn: '2022-03-01', confirmedOn: '2022-03-10' };
    expect(attemptRefusal('2022-03-05', c, '2022-11-30')?.message).toBe('劝返日期不能早于确认辍学日期');
    expect(attemptRefusal('2022-12-01', c, '2022-11-30')?.message).toBe('劝返日期不能晚于今天');
    expect(attemptRefusal('2022-03-10', c, '2022-11-30')).toBeNull();
  });
});

describe('报告制度: 学校一月一报告, 县区一季度一复核', () => {
  it('periods are months or quarters; each has its bounds and due day', () => {
    expect(DropoutPeriod.safeParse('2022-10').success).toBe(true);
    expect(DropoutPeriod.safeParse('2022-Q4').success).toBe(true);
    expect(DropoutPeriod.safeParse('2022-13').error?.issues[0]?.message).toBe('报告期应为“2022-10”（月）或“2022-Q3”（季度）格式');
    expect(periodBounds('2022-02')).toEqual({ from: '2022-02-01', to: '2022-02-28' });
    expect(periodBounds('2022-Q4')).toEqual({ from: '2022-10-01', to: '2022-12-31' });
    expect(quarterOf('2022-11-30')).toBe('2022-Q4');
    expect(DROPOUT_RETURN_RULES).toMatchObject({ monthlyDueDay: 5, quarterlyDueDay: 15 });
    expect(returnDue('2022-10')).toBe('2022-11-05');
    expect(returnDue('2022-12')).toBe('2023-01-05');
    expect(returnDue('2022-Q3')).toBe('2022-10-15');
    expect(returnDue('2022-Q4')).toBe('2023-01-15');
  });

  it('overdue: not filed after the due day (the due day itself is on time); late: filed after it', () => {
    expect(returnLate('2022-11-05', null, '2022-11-05')).toBe(false);
    expect(returnLate('2022-11-05', null, '2022-11-06')).toBe(true);
    expect(returnLate('2022-11-05', '2022-11-05', '2022-11-30')).toBe(false);
    expect(returnLate('2022-11-05', '2022-11-07', '2022-11-30')).toBe(true);
    expect(returnStanding('2022-11-05', '2022-11-30')).toBe('overdue');
    expect(returnStanding('2022-12-05', '2022-11-30')).toBe('dueSoon');
    expect(returnStanding('2022-12-08', '2022-11-30')).toBeNull();
  });

  it('the inbox reminds of the periods due within 7 days or past due in the last 12 months', () => {
    const months = periodsToRemind('school_month', '2022-11-30');
    expect(months[0]).toBe('2022-11');
    expect(months).toContain('2022-01');
    expect(months).not.toContain('2021-10');
    expect(periodsToRemind('county_quarter', '2022-11-30')).toEqual(['2022-Q3', '2022-Q2', '2022-Q1', '2021-Q4']);
  });

  it('refuses a period not begun, and a county review without its opinion', () => {
    expect(returnRefusal({ period: '2022-12', schoolId: 1 }, '2022-11-30')).toEqual({
      field: 'period',
      message: '报告期尚未开始，不能报送',
    });
    expect(returnRefusal({ period: '2022-11', schoolId: 1 }, '2022-11-30')).toBeNull();
    expect(returnRefusal({ period: '2022-Q3', unitCode: '430422' }, '2022-11-30')?.message).toBe('请填写复核意见（至少4个字）');
    expect(returnRefusal({ period: '2022-Q3', unitCode: '430422', note: '已逐校复核台账' }, '2022-11-30')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_STAFFING_STANDARD, quotaMeasured, quotaStanding, resolveStandard, StaffingStandard, standardStaff } from './staffing.ts';

describe('staffing against the standard (seed item 19: “加大中小学教师编制统筹配置力度”)', () => {
  it('the 2014 城乡统一 ratios: 1 : 19 primary, 1 : 13.5 junior, 1 : 12.5 senior', () => {
    expect(DEFAULT_STAFFING_STANDARD).toEqual({ primary: 19, junior: 13.5, senior: 12.5 });
    expect(standardStaff({ primary: 190 })).toBe(10);
    expect(standardStaff({ primary: 191 })).toBe(11); // rounded up per stage
    expect(standardStaff({ primary: 380, junior: 270 })).toBe(40);
    expect(standardStaff({ senior: 125 }, { primary: 19, junior: 13.5, senior: 25 })).toBe(5);
  });
  it('over quota, vacancies and 编外 teachers beside vacancies', () => {
    expect(quotaStanding({ quota: 50, tenured: 53, contract: 4 })).toEqual({ over: 3, vacancies: 0, contractBesideVacancies: 0 });
    expect(quotaStanding({ quota: 50, tenured: 45, contract: 8 })).toEqual({ over: 0, vacancies: 5, contractBesideVacancies: 5 });
    expect(quotaStanding({ quota: 50, tenured: 45, contract: 2 })).toEqual({ over: 0, vacancies: 5, contractBesideVacancies: 2 });
  });
  it('only public 中小学 are measured against a quota', () => {
    expect(quotaMeasured({ ownership: 'public', level: 'junior' })).toBe(true);
    expect(quotaMeasured({ ownership: 'private', level: 'junior' })).toBe(false);
    expect(quotaMeasured({ ownership: 'public', level: 'kindergarten' })).toBe(false);
  });
  it('a city sets its own ratios within 1:5 to 1:40, in steps of 0.5; a stage left out keeps the default', () => {
    expect(resolveStandard({ junior: 12 })).toEqual({ primary: 19, junior: 12, senior: 12.5 });
    const bad = StaffingStandard.safeParse({ primary: 45, junior: 13.3, senior: 12.5 });
    expect(bad.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['primary', '小学师生比应在1:5到1:40之间'],
      ['junior', '初中师生比精确到0.5'],
    ]);
  });
});

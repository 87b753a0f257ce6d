import { describe, expect, it } from 'vitest';
import {
  complianceRates,
  DEFAULT_GUARD_NORM,
  DEFAULT_SAFETY_SETTINGS,
  indicatorsMet,
  ProfileInput,
  requiredGuards,
  SafetySettings,
  verifiedOfDue,
  type SafetyProfile,
} from './compliance.ts';

const school = (p: Partial<SafetyProfile> = {}): SafetyProfile => ({
  students: 800,
  staff: 60,
  isBoarding: false,
  fulltimeGuards: 2,
  closedManagement: true,
  alarmLinked110: true,
  videoLinkedPolice: true,
  guardPost: true,
  antiRam: null,
  ...p,
});

describe('guard norm', () => {
  it('≥2 专职保安; above 1,500 师生员工 2‰, boarding 3‰ (docs/domain/safety.md, igbc.cn 隐患排查指标)', () => {
    expect(DEFAULT_GUARD_NORM).toEqual({ minimum: 2, largeSchoolAbove: 1500, perMille: 2, boardingPerMille: 3 });
    expect(requiredGuards({ students: 300, staff: 20, isBoarding: false })).toBe(2);
    expect(requiredGuards({ students: 1400, staff: 100, isBoarding: true })).toBe(2); // exactly 1,500: not above
    expect(requiredGuards({ students: 2400, staff: 160, isBoarding: false })).toBe(6); // 2,560 × 2‰ = 5.12 → 6
    expect(requiredGuards({ students: 2400, staff: 160, isBoarding: true })).toBe(8); // 2,560 × 3‰ = 7.68 → 8
  });
});

describe('4个100% (seed item 4: “推进中小学幼儿园安全防范建设‘4个100%’”)', () => {
  it('③ needs both the one-button alarm to 110 and video linked to the police', () => {
    expect(indicatorsMet(school({ videoLinkedPolice: false }), 'guard_post')).toMatchObject({ alarm: false, all: false });
  });
  it('the fourth indicator is configurable: 护学岗 by default, 硬质防冲撞设施 where required (null: not required)', () => {
    expect(indicatorsMet(school({ guardPost: false }), 'guard_post').fourth).toBe(false);
    expect(indicatorsMet(school({ guardPost: false, antiRam: null }), 'anti_ram')).toMatchObject({ fourth: null, all: true });
    expect(indicatorsMet(school({ antiRam: false }), 'anti_ram')).toMatchObject({ fourth: false, all: false });
  });
  it('rates per indicator and full compliance; a school where ④ does not apply is left out of that rate only', () => {
    const rates = complianceRates(
      [school(), school({ fulltimeGuards: 1 }), school({ antiRam: true }), school({ antiRam: false, closedManagement: false })],
      'anti_ram',
    );
    expect(rates.guards).toEqual({ met: 3, inScope: 4, rate: 0.75 });
    expect(rates.closed).toEqual({ met: 3, inScope: 4, rate: 0.75 });
    expect(rates.fourth).toEqual({ met: 1, inScope: 2, rate: 0.5 });
    expect(rates.all).toEqual({ met: 2, inScope: 4, rate: 0.5 });
    expect(complianceRates([], 'guard_post').all.rate).toBeNull();
  });
});

describe('4个100% configuration and profile input', () => {
  it('the configuration defaults to 护学岗 and the regional guard norm, and refuses a norm below one guard', () => {
    expect(DEFAULT_SAFETY_SETTINGS).toEqual({
      fourth: 'guard_post',
      norm: { minimum: 2, largeSchoolAbove: 1500, perMille: 2, boardingPerMille: 3 },
    });
    const r = SafetySettings.safeParse({ fourth: 'anti_ram', norm: { ...DEFAULT_GUARD_NORM, minimum: 0 } });
    expect(r.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['norm.minimum', '最少保安人数至少为1']]);
  });
  it('checks a profile field by field', () => {
    const r = ProfileInput.safeParse({
      schoolId: 1,
      term: '2022-2023-1',
      students: -1,
      staff: 10,
      fulltimeGuards: 1.5,
      closedManagement: true,
      alarmLinked110: true,
      videoLinkedPolice: 'yes',
      guardPost: true,
      antiRam: null,
      evidenceDate: '2022-09-31',
    });
    const byField = Object.fromEntries(r.error!.issues.map((i) => [i.path.join('.'), i.message]));
    expect(byField).toEqual({
      students: '在校生数不能为负',
      fulltimeGuards: '专职保安人数应为整数',
      videoLinkedPolice: '请选择视频监控是否与公安联网',
      evidenceDate: '日期应为有效的 YYYY-MM-DD 格式',
    });
  });
});

describe('verified ÷ due beside the 4个100% rate (seed item 4: “推进中小学幼儿园安全防范建设‘4个100%’”)', () => {
  it('counts the verified reports against the schools due, and says so in words', () => {
    expect(verifiedOfDue(58, 64)).toEqual({ verified: 58, due: 64, share: 58 / 64, label: '已核实 58 / 64 所' });
    expect(verifiedOfDue(0, 0).share).toBeNull();
  });
});

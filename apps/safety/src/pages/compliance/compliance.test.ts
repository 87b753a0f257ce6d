import { describe, expect, it } from 'vitest';
import { indicatorsMet, type SafetyProfile } from '@hyedu/domain';
import { complianceRates, indicatorCells, parseComplianceQuery, profileSummary, sumCounts, termOptions } from './compliance.ts';

const profile = (over: Partial<SafetyProfile> = {}): SafetyProfile => ({
  students: 800,
  staff: 60,
  isBoarding: false,
  fulltimeGuards: 2,
  closedManagement: true,
  alarmLinked110: true,
  videoLinkedPolice: true,
  guardPost: true,
  antiRam: null,
  ...over,
});

describe('4个100% page helpers', () => {
  it('maps a school’s status to the four indicator cells, the fourth as configured', () => {
    const met = indicatorsMet(profile({ closedManagement: false, guardPost: false }), 'guard_post');
    expect(indicatorCells(met, 'guard_post')).toEqual([
      { key: 'guards', cell: 'met' },
      { key: 'closed', cell: 'unmet' },
      { key: 'alarm', cell: 'met' },
      { key: 'guard_post', cell: 'unmet' },
    ]);
    // 硬质防冲撞设施 not required at this school: not applicable, and it does not fail the school.
    const ram = indicatorsMet(profile(), 'anti_ram');
    expect(indicatorCells(ram, 'anti_ram').at(-1)).toEqual({ key: 'anti_ram', cell: 'na' });
    expect(ram.all).toBe(true);
    // A large school short of guards by the norm (2,000 people → 4 at 2‰).
    expect(indicatorCells(indicatorsMet(profile({ students: 1900, staff: 100 }), 'guard_post'), 'guard_post')[0]!.cell).toBe('unmet');
  });

  it('a school that has not reported has no cells (shown —), not 未达标', () => {
    expect(indicatorCells(null, 'guard_post').map((c) => c.cell)).toEqual(['none', 'none', 'none', 'none']);
  });

  it('reads the URL leniently and keeps only known filters', () => {
    expect(parseComplianceQuery({ term: '2022-2023-1', show: 'missing', unit: '430422', q: ' 一中 ', page: '3' })).toEqual({
      term: '2022-2023-1',
      show: 'missing',
      unitCode: '430422',
      q: '一中',
      page: 3,
      pageSize: 20,
    });
    expect(parseComplianceQuery({ term: '2022-2024-1', show: 'everything', unit: 'x', page: '-1' })).toMatchObject({
      term: undefined,
      show: 'all',
      unitCode: undefined,
      page: 1,
    });
  });

  it('rates count every school, and the fourth only where it applies; no schools is no rate', () => {
    const rows = [
      { schools: 10, reported: 8, verified: 6, guards: 6, closed: 5, alarm: 4, fourth: 3, fourthApplies: 6, all: 2 },
      { schools: 30, reported: 30, verified: 30, guards: 30, closed: 30, alarm: 30, fourth: 27, fourthApplies: 30, all: 27 },
    ];
    const total = sumCounts(rows);
    expect(total).toMatchObject({ schools: 40, verified: 36, fourthApplies: 36, all: 29 });
    expect(complianceRates(total)).toEqual({ guards: 0.9, closed: 35 / 40, alarm: 34 / 40, fourth: 30 / 36, all: 29 / 40 });
    expect(complianceRates(sumCounts([])).all).toBeNull();
  });

  it('offers the recent terms and the one in view, newest first', () => {
    expect(termOptions(['2022-2023-1', '2021-2022-2'], '2020-2021-2', null, '2022-2023-1')).toEqual([
      '2022-2023-1',
      '2021-2022-2',
      '2020-2021-2',
    ]);
  });

  it('summarises an entered status for 「操作记录」', () => {
    const labels = {
      students: '在校生数',
      staff: '教职工数',
      guards: '专职保安人数',
      closed: '封闭化管理',
      alarm110: '报警',
      video: '视频',
      guardPost: '护学岗',
      antiRam: '防冲撞',
      yes: '是',
      no: '否',
      na: '不要求',
      file: '文件',
      row: '第{n}行',
    };
    expect(
      profileSummary({ school: '4304220001', students: 800, staff: 60, fulltimeGuards: 2, closedManagement: true, antiRam: null }, labels),
    ).toBe('在校生数 800 · 教职工数 60 · 专职保安人数 2 · 封闭化管理 是 · 防冲撞 不要求');
    expect(profileSummary({ file: 'a.xlsx', row: 57, fulltimeGuards: 1 }, labels)).toBe('文件 a.xlsx · 第57行 · 专职保安人数 1');
    expect(profileSummary({ review: 'reviewed' }, labels)).toBeNull();
    expect(profileSummary(null, labels)).toBeNull();
  });
});

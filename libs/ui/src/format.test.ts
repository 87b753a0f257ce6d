import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatInt,
  formatKpi,
  formatKpiTarget,
  formatPercent,
  formatRatio,
  levelLabel,
  unitLabel,
} from './format.ts';

describe('format', () => {
  it('groups integers and shows no data as a dash', () => {
    expect(formatInt(1234567)).toBe('1,234,567');
    expect(formatInt(null)).toBe('—');
  });
  it('formats shares and ratios', () => {
    expect(formatPercent(0.0523)).toBe('5.2%');
    expect(formatPercent(null)).toBe('—');
    expect(formatRatio(17.25)).toBe('17.3 : 1');
  });
  it('labels levels and the 局直 bucket in both locales', () => {
    expect(levelLabel('nine_year')).toBe('九年一贯制学校');
    expect(levelLabel('nine_year', 'en-US')).toBe('9-year school');
    expect(unitLabel({ kind: 'city', name: '衡阳市' })).toBe('局直学校');
    expect(unitLabel({ kind: 'county', name: '衡南县' })).toBe('衡南县');
    expect(unitLabel({ kind: 'city', name: '衡阳市' }, 'zh-CN', 'budget')).toBe('市本级');
    expect(unitLabel({ kind: 'city', name: '衡阳市' }, 'en-US', 'budget')).toBe('City level');
  });
});

describe('dates', () => {
  it('calendar dates in Chinese convention; instants in Beijing time', () => {
    expect(formatDate('2022-06-30')).toBe('2022年6月30日');
    expect(formatDate('2022-06-30', 'en-US')).toBe('2022-06-30');
    expect(formatDate(null)).toBe('—');
    expect(formatDateTime('2022-06-30T16:30:00Z')).toBe('2022/7/1 00:30');
  });
});

describe('KPI values', () => {
  it('ratios as percentages, seats and counts as integers, targets with their direction', () => {
    expect(formatKpi(0.0523, 'ratio')).toBe('5.2%');
    expect(formatKpi(33730, 'seats')).toBe('33,730个');
    expect(formatKpi(null, 'count')).toBe('—');
    expect(formatKpi(45.25, 'days')).toBe('45.3天');
    expect(formatKpi(45.25, 'days', 'en-US')).toBe('45.3 days');
    expect(formatKpiTarget(0.05, 'ratio', 'at_most')).toBe('≤ 5.0%');
    expect(formatKpiTarget(33730, 'seats', 'at_least')).toBe('≥ 33,730个');
    expect(formatKpiTarget(0, 'count', 'at_most')).toBe('0');
  });
});

import { describe, expect, it } from 'vitest';
import { kpiStatus } from './kpi.ts';

describe('KPI status', () => {
  it('at most 5% (seed item 5: “将市域民办义务教育在校生规模占比控制在5%以内”): 5% is green, 5.5% amber, 7% red', () => {
    const share = { target: 0.05, direction: 'at_most' as const, amber: 0.2 };
    expect(kpiStatus(share, 0.05)).toBe('green');
    expect(kpiStatus(share, 0.055)).toBe('amber');
    expect(kpiStatus(share, 0.07)).toBe('red');
  });
  it('at least 33,730 seats (seed item 9: “高标准完成33730个学位建设任务”)', () => {
    const seats = { target: 33_730, direction: 'at_least' as const, amber: 0.1 };
    expect(kpiStatus(seats, 33_730)).toBe('green');
    expect(kpiStatus(seats, 31_000)).toBe('amber');
    expect(kpiStatus(seats, 20_000)).toBe('red');
  });
  it('a zero target uses an absolute band; no value is 暂无数据, never a number', () => {
    const majors = { target: 0, direction: 'at_most' as const, amber: 0 };
    expect(kpiStatus(majors, 0)).toBe('green');
    expect(kpiStatus(majors, 1)).toBe('red');
    expect(kpiStatus({ ...majors, amber: 5 }, 3)).toBe('amber');
    expect(kpiStatus(majors, null)).toBe('no_data');
    expect(kpiStatus(majors, undefined)).toBe('no_data');
  });
});

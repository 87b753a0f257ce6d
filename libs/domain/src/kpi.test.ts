import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HENGYANG_KPIS_2022 } from './hengyang/kpis-2022.ts';
import { kpiStatus, kpiStatusFor, targetFor, TARGET_SOURCE_LABELS } from './kpi.ts';

const seed = readFileSync(new URL('../../../docs/seed/2022-work-priorities.txt', import.meta.url), 'utf8');
const kpi = (id: string) => HENGYANG_KPIS_2022.find((k) => k.id === id)!;

describe('KPI status', () => {
  it('a hard cap (seed item 5: “将市域民办义务教育在校生规模占比控制在5%以内”): 5% is green, 5.1% already red, never amber', () => {
    const share = kpi('private.compulsory-share');
    expect(share).toMatchObject({ target: 0.05, hardCap: true, targetSource: 'seed' });
    expect(kpiStatus(share, 0.05)).toBe('green');
    expect(kpiStatus(share, 0.051)).toBe('red');
    expect(kpiStatus({ ...share, hardCap: false }, 0.051)).toBe('amber');
  });
  it('at least 33,730 seats (seed item 9: “高标准完成33730个学位建设任务”)', () => {
    const seats = { target: 33_730, direction: 'at_least' as const, amber: 0.1 };
    expect(kpiStatus(seats, 33_730)).toBe('green');
    expect(kpiStatus(seats, 31_000)).toBe('amber');
    expect(kpiStatus(seats, 20_000)).toBe('red');
  });
  it('a zero target is red at any miss, whatever its band; no value is 暂无数据, never a number', () => {
    const majors = { target: 0, direction: 'at_most' as const, amber: 0 };
    expect(kpiStatus(majors, 0)).toBe('green');
    expect(kpiStatus(majors, 1)).toBe('red');
    expect(kpiStatus({ ...majors, amber: 5 }, 1)).toBe('red');
    expect(kpiStatus(kpi('safety.incidents'), 1)).toBe('red');
    expect(kpiStatus(majors, null)).toBe('no_data');
    expect(kpiStatus(majors, undefined)).toBe('no_data');
  });
});

describe('county targets and target sources', () => {
  it('judges a county against its own configured target, else the city’s, and says which', () => {
    const share = kpi('private.compulsory-share');
    const county = { 'private.compulsory-share': { '430407': 0.08 } };
    expect(targetFor(share, null, county)).toEqual({ target: 0.05, source: 'seed', scope: 'city', label: '工作要点' });
    expect(targetFor(share, '430407', county)).toEqual({ target: 0.08, source: 'bureau', scope: 'county', label: '局定目标（县市区）' });
    expect(targetFor(share, '430405', county)).toMatchObject({ target: 0.05, scope: 'city', label: '工作要点（沿用全市目标）' });
    expect(kpiStatusFor(share, '430407', 0.07, county)).toBe('green');
    expect(kpiStatusFor(share, '430405', 0.07, county)).toBe('red');
  });
  it('labels every target: a seed target’s figure is in the seed’s own words, the rest are the bureau’s', () => {
    expect(TARGET_SOURCE_LABELS).toEqual({ seed: '工作要点', bureau: '局定目标' });
    for (const k of HENGYANG_KPIS_2022) {
      expect(seed).toContain(k.phrase);
      if (k.targetSource === 'seed') expect(k.target === 1 ? /100%|全部|确保/.test(k.phrase) : k.phrase.includes(String(k.target * (k.unit === 'ratio' ? 100 : 1)))).toBe(true);
    }
    expect(kpi('funding.seats-delivered').phrase).toContain('33730');
    expect(kpi('safety.hazards-overdue').targetSource).toBe('bureau');
    expect(kpi('safety.campaign-coverage').targetSource).toBe('bureau');
  });
  it('quotes item 4’s own heading for the incident KPI (“4.维护教育系统安全稳定”), not its public-health sentence', () => {
    expect(seed).toContain('4.维护教育系统安全稳定');
    expect(kpi('safety.incidents')).toMatchObject({ itemNo: 4, phrase: '维护教育系统安全稳定' });
  });
});

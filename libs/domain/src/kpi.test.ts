import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HENGYANG_KPIS_2022 } from './hengyang/kpis-2022.ts';
import { countyTargetRefusal, countyTargetsFrom, kpiStatus, kpiStatusFor, TARGET_SOURCE_LABELS, targetFor } from './kpi.ts';

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
  it('builds the lookup from stored rows; a county target changes the county row’s status, not the city’s nor another county’s', () => {
    const closure = kpi('safety.hazard-closure');
    const county = countyTargetsFrom([
      { kpiId: 'safety.hazard-closure', unitCode: '430422', target: 0.8 },
      { kpiId: 'safety.incidents', unitCode: '430422', target: 2 },
    ]);
    expect(county).toEqual({ 'safety.hazard-closure': { '430422': 0.8 }, 'safety.incidents': { '430422': 2 } });
    expect(kpiStatusFor(closure, '430422', 0.82, county)).toBe('green');
    expect(kpiStatusFor(closure, '430481', 0.82, county)).toBe('red');
    expect(kpiStatusFor(closure, null, 0.82, county)).toBe('red');
    expect(kpiStatusFor(kpi('safety.incidents'), '430422', 2, county)).toBe('green');
    expect(targetFor(kpi('safety.incidents'), '430422', county).label).toBe('局定目标（县市区）');
    expect(countyTargetsFrom([])).toEqual({});
  });
  it('accepts a county target only in its KPI’s unit: a ratio 0–100% to 0.01%, a count a whole number, money whole fen', () => {
    const ratio = kpi('safety.hazard-closure');
    expect(countyTargetRefusal(ratio, 0.95)).toBeNull();
    expect(countyTargetRefusal(ratio, 0.9575)).toBeNull();
    expect(countyTargetRefusal(ratio, 0)).toBeNull();
    expect(countyTargetRefusal(ratio, 1)).toBeNull();
    expect(countyTargetRefusal(ratio, 1.01)).toBe('目标值应在0%到100%之间');
    expect(countyTargetRefusal(ratio, 0.95755)).toBe('目标值最多保留两位小数（百分比）');
    expect(countyTargetRefusal(ratio, -0.1)).toBe('目标值不能为负数');
    const count = kpi('safety.incidents');
    expect(countyTargetRefusal(count, 3)).toBeNull();
    expect(countyTargetRefusal(count, 2.5)).toBe('目标值应为整数');
    expect(countyTargetRefusal(count, 1_000_001)).toBe('目标值不能大于1000000');
    expect(countyTargetRefusal({ unit: 'yuan', levels: ['city', 'county'] }, 12_345.5)).toBe('金额目标应为整数（分）');
    expect(countyTargetRefusal({ unit: 'yuan', levels: ['city', 'county'] }, 1_234_567_800)).toBeNull();
    expect(countyTargetRefusal({ unit: 'ratio', levels: ['city'] }, 0.5)).toBe('该指标不按县市区计算，不能设置县市区目标');
    expect(countyTargetRefusal({ unit: 'yuan', levels: ['county'] }, 2e12)).toBe('金额目标不能大于100亿元');
    expect(countyTargetRefusal(ratio, Number.NaN)).toBe('目标值应为数字');
  });
  it('labels every target: a seed target’s figure is in the seed’s own words, the rest are the bureau’s', () => {
    expect(TARGET_SOURCE_LABELS).toEqual({ seed: '工作要点', bureau: '局定目标' });
    for (const k of HENGYANG_KPIS_2022) {
      expect(seed).toContain(k.phrase);
      if (k.targetSource === 'seed')
        expect(
          k.target === 1 ? /100%|全部|确保/.test(k.phrase) : k.phrase.includes(String(k.target * (k.unit === 'ratio' ? 100 : 1))),
        ).toBe(true);
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

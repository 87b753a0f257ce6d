/// <reference types="node" />
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HENGYANG_ORG_UNITS } from './hengyang/org.ts';
import { cityKpis, cityTargetRefusal, KPI_CATALOGUE } from './kpi-catalogue.ts';
import { KPI_IDS } from './kpi.ts';

describe('the KPI catalogue', () => {
  it('defines every KPI id once, in KPI_IDS order', () => {
    expect(KPI_CATALOGUE.map((k) => k.id)).toEqual([...KPI_IDS]);
  });

  it('holds no city’s data: no target, plan item or phrase, and no Hengyang name or code in its words', () => {
    const names = [...HENGYANG_ORG_UNITS.map((u) => u.name), '衡阳', '湖南'];
    for (const k of KPI_CATALOGUE) {
      expect(
        Object.keys(k).filter((f) => ['target', 'itemNo', 'phrase', 'targetSource'].includes(f)),
        k.id,
      ).toEqual([]);
      const words = `${k.title} ${k.formula}`;
      for (const n of names) expect(words, k.id).not.toContain(n);
      expect(words, k.id).not.toMatch(/33730|4304\d\d|5%以内/);
    }
  });
});

describe('a city’s KPIs from the catalogue', () => {
  const share = { itemNo: 1, phrase: '控制在8%以内', target: 0.08, targetSource: 'seed' as const };

  it('takes the catalogue’s rule and the city’s item, phrase and target; a city’s own amber band overrides the catalogue’s', () => {
    const [def, ...rest] = cityKpis({ 'private.compulsory-share': share, 'funding.dropouts': { ...share, target: 2, amber: 1 } });
    expect(rest.map((k) => k.id)).toEqual(['funding.dropouts']);
    const rule = KPI_CATALOGUE.find((k) => k.id === 'private.compulsory-share')!;
    expect(def).toEqual({ ...rule, ...share });
    expect(rest[0]).toMatchObject({ target: 2, amber: 1, direction: 'at_most', unit: 'count' });
    expect(KPI_CATALOGUE.find((k) => k.id === 'funding.dropouts')!.amber).toBe(5);
    expect(cityKpis({})).toEqual([]);
  });

  it('refuses at configuration a target that does not fit the KPI, with the KPI named', () => {
    expect(() => cityKpis({ 'private.compulsory-share': { ...share, target: 5 } })).toThrow(
      '指标 private.compulsory-share：目标值应在0%到100%之间',
    );
    expect(() => cityKpis({ 'funding.seats-delivered': { ...share, target: 1200.5 } })).toThrow('目标值应为整数');
    expect(cityTargetRefusal({ unit: 'count' }, { ...share, target: -1 })).toBe('目标值应为非负数');
    expect(cityTargetRefusal({ unit: 'ratio' }, { ...share, itemNo: 0 })).toBe('工作要点事项编号应为正整数');
    expect(cityTargetRefusal({ unit: 'ratio' }, { ...share, phrase: ' ' })).toBe('应引用工作要点原文');
    expect(cityTargetRefusal({ unit: 'ratio' }, { ...share, amber: -0.1 })).toBe('预警区间应为非负数');
    expect(cityTargetRefusal({ unit: 'ratio' }, share)).toBeNull();
  });
});

describe('the city-agnostic rules', () => {
  it('carry no Hengyang data in their code: city names, 4304 codes and seed figures live under hengyang/ only', () => {
    const root = new URL('./', import.meta.url);
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter(
      (f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !/^(hengyang|example-city)\//.test(f),
    );
    expect(files.length).toBeGreaterThan(40);
    const names = HENGYANG_ORG_UNITS.map((u) => u.name.replace(/[区县市]$/, '')).concat(['衡阳', 'Hengyang']);
    for (const f of files) {
      // Comments may give examples; the code itself must not hold the city's data.
      const code = readFileSync(new URL(f, root), 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/^\s*\/\/.*$/gm, '');
      for (const n of names) expect(code.includes(n), `${f}: ${n}`).toBe(false);
      expect(code, f).not.toMatch(/['"`]4304\d*|33730|33_730/);
    }
  });
});

describe("the city's own row", () => {
  it('counts the city-direct schools, except for the KPIs of budget units, where it is the city level (市本级)', () => {
    const budget = KPI_CATALOGUE.filter((k) => k.cityOwn === 'budget').map((k) => k.id);
    expect(budget).toEqual(['funding.seats-delivered', 'funding.named-on-schedule', 'funding.two-no-decrease']);
    expect(budget.every((id) => KPI_CATALOGUE.find((k) => k.id === id)!.module === 'funding')).toBe(true);
  });
});

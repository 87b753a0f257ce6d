import { describe, expect, it } from 'vitest';
import { KPI_CATALOGUE_EN, kpiText } from './kpi-catalogue.en.ts';
import { KPI_CATALOGUE } from './kpi-catalogue.ts';

const CJK = /[\u3400-\u9fff]/;

describe('the KPI catalogue in English', () => {
  it('gives every KPI an English title and formula without Chinese characters, and nothing for KPIs that do not exist', () => {
    expect(Object.keys(KPI_CATALOGUE_EN).sort()).toEqual(KPI_CATALOGUE.map((k) => k.id).sort());
    for (const [id, t] of Object.entries(KPI_CATALOGUE_EN)) {
      expect(t.title, id).not.toMatch(CJK);
      expect(t.formula, id).not.toMatch(CJK);
      expect(t.title.length, id).toBeGreaterThan(5);
    }
  });

  it('keeps the Chinese definition in Chinese mode and for an unknown KPI', () => {
    const def = KPI_CATALOGUE.find((k) => k.id === 'safety.compliance')!;
    expect(kpiText(def, 'zh-CN')).toEqual({ title: def.title, formula: def.formula });
    expect(kpiText(def, 'en-US').title).toBe('Schools meeting all of the "four 100%" security standards');
    expect(kpiText({ id: 'x.unknown', title: '某指标', formula: '甲 ÷ 乙' }, 'en-US')).toEqual({ title: '某指标', formula: '甲 ÷ 乙' });
  });
});

import { describe, expect, it } from 'vitest';
import { HENGYANG_KPIS_2022_EN, kpiText } from './kpis-2022.en.ts';
import { HENGYANG_KPIS_2022 } from './kpis-2022.ts';

const CJK = /[\u3400-\u9fff]/;

describe('the 2022 KPIs in English', () => {
  it('gives every KPI an English title and formula without Chinese characters, and nothing for KPIs that do not exist', () => {
    expect(Object.keys(HENGYANG_KPIS_2022_EN).sort()).toEqual(HENGYANG_KPIS_2022.map((k) => k.id).sort());
    for (const [id, t] of Object.entries(HENGYANG_KPIS_2022_EN)) {
      expect(t.title, id).not.toMatch(CJK);
      expect(t.formula, id).not.toMatch(CJK);
      expect(t.title.length, id).toBeGreaterThan(5);
    }
  });

  it('keeps the Chinese definition in Chinese mode and for an unknown KPI', () => {
    // 「推进中小学幼儿园安全防范建设“4个100%”」 (item 4 of the seed) is what safety.compliance measures.
    const def = HENGYANG_KPIS_2022.find((k) => k.id === 'safety.compliance')!;
    expect(kpiText(def, 'zh-CN')).toEqual({ title: def.title, formula: def.formula });
    expect(kpiText(def, 'en-US').title).toBe('Schools meeting all of the "four 100%" security standards');
    expect(kpiText({ id: 'x.unknown', title: '某指标', formula: '甲 ÷ 乙' }, 'en-US')).toEqual({ title: '某指标', formula: '甲 ÷ 乙' });
  });
});

/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateWorkPlan, workPlanItems } from '../work-plan.ts';
import { HENGYANG_MODULES } from './modules.ts';
import { HENGYANG_PLAN_2022 as plan } from './plan-2022.ts';

// src/hengyang/ → src/ → libs/domain/ → libs/ → repo root
const seedUrl = new URL('../../../../docs/seed/2022-work-priorities.txt', import.meta.url);
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
const seed = norm(readFileSync(seedUrl, 'utf8'));

describe('HENGYANG_PLAN_2022 is the seed, verbatim and complete', () => {
  it('has 5 sections and 19 items numbered 1..19 ("19 numbered items", docs/domain/plan.md)', () => {
    expect(plan.sections.map((s) => s.numeral)).toEqual(['一', '二', '三', '四', '五']);
    expect(workPlanItems(plan).map((i) => i.no)).toEqual(Array.from({ length: 19 }, (_, i) => i + 1));
    expect(validateWorkPlan(plan)).toEqual([]);
  });

  it('header: issuer, date, recipients, title', () => {
    expect(seed).toContain(`${plan.recipients}：`);
    expect(seed).toContain('衡阳市教育局 2022年4月14日');
    expect(plan.issuedOn).toBe('2022-04-14');
    expect(seed).toContain(`2022年4月14日 ${plan.title} `);
  });

  it('every section heading, item, the preamble and the closing appear verbatim', () => {
    expect(seed).toContain(norm(plan.preamble));
    for (const s of plan.sections) expect(seed).toContain(`${s.numeral}、${s.title}`);
    for (const i of workPlanItems(plan)) expect(seed, `item ${i.no}`).toContain(`${i.no}.${norm(i.title)}。${norm(i.text)}`);
    for (const p of plan.closing.split('\n')) expect(seed).toContain(norm(p));
  });

  it('nothing is left out: the body re-assembled from the plan equals the seed from the preamble on', () => {
    const body = [
      plan.preamble,
      ...plan.sections.flatMap((s) => [`${s.numeral}、${s.title}`, ...s.items.map((i) => `${i.no}.${i.title}。${i.text}`)]),
      ...plan.closing.split('\n'),
    ].join('\n');
    expect(seed.slice(seed.indexOf(norm(plan.preamble)))).toBe(norm(body));
  });

  it('titles are the heading sentence without 。', () => {
    expect(workPlanItems(plan)[0]?.title).toBe('学习贯彻党的创新理论');
    for (const i of workPlanItems(plan)) expect(i.title, `item ${i.no}`).not.toContain('。');
    expect(plan.sections[0]?.title).toBe('深入学习贯彻习近平新时代中国特色社会主义思想，确保教育领域始终成为坚持党的领导的坚强阵地');
  });

  it('modules follow the docs/domain/plan.md table (4 Safety; 5, 6 Private ed; 9, 11 Funding; 17–19 Teacher)', () => {
    const byItem = Object.fromEntries(workPlanItems(plan).map((i) => [i.no, i.modules]));
    expect(byItem[4]).toEqual(['safety']);
    expect(byItem[5]).toEqual(['private-edu']);
    expect(byItem[6]).toEqual(['private-edu']);
    expect(byItem[9]).toEqual(['funding']);
    expect(byItem[11]).toEqual(['funding']);
    for (const n of [17, 18, 19]) expect(byItem[n]).toEqual(['teachers']);
    expect(workPlanItems(plan).filter((i) => i.modules.length > 0)).toHaveLength(8);
    // the module registry names the same items
    for (const m of HENGYANG_MODULES) {
      expect(m.items, m.key).toEqual(
        workPlanItems(plan)
          .filter((i) => i.modules.includes(m.key))
          .map((i) => i.no),
      );
    }
  });
});

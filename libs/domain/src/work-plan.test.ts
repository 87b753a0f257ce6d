import { describe, expect, it } from 'vitest';
import { chineseNumeral, validateWorkPlan, workPlanItems, type WorkPlan } from './work-plan.ts';

const item = (no: number) => ({ no, title: `事项${no}`, text: '正文。', modules: [] });
const plan = (): WorkPlan => ({
  year: 2022,
  title: '工作要点',
  issuer: '某市教育局',
  issuedOn: '2022-04-14',
  recipients: '各县市区教育局',
  preamble: '总体思路。',
  sections: [
    { no: 1, numeral: '一', title: '甲', items: [item(1), item(2)] },
    { no: 2, numeral: '二', title: '乙', items: [item(3)] },
  ],
  closing: '统筹做好其他工作。',
});

describe('work plan structure (seed: items "1." … "19." run on across sections 一 … 五)', () => {
  it('accepts a well-numbered plan and flattens items with their section', () => {
    expect(validateWorkPlan(plan())).toEqual([]);
    expect(workPlanItems(plan()).map((i) => [i.no, i.sectionNumeral])).toEqual([
      [1, '一'],
      [2, '一'],
      [3, '二'],
    ]);
  });

  it('item numbers must run 1..N across sections', () => {
    const p = plan();
    p.sections[1]!.items = [item(4)];
    expect(validateWorkPlan(p)).toEqual(['第2部分的事项编号应为3，实际为4']);
    const q = plan();
    q.sections[0]!.items = [item(2), item(1)];
    expect(validateWorkPlan(q).length).toBeGreaterThan(0);
  });

  it('section numbers and numerals must match', () => {
    const p = plan();
    p.sections[1]!.numeral = '三';
    expect(validateWorkPlan(p)).toEqual(['第2部分的序号应为“二”，实际为“三”']);
    const q = plan();
    q.sections[1]!.no = 3;
    expect(validateWorkPlan(q)).toEqual(['第2部分的编号应为2，实际为3']);
  });

  it('reports schema errors in Chinese', () => {
    expect(validateWorkPlan({ ...plan(), issuedOn: '2022-02-30' })).toEqual(['issuedOn：日期应为有效的 YYYY-MM-DD 格式']);
    expect(
      validateWorkPlan({ ...plan(), sections: [{ no: 1, numeral: '一', title: '甲', items: [{ ...item(1), modules: ['x'] }] }] }).length,
    ).toBe(1);
  });

  it('Chinese numerals', () => {
    expect([1, 5, 10, 11, 20, 21, 99].map(chineseNumeral)).toEqual(['一', '五', '十', '十一', '二十', '二十一', '九十九']);
    expect(() => chineseNumeral(0)).toThrow(RangeError);
  });
});

import { describe, expect, it } from 'vitest';
import { isWithinCap, privateCompulsoryShare, type EnrolmentCount } from './enrolment.ts';
import { HENGYANG_PLAN_2022 } from './hengyang/plan-2022.ts';
import { HENGYANG_TARGETS_2022 } from './hengyang/targets.ts';

// docs/domain/private-education.md: "Private share KPI = 民办义务教育在校生 (小学 + 初中, incl. 九年一贯/完中初中段) / 义务教育在校生总数"
describe('privateCompulsoryShare', () => {
  it('counts only compulsory grades (K/S/V/X ignored)', () => {
    const counts: EnrolmentCount[] = [
      { grade: 'P1', ownership: 'public', students: 900 },
      { grade: 'J1', ownership: 'private', students: 100 },
      { grade: 'K1', ownership: 'private', students: 5000 },
      { grade: 'S1', ownership: 'private', students: 5000 },
      { grade: 'V1', ownership: 'private', students: 5000 },
      { grade: 'X1', ownership: 'private', students: 5000 },
    ];
    expect(privateCompulsoryShare(counts)).toEqual({ privateStudents: 100, totalStudents: 1000, share: 0.1 });
  });

  it('no data is null, not 0%', () => {
    expect(privateCompulsoryShare([]).share).toBeNull();
    expect(privateCompulsoryShare([{ grade: 'K1', ownership: 'private', students: 10 }]).share).toBeNull();
    expect(isWithinCap(null, 0.05)).toBeNull();
  });

  it('rejects bad counts', () => {
    expect(() => privateCompulsoryShare([{ grade: 'P1', ownership: 'public', students: -1 }])).toThrow(RangeError);
    expect(() => privateCompulsoryShare([{ grade: 'P1', ownership: 'public', students: 1.5 }])).toThrow('在校生数应为非负整数');
  });

  it('seed item 5: "将市域民办义务教育在校生规模占比控制在5%以内" → cap 0.05', () => {
    const item5 = HENGYANG_PLAN_2022.sections.flatMap((s) => s.items).find((i) => i.no === 5);
    expect(item5?.text).toContain('将市域民办义务教育在校生规模占比控制在5%以内');
    const cap = HENGYANG_TARGETS_2022.privateCompulsoryShareCap;
    expect(cap).toBe(0.05);
    const at = (priv: number) =>
      privateCompulsoryShare([
        { grade: 'P3', ownership: 'private', students: priv },
        { grade: 'J2', ownership: 'public', students: 1000 - priv },
      ]).share;
    expect(isWithinCap(at(50), cap)).toBe(true); // exactly 5%: "以内" includes 5%
    expect(isWithinCap(at(51), cap)).toBe(false);
  });
});

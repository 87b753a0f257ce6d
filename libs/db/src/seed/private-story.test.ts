import { describe, expect, it } from 'vitest';
import { parseIdCard, parseUscc } from '@hyedu/domain';
import { HENGYANG_TARGETS_2022 as T } from '@hyedu/domain/hengyang';
import { capStatus, leverEffect, projectedCounts, shareCounts, shareOf } from '@hyedu/domain/private-edu';
import { CENSUS_YEARS, compulsoryOf, generatePrivateStory } from './private-story.ts';
import { generateSchoolRegistry } from './schools.ts';

const registry = generateSchoolRegistry();
const story = generatePrivateStory(registry, { seed: 20220414, today: '2022-11-30' });
const countsOf = (year: string) => {
  const c = story.censuses.find((x) => x.year === year)!;
  return shareCounts(
    registry.map((_, i) => ({
      ownership: c.ownership[i]!,
      compulsory: compulsoryOf(c.enrolment[i]!),
      purchasedSeats: c.purchasedSeats[i]!,
    })),
  );
};

describe('the demo’s private-education story', () => {
  it('is deterministic', () => {
    expect(generatePrivateStory(registry, { seed: 20220414, today: '2022-11-30' })).toEqual(story);
  });

  it('holds each unit’s compulsory total constant across the censuses (pupils move to public schools)', () => {
    const units = [...new Set(registry.map((s) => s.unitCode))];
    for (const unit of units) {
      const totals = story.censuses.map((c) =>
        registry.reduce((a, s, i) => a + (s.unitCode === unit ? compulsoryOf(c.enrolment[i]!) : 0), 0),
      );
      expect(new Set(totals).size, unit).toBe(1);
    }
  });

  it('falls census by census, is still above 5% in 2022, and within 5% once the planned levers are done', () => {
    const shares = CENSUS_YEARS.map((y) => shareOf(countsOf(y))!);
    expect(shares[0]).toBeGreaterThan(shares[1]!);
    expect(shares[1]).toBeGreaterThan(shares[2]!);
    expect(capStatus(shares[2]!, T.privateCompulsoryShareCap)).toBe('over');
    const last = story.censuses.at(-1)!;
    const projected = projectedCounts(
      countsOf(last.year),
      last.year,
      story.levers.map((l) => ({
        schoolId: l.school,
        status: l.status,
        plannedYear: l.plannedYear,
        doneOn: l.doneOn,
        effect: leverEffect({ kind: l.kind, students: l.students }, compulsoryOf(last.enrolment[l.school]!), 'public'),
      })),
    );
    expect(capStatus(projected.projectedShare, T.privateCompulsoryShareCap)).toBe('within');
  });

  it('has 公参民 cases mostly converted on time, some late, a few open — each completed one with every teacher placed', () => {
    const late = story.cases.filter((c) => c.completedOn !== null && c.completedOn > T.gongCanMinDeadline);
    const open = story.cases.filter((c) => c.completedOn === null);
    expect(late.length).toBeGreaterThan(0);
    expect(open.length).toBeGreaterThan(0);
    expect(story.cases.length - late.length - open.length).toBeGreaterThan(late.length + open.length);
    for (const c of story.cases) {
      if (c.type !== 'with_private') expect(c.disposal).toBe('to_public');
      for (const t of c.teachers) expect(parseIdCard(t.idNumber).ok).toBe(true);
      if (c.completedOn) {
        expect(c.teachers.every((t) => t.placement !== null && t.placedOn !== null && t.placedOn <= c.completedOn!)).toBe(true);
        expect(Object.keys(c.tasks)).toHaveLength(4);
      }
    }
  });

  it('keeps 在编 teachers in private schools only as the 公参民 schools’ secondments; compulsory schools are never for profit', () => {
    const gcm = new Set(story.cases.map((c) => c.school));
    registry.forEach((s, i) => {
      if (s.ownership === 'private' && !gcm.has(i)) expect(story.inQuotaTeachers[i]).toBe(0);
    });
    for (const p of story.profiles) {
      expect(parseUscc(p.uscc).ok).toBe(true);
      if (['primary', 'junior', 'nine_year'].includes(registry[p.school]!.level)) expect(p.forProfit).toBe(false);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { HENGYANG_PRIVATE_BASELINE_2020 as B, HENGYANG_TARGETS_2022 as T } from '../hengyang/targets.ts';
import { allowedPrivate, capStatus, requiredReduction, shareCounts, shareOf } from './share.ts';

describe('the private share of compulsory enrolment', () => {
  it('needs at least 148,642 pupils moved to bring Hengyang’s 2020 figures within 5% (191,497 − 5% × 857,100)', () => {
    const c = { privateStudents: B.privatePrimary + B.privateJunior, totalStudents: B.compulsoryTotal };
    expect(c.privateStudents).toBe(191_497);
    expect(T.privateCompulsoryShareCap).toBe(0.05);
    expect(allowedPrivate(c.totalStudents, T.privateCompulsoryShareCap)).toBe(42_855);
    expect(requiredReduction(c, T.privateCompulsoryShareCap)).toBe(B.requiredCut);
    expect(shareOf(c)).toBeCloseTo(0.2234, 4);
    // moving one pupil fewer leaves the city above the cap; exactly the cut reaches it
    expect(capStatus(shareOf({ ...c, privateStudents: c.privateStudents - 148_641 }), 0.05)).toBe('over');
    expect(capStatus(shareOf({ ...c, privateStudents: c.privateStudents - 148_642 }), 0.05)).toBe('within');
  });

  it('is a hard cap: 5% is within, anything above is over, no data is neither', () => {
    expect(capStatus(0.05, 0.05)).toBe('within');
    expect(capStatus(0.0501, 0.05)).toBe('over');
    expect(capStatus(null, 0.05)).toBeNull();
    expect(shareOf({ privateStudents: 0, totalStudents: 0 })).toBeNull();
    expect(requiredReduction({ privateStudents: 10, totalStudents: 1000 }, 0.05)).toBe(0);
  });

  it('counts seats the government bought in private schools as public unless configured otherwise', () => {
    const census = [
      { ownership: 'private' as const, compulsory: 1000, purchasedSeats: 300 },
      { ownership: 'public' as const, compulsory: 9000, purchasedSeats: 0 },
    ];
    expect(shareCounts(census)).toEqual({ privateStudents: 700, totalStudents: 10_000 });
    expect(shareCounts(census, 'private')).toEqual({ privateStudents: 1000, totalStudents: 10_000 });
    expect(shareCounts([{ ownership: 'private', compulsory: 100, purchasedSeats: 500 }])).toEqual({
      privateStudents: 0,
      totalStudents: 100,
    });
    expect(() => shareCounts([{ ownership: 'private', compulsory: -1, purchasedSeats: 0 }])).toThrow(RangeError);
  });
});

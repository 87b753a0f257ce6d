import { z } from 'zod';

/**
 * The private share of compulsory enrolment (民办义务教育在校生规模占比) and what it takes to bring it under a cap
 * (docs/domain/private-education.md). The base counts come from one 学年初 census; the rule that decides whether
 * seats bought by the government in private schools (政府购买学位) still count as private is explicit and configurable.
 */

/**
 * Whether a seat bought by the government in a private school counts as private. Default `public`: 政府购买学位 is one of
 * the seed's levers for lowering the share, which it only is if the bought seats leave the private count.
 */
export const PurchasedSeatsCountAs = z.enum(['public', 'private'], { message: '请选择购买学位的计数口径' });
export type PurchasedSeatsCountAs = z.infer<typeof PurchasedSeatsCountAs>;
export const PURCHASED_SEATS_LABELS: Record<PurchasedSeatsCountAs, { zh: string; en: string }> = {
  public: { zh: '计入公办学位', en: 'counted as public' },
  private: { zh: '仍计入民办', en: 'still counted as private' },
};
export const DEFAULT_PURCHASED_SEATS_COUNT_AS: PurchasedSeatsCountAs = 'public';

/** One school's compulsory pupils in one census, with its ownership that year and the seats the government bought there. */
export interface SchoolCensus {
  ownership: 'public' | 'private';
  compulsory: number;
  purchasedSeats: number;
}

export interface ShareCounts {
  privateStudents: number;
  totalStudents: number;
}

/** Sums a census into the share's numerator and denominator under the counting rule. */
export function shareCounts(
  rows: Iterable<SchoolCensus>,
  purchased: PurchasedSeatsCountAs = DEFAULT_PURCHASED_SEATS_COUNT_AS,
): ShareCounts {
  let privateStudents = 0;
  let totalStudents = 0;
  for (const r of rows) {
    if (!Number.isInteger(r.compulsory) || r.compulsory < 0 || !Number.isInteger(r.purchasedSeats) || r.purchasedSeats < 0)
      throw new RangeError(`在校生数应为非负整数：${r.compulsory}/${r.purchasedSeats}`);
    totalStudents += r.compulsory;
    if (r.ownership === 'private') privateStudents += purchased === 'public' ? Math.max(0, r.compulsory - r.purchasedSeats) : r.compulsory;
  }
  return { privateStudents, totalStudents };
}

/** The share in [0, 1], or null when there are no compulsory pupils (no data, never 0%). */
export const shareOf = (c: ShareCounts): number | null => (c.totalStudents === 0 ? null : c.privateStudents / c.totalStudents);

/** The most private pupils a total allows under `cap` (a share is met at exactly the cap: 5.0% is within 5%). */
export function allowedPrivate(totalStudents: number, cap: number): number {
  // The epsilon absorbs binary rounding (0.05 × 857,100 = 42,855.000000000007), never a whole pupil.
  return Math.floor(cap * totalStudents + 1e-6);
}

/**
 * Pupils that must leave the private count for the share to be within `cap`, the compulsory total held constant (the
 * levers move pupils into public schools or count their seats as public; none leave compulsory education).
 */
export function requiredReduction(c: ShareCounts, cap: number): number {
  return Math.max(0, c.privateStudents - allowedPrivate(c.totalStudents, cap));
}

/** The counts after `moved` pupils left the private count (the total unchanged). */
export function afterReduction(c: ShareCounts, moved: number): ShareCounts {
  return { privateStudents: Math.max(0, c.privateStudents - moved), totalStudents: c.totalStudents };
}

/** A hard cap: within at the cap exactly, red above it, no amber; null without data. */
export function capStatus(share: number | null, cap: number): 'within' | 'over' | null {
  if (share === null) return null;
  return share <= cap + 1e-12 ? 'within' : 'over';
}

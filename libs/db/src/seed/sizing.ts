import { GRADES_BY_LEVEL, type Grade, type Ownership, type SchoolLevel } from '@hyedu/domain';
import type { Rng } from './prng.ts';

export interface Staffing {
  /** 编制 quota (0 for 民办). */
  quota: number;
  /** Teachers in post (在编). */
  teachers: number;
  /** Contract / 代课 teachers. */
  contractTeachers: number;
}

/** Integer in [lo, hi] drawn from a normal distribution and clamped. */
export function clampedNormal(rng: Rng, mean: number, sd: number, lo: number, hi: number): number {
  return Math.round(Math.min(hi, Math.max(lo, rng.normal(mean, sd))));
}

/** Integer in [lo, hi] skewed towards lo (power > 1 → more small values). */
export function skewed(rng: Rng, lo: number, hi: number, power: number): number {
  return Math.round(lo + (hi - lo) * Math.pow(rng.next(), power));
}

/**
 * Spreads `total` students over the grades of `level` with mild variation. Kindergarten and primary
 * grades get a small upward slope (older cohorts were born in bigger years); the result sums to `total`.
 */
export function spreadEnrolment(rng: Rng, level: SchoolLevel, total: number): Partial<Record<Grade, number>> {
  const grades = GRADES_BY_LEVEL[level];
  const n = grades.length;
  const weights = grades.map((g, i) => {
    const slope = (g.startsWith('K') || g.startsWith('P')) && n > 1 ? 0.12 * (i / (n - 1) - 0.5) : 0;
    const senior = level === 'complete_middle' && g.startsWith('S') ? 0.25 : 0;
    return Math.max(0.5, 1 + slope + senior + rng.normal(0, 0.05));
  });
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w / sum) * total);
  const counts = exact.map((x) => Math.floor(x));
  let left = total - counts.reduce((a, b) => a + b, 0);
  // Largest remainder; ties keep grade order, so the result is deterministic.
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    counts[i] = (counts[i] ?? 0) + 1;
    left -= 1;
  }
  const out: Partial<Record<Grade, number>> = {};
  grades.forEach((g, i) => {
    out[g] = counts[i] ?? 0;
  });
  return out;
}

/** Pupils per teacher, drawn from the usual range for the level. */
function pupilTeacherRatio(rng: Rng, level: SchoolLevel, students: number): number {
  switch (level) {
    case 'kindergarten':
      return rng.float(12, 18);
    case 'primary':
      return students < 300 ? rng.float(8, 14) : rng.float(15, 20);
    case 'nine_year':
      return students < 500 ? rng.float(10, 13) : rng.float(13, 16);
    case 'junior':
    case 'senior':
    case 'complete_middle':
      return rng.float(12, 14);
    case 'vocational':
      return rng.float(18, 22);
    case 'special':
      return rng.float(3, 5);
  }
}

/**
 * Staffing from enrolment. Public: quota ≈ teachers the ratio requires; in post mostly 85–105% of
 * quota, about 5% over-staffed and 10% under-staffed; gaps filled by contract teachers.
 * Private: no quota, a few seconded 在编 teachers at some schools, the rest on contract.
 */
export function deriveStaffing(rng: Rng, level: SchoolLevel, ownership: Ownership, students: number): Staffing {
  const required = Math.max(2, Math.ceil(students / pupilTeacherRatio(rng, level, students)));
  if (ownership === 'private') {
    const teachers = rng.chance(0.1) ? rng.int(1, 3) : 0;
    const contractTeachers = Math.max(1, Math.round(required * rng.float(0.95, 1.1)) - teachers);
    return { quota: 0, teachers, contractTeachers };
  }
  const quota = Math.max(2, Math.round(required * rng.float(0.97, 1.03)));
  const band = rng.weighted<'normal' | 'over' | 'under'>([
    ['normal', 85],
    ['over', 5],
    ['under', 10],
  ]);
  const factor = band === 'normal' ? rng.float(0.85, 1.05) : band === 'over' ? rng.float(1.06, 1.2) : rng.float(0.65, 0.84);
  const teachers = Math.max(1, Math.round(quota * factor));
  const contractTeachers = Math.max(0, required - teachers) + (rng.chance(0.25) ? rng.int(1, 2) : 0);
  return { quota, teachers, contractTeachers };
}

/** The share a full progress bar stands for: twice the 5% cap, so the cap sits in the middle. */
export const BAR_MAX = 0.1;

/** A share as a progress-bar percentage (0–100) against `max`; null (no data) draws no bar. */
export function barPercent(share: number | null, max = BAR_MAX): number | null {
  if (share === null) return null;
  return Math.min(100, Math.max(0, Math.round((share / max) * 1000) / 10));
}

export type CapStatus = 'within' | 'over' | 'noData';

/** withinCap from the server → the label to show; null means no compulsory students (no data). */
export function capStatus(withinCap: boolean | null): CapStatus {
  return withinCap === null ? 'noData' : withinCap ? 'within' : 'over';
}

/** Stat-card tone for the city share. */
export function capTone(withinCap: boolean | null): 'good' | 'bad' | undefined {
  return withinCap === null ? undefined : withinCap ? 'good' : 'bad';
}

/** Number of 民办 schools over all units. */
export function totalPrivateSchools(units: readonly { privateSchools: number }[]): number {
  return units.reduce((a, u) => a + u.privateSchools, 0);
}

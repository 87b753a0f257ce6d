/** The share a full progress bar stands for: twice the 5% cap, so the cap sits in the middle. */
export const BAR_MAX = 0.1;

/** A share as a progress-bar percentage (0–100) against `max`; null (no data) draws no bar. */
export function barPercent(share: number | null, max = BAR_MAX): number | null {
  if (share === null) return null;
  return Math.min(100, Math.max(0, Math.round((share / max) * 1000) / 10));
}

export type CapStatus = 'within' | 'over' | 'noData';

/** The server's cap status (a hard cap: within or over; null without compulsory pupils) → the label to show. */
export function capStatus(status: 'within' | 'over' | null): CapStatus {
  return status ?? 'noData';
}

/** Stat-card tone for a share against its cap. */
export function capTone(status: 'within' | 'over' | null): 'good' | 'bad' | undefined {
  return status === null ? undefined : status === 'within' ? 'good' : 'bad';
}

/** Number of 民办 schools over all units. */
export function totalPrivateSchools(units: readonly { privateSchools: number }[]): number {
  return units.reduce((a, u) => a + u.privateSchools, 0);
}

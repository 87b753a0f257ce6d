import { monthOf, quarterOf } from '@hyedu/domain/funding';

/** The last `n` months and quarters up to `today`, newest first (the returns page's period choices). */
export function recentPeriods(today: string, months = 13): { months: string[]; quarters: string[] } {
  const out: string[] = [];
  let y = Number(today.slice(0, 4));
  let m = Number(today.slice(5, 7));
  for (let i = 0; i < months; i++) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    [y, m] = m === 1 ? [y - 1, 12] : [y, m - 1];
  }
  const quarters = [...new Set(out.map((p) => quarterOf(`${p}-01`)))];
  return { months: out.map(monthOf), quarters };
}

import { sql } from 'drizzle-orm';
import type { AppraisalResult, EthicsResult } from '@hyedu/domain/teachers';
import type { Tx } from './audit.ts';
import type { Db } from './client.ts';
import { teacherAppraisalCounts as c } from './schema/index.ts';

/** One appraisal entering (+1) or leaving (−1) a count: a new one, or a correction's old and new results. */
export interface AppraisalCountChange {
  unitCode: string;
  year: number;
  result: AppraisalResult;
  ethics: EthicsResult;
  delta: 1 | -1;
}

/**
 * Applies appraisal writes to `teacher_appraisal_counts` in the writer's transaction, as increments (two writers of
 * the same county and year queue on the count's row instead of overwriting each other's sums).
 */
export async function countAppraisals(db: Db | Tx, changes: readonly AppraisalCountChange[]): Promise<void> {
  const sums = new Map<string, AppraisalCountChange & { n: number }>();
  for (const x of changes) {
    const key = `${x.unitCode}|${x.year}|${x.result}|${x.ethics}`;
    const s = sums.get(key) ?? { ...x, n: 0 };
    s.n += x.delta;
    sums.set(key, s);
  }
  const rows = [...sums.values()].filter((s) => s.n !== 0);
  if (!rows.length) return;
  await db
    .insert(c)
    .values(rows.map((s) => ({ unitCode: s.unitCode, year: s.year, result: s.result, ethics: s.ethics, n: s.n })))
    .onConflictDoUpdate({ target: [c.unitCode, c.year, c.result, c.ethics], set: { n: sql`${c.n} + excluded.n` } });
}

/** Recounts every appraisal (the demo seed after its bulk load). */
export async function rebuildAppraisalCounts(db: Db | Tx): Promise<void> {
  await db.execute(sql`delete from teacher_appraisal_counts`);
  await db.execute(sql`insert into teacher_appraisal_counts (unit_code, year, result, ethics, n)
    select unit_code, year, result, ethics, count(*)::int from teacher_appraisals group by unit_code, year, result, ethics`);
}

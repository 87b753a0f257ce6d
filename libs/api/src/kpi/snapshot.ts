import { sql } from 'drizzle-orm';
import { tables, type Db } from '@hyedu/db';
import { beijingDate } from '@hyedu/domain';
import { KPI_SOURCES } from './registry.ts';
import { sumMeasures } from './source.ts';

/**
 * Records today's value of every KPI that has a source, per unit and for the city (the dashboard's trend). Run by
 * the server at start and then every few hours; a second run on the same day replaces that day's values.
 */
export async function takeKpiSnapshot(db: Db, now = new Date(), asOf?: string): Promise<number> {
  const takenOn = asOf ?? beijingDate(now);
  const rows: (typeof tables.kpiSnapshots.$inferInsert)[] = [];
  for (const source of KPI_SOURCES.values()) {
    const byUnit = await source.byUnit(db, { kind: 'all' }, takenOn);
    for (const [unitCode, m] of byUnit) rows.push({ kpiId: source.id, takenOn, unitCode, num: m.num, den: m.den });
    const total = sumMeasures(byUnit.values());
    // The city's own code also holds the 局直 schools; the city total is stored under 'total'.
    if (total) rows.push({ kpiId: source.id, takenOn, unitCode: 'total', num: total.num, den: total.den });
  }
  if (rows.length === 0) return 0;
  await db
    .insert(tables.kpiSnapshots)
    .values(rows)
    .onConflictDoUpdate({
      target: [tables.kpiSnapshots.kpiId, tables.kpiSnapshots.takenOn, tables.kpiSnapshots.unitCode],
      set: { num: sql`excluded.num`, den: sql`excluded.den` },
    });
  return rows.length;
}

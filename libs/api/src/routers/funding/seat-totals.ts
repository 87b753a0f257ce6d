import { and, eq, sql } from 'drizzle-orm';
import { tables, type Db } from '@hyedu/db';
import type { DataScope } from '@hyedu/domain';
import { MILESTONES, SeatArea, SeatSector, type Milestone, type SeatWindow } from '@hyedu/domain/funding';
import { listUnits } from '../../queries.ts';
import { unitRecordScope } from './access.ts';
import { lateSql } from './project-query.ts';

const { fundingSeatProjects: p, fundingSeatAllocations: a } = tables;

/** Places delivered within the window (the domain's seatsDelivered in SQL), summed. */
export const deliveredSql = (window: SeatWindow) =>
  sql<number>`coalesce(sum(case when ${p.inUseOn} between ${window.from} and ${window.to} then coalesce(${p.deliveredSeats}, 0) else 0 end), 0)::int`;

/** Delivered places per unit within the window, in the caller's scope (the KPI's figure and the totals'). */
export async function deliveredByUnit(db: Db, scope: DataScope, window: SeatWindow): Promise<Map<string, number>> {
  const rows = await db
    .select({ unitCode: p.unitCode, delivered: deliveredSql(window) })
    .from(p)
    .where(unitRecordScope(scope, p.unitCode))
    .groupBy(p.unitCode);
  return new Map(rows.map((r) => [r.unitCode, r.delivered]));
}

export interface SeatFigures {
  allocation: number;
  planned: number;
  delivered: number;
  projects: number;
  late: number;
  /** Projects by their stage ('none': not yet 立项). */
  byStage: Record<Milestone | 'none', number>;
}
const blank = (): SeatFigures => ({
  allocation: 0,
  planned: 0,
  delivered: 0,
  projects: 0,
  late: 0,
  byStage: Object.fromEntries([...MILESTONES, 'none'].map((s) => [s, 0])) as SeatFigures['byStage'],
});
const add = (into: SeatFigures, g: { n: number; planned: number; delivered: number; late: number; stage: Milestone | null }) => {
  into.projects += g.n;
  into.planned += g.planned;
  into.delivered += g.delivered;
  into.late += g.late;
  into.byStage[g.stage ?? 'none'] += g.n;
};

/**
 * The seat figures of a plan year in the caller's scope: the allocation, places planned, places delivered within the
 * window, projects by stage and the late ones — in total, per unit and per sector × area.
 */
export async function seatTotals(db: Db, scope: DataScope, plan: { year: number; window: SeatWindow }, today: string) {
  const [groups, allocation, units] = await Promise.all([
    db
      .select({
        unitCode: p.unitCode,
        sector: p.sector,
        area: p.area,
        stage: p.stage,
        n: sql<number>`count(*)::int`,
        planned: sql<number>`coalesce(sum(${p.plannedSeats}), 0)::int`,
        delivered: deliveredSql(plan.window),
        late: sql<number>`(count(*) filter (where ${lateSql(today)}))::int`,
      })
      .from(p)
      .where(unitRecordScope(scope, p.unitCode))
      .groupBy(p.unitCode, p.sector, p.area, p.stage),
    db
      .select({ unitCode: a.unitCode, sector: a.sector, area: a.area, seats: a.seats })
      .from(a)
      .where(and(eq(a.year, plan.year), unitRecordScope(scope, a.unitCode))),
    listUnits(db, scope),
  ]);
  const total = blank();
  const perUnit = new Map(units.map((u) => [u.code, blank()]));
  const split = SeatSector.options.flatMap((sector) => SeatArea.options.map((area) => ({ sector, area, ...blank() })));
  const cell = (sector: string, area: string) => split.find((s) => s.sector === sector && s.area === area)!;
  for (const g of groups) {
    add(total, g);
    const u = perUnit.get(g.unitCode);
    if (u) add(u, g);
    add(cell(g.sector, g.area), g);
  }
  for (const r of allocation) {
    total.allocation += r.seats;
    const u = perUnit.get(r.unitCode);
    if (u) u.allocation += r.seats;
    cell(r.sector, r.area).allocation += r.seats;
  }
  return {
    total,
    units: units.map((u) => ({ code: u.code, name: u.name, kind: u.kind, ...perUnit.get(u.code)! })),
    bySplit: split,
  };
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectSchedule, seatsDelivered, type Milestone } from '@hyedu/domain/funding';
import { HENGYANG_ORG_UNITS, HENGYANG_SEAT_WINDOW_2022, HENGYANG_TARGETS_2022 } from '@hyedu/domain/hengyang';
import type { Database } from '../client.ts';
import { fundingProjectMilestones, fundingSeatAllocations, fundingSeatProjects, kpiCountyTargets } from '../schema/index.ts';
import { openTestDatabase } from '../testing.ts';

const TODAY = '2022-11-30';

describe('the demo’s 学位建设', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase('pglite', { scale: 0.1, today: TODAY });
  }, 120_000);
  afterAll(() => database?.close());

  it('allocates exactly 33,730 places over every unit, and makes each share the unit’s KPI target', async () => {
    const rows = await database.db.select().from(fundingSeatAllocations);
    expect(rows.reduce((a, r) => a + r.seats, 0)).toBe(HENGYANG_TARGETS_2022.seatConstructionTarget);
    expect(new Set(rows.map((r) => r.unitCode))).toEqual(new Set(HENGYANG_ORG_UNITS.map((u) => u.code)));
    const targets = await database.db.select().from(kpiCountyTargets);
    const seats = targets.filter((t) => t.kpiId === 'funding.seats-delivered');
    expect(seats.reduce((a, t) => a + t.target, 0)).toBe(33_730);
  });

  it('has projects in every stage per unit, some late, some flagged; a bit more planned than allotted; 70–80% delivered', async () => {
    // The seven named projects are the named-projects demo's (their own test); these are the counties' projects.
    const projects = (await database.db.select().from(fundingSeatProjects)).filter((p) => p.namedKey === null);
    const milestones = await database.db.select().from(fundingProjectMilestones);
    for (const u of HENGYANG_ORG_UNITS) {
      const stages = new Set(projects.filter((p) => p.unitCode === u.code).map((p) => p.stage));
      expect([...stages].sort()).toEqual(['accepted', 'approved', 'in_use', 'started', 'topped_out', null].sort());
    }
    const planned = projects.reduce((a, p) => a + p.plannedSeats, 0);
    expect(planned / 33_730).toBeGreaterThan(1.02);
    expect(planned / 33_730).toBeLessThan(1.1);
    const delivered = projects.reduce((a, p) => a + seatsDelivered(p, HENGYANG_SEAT_WINDOW_2022), 0);
    expect(delivered / 33_730).toBeGreaterThan(0.7);
    expect(delivered / 33_730).toBeLessThan(0.8);
    expect(projects.filter((p) => p.flags.length > 0).length).toBeGreaterThan(projects.length / 3);
    // The denormalised columns agree with the milestones and the domain's schedule.
    let late = 0;
    for (const p of projects) {
      const mine = milestones.filter((m) => m.projectId === p.id);
      const planned = Object.fromEntries(mine.map((m) => [m.milestone, m.plannedOn])) as Partial<Record<Milestone, string>>;
      const reached = Object.fromEntries(mine.filter((m) => m.reachedOn).map((m) => [m.milestone, m.reachedOn!]));
      expect(Object.values(reached).every((d) => d <= TODAY)).toBe(true);
      const s = projectSchedule(p.kind, planned, reached, TODAY);
      expect(s.state === 'late').toBe(p.nextDue !== null && p.nextDue < TODAY && p.inUseOn === null);
      if (s.state === 'late') late++;
    }
    expect(late).toBeGreaterThanOrEqual(HENGYANG_ORG_UNITS.length * 2);
    // 衡南县 has a project at 竣工验收 awaiting 投入使用 (the browser test records it).
    expect(projects.some((p) => p.unitCode === '430422' && p.stage === 'accepted')).toBe(true);
  });
});

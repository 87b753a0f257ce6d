import { and, eq, gte, lte, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables, type Database } from '@hyedu/db';
import { openTestDatabase, testEngines } from '@hyedu/db/testing';
import { beijingDate, CAMPAIGN_TOPICS, coverageSince, coversCampaign, type SafetyTopic } from '@hyedu/domain';
import { coverageByUnit } from './activities.ts';
import { coversCampaignSql } from './campaign.ts';

const s = tables.schools;
const seven = CAMPAIGN_TOPICS.filter((t) => t !== 'school_bus');
/** The same cases as the domain's rule: all eight, all but 校车, one other missing, extra topics, nothing held. */
const CASES: (readonly SafetyTopic[] | null)[] = [
  CAMPAIGN_TOPICS,
  seven,
  seven.slice(1),
  [...CAMPAIGN_TOPICS.slice(1), 'epidemic', 'food_water'],
  ['school_bus', ...seven.slice(2)],
  [],
  null,
];
const asArray = (topics: readonly SafetyTopic[] | null) =>
  topics === null ? sql`null::text[]` : sql.raw(`array[${topics.map((t) => `'${t}'`).join(',')}]::text[]`);

describe.each(testEngines())('the campaign coverage SQL matches the domain rule on %s', (engine) => {
  let database: Database;
  const ids = { buses: 0, none: 0 };
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    const [withBuses] = await database.db.select({ id: s.id }).from(s).where(eq(s.runsBuses, true)).limit(1);
    const [without] = await database.db.select({ id: s.id }).from(s).where(eq(s.runsBuses, false)).limit(1);
    Object.assign(ids, { buses: withBuses!.id, none: without!.id });
  }, 120_000);
  afterAll(() => database?.close());

  it('asks 校车安全 only of a school that runs buses, as coversCampaign does, case by case', async () => {
    for (const [runsBuses, id] of [
      [true, ids.buses],
      [false, ids.none],
    ] as const) {
      const got: boolean[] = [];
      for (const topics of CASES) {
        const [row] = await database.db
          .select({ covers: sql<boolean>`${coversCampaignSql(asArray(topics))}` })
          .from(s)
          .where(eq(s.id, id));
        got.push(row!.covers);
      }
      const want = CASES.map((topics) => coversCampaign(topics ?? [], { runsBuses }));
      expect(got, `runsBuses ${runsBuses}`).toEqual(want);
    }
    expect(CASES.map((topics) => coversCampaign(topics ?? [], { runsBuses: true }))).toEqual([
      true,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(CASES.map((topics) => coversCampaign(topics ?? [], { runsBuses: false }))).toEqual([
      true,
      true,
      false,
      true,
      false,
      false,
      false,
    ]);
  });

  it('counts coverage per county as the domain would school by school (校车 only where buses run), on the demo data', async () => {
    const today = beijingDate(new Date()); // the test database's demo data lead up to today
    const a = tables.safetyActivities;
    const held = await database.db
      .select({ schoolId: a.schoolId, topic: a.topic })
      .from(a)
      .where(and(gte(a.heldOn, coverageSince(today)), lte(a.heldOn, today)));
    const topics = new Map<number, SafetyTopic[]>();
    for (const h of held) topics.set(h.schoolId, [...(topics.get(h.schoolId) ?? []), h.topic as SafetyTopic]);
    const all = await database.db.select({ id: s.id, unitCode: s.unitCode, runsBuses: s.runsBuses }).from(s);
    const want = new Map<string, { schools: number; covered: number; withBuses: number; bus: number }>();
    for (const school of all) {
      const w = want.get(school.unitCode) ?? { schools: 0, covered: 0, withBuses: 0, bus: 0 };
      const mine = topics.get(school.id) ?? [];
      w.schools++;
      if (coversCampaign(mine, school)) w.covered++;
      if (school.runsBuses) w.withBuses++;
      if (school.runsBuses && mine.includes('school_bus')) w.bus++;
      want.set(school.unitCode, w);
    }
    const { rows } = await coverageByUnit(database.db, { kind: 'all' }, today);
    expect(rows.length).toBe(want.size);
    for (const r of rows)
      expect({ schools: r.schools, covered: r.covered, withBuses: r.withBuses, bus: r.byTopic.school_bus }, r.unitCode).toEqual(
        want.get(r.unitCode),
      );
    // The demo has schools on both sides, and some without buses are covered only because 校车 is not asked of them.
    expect(all.some((x) => x.runsBuses) && all.some((x) => !x.runsBuses)).toBe(true);
    const eightOnly = all.filter((x) => coversCampaign(topics.get(x.id) ?? [], { runsBuses: true })).length;
    expect(rows.reduce((n, r) => n + r.covered, 0)).toBeGreaterThan(eightOnly);
  });
});

import { inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables, type Database } from '@hyedu/db';
import { openTestDatabase, testEngines } from '@hyedu/db/testing';
import { beijingDate, HAZARD_COUNTED_STATES, HAZARD_OPEN_STATES, hazardLateness, type HazardStatus } from '@hyedu/domain';
import { countedSql, countyLateSql, openSql, overdueSql, schoolLateSql } from './overdue.ts';

const h = tables.safetyHazards;
const TODAY = '2022-11-30';
/** The same cases as the domain's rule: deadline edges, submission edges around the 15-day limit (UTC+8 at midnight). */
const CASES: { status: HazardStatus; deadline: string | null; submittedAt: string | null }[] = [
  { status: 'pending', deadline: '2022-11-29', submittedAt: null },
  { status: 'pending', deadline: '2022-11-30', submittedAt: null },
  { status: 'rectifying', deadline: '2022-11-29', submittedAt: null },
  { status: 'rectifying', deadline: null, submittedAt: null },
  { status: 'awaiting_acceptance', deadline: '2022-10-01', submittedAt: '2022-11-20T02:00:00Z' },
  { status: 'awaiting_acceptance', deadline: '2022-10-01', submittedAt: '2022-11-15T02:00:00Z' },
  { status: 'awaiting_acceptance', deadline: '2022-10-01', submittedAt: '2022-11-14T15:59:00Z' }, // 2022-11-14 23:59 in Beijing
  { status: 'awaiting_acceptance', deadline: '2022-10-01', submittedAt: '2022-11-14T16:01:00Z' }, // 2022-11-15 00:01 in Beijing
  { status: 'awaiting_acceptance', deadline: '2022-10-01', submittedAt: null },
  { status: 'closed', deadline: '2022-10-01', submittedAt: '2022-10-01T02:00:00Z' },
  { status: 'voided', deadline: '2022-10-01', submittedAt: null },
];

describe.each(testEngines())('the overdue SQL helper matches the domain rule on %s', (engine) => {
  let database: Database;
  const ids: number[] = [];
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    const [school] = await database.db.select({ id: tables.schools.id, unitCode: tables.schools.unitCode }).from(tables.schools).limit(1);
    for (const c of CASES) {
      const [row] = await database.db
        .insert(h)
        .values({
          schoolId: school!.id,
          unitCode: school!.unitCode,
          source: 'self',
          category: 'fire',
          severity: 'ordinary',
          foundOn: '2022-09-01',
          description: '灭火器压力不足',
          responsiblePerson: '张建国',
          deadline: c.deadline,
          status: c.status,
          reportedBy: 'school',
          reportedAt: new Date('2022-09-01T02:00:00Z'),
          submittedAt: c.submittedAt ? new Date(c.submittedAt) : null,
        })
        .returning({ id: h.id });
      ids.push(row!.id);
    }
  }, 120_000);
  afterAll(() => database?.close());

  it('gives each hazard the lateness hazardLateness gives it: school, county or none', async () => {
    const rows = await database.db
      .select({
        id: h.id,
        school: sql<boolean>`${schoolLateSql(TODAY)}`,
        county: sql<boolean>`${countyLateSql(TODAY)}`,
        any: sql<boolean>`${overdueSql(TODAY)}`,
      })
      .from(h)
      .where(inArray(h.id, ids));
    const got = ids.map((id) => rows.find((r) => r.id === id)!).map((r) => (r.school ? 'school' : r.county ? 'county' : null));
    const want = CASES.map((c) =>
      hazardLateness(
        { status: c.status, deadline: c.deadline, submittedOn: c.submittedAt ? beijingDate(new Date(c.submittedAt)) : null },
        TODAY,
      ),
    );
    expect(want).toEqual(['school', null, 'school', null, null, null, 'county', null, null, null, null]);
    expect(got).toEqual(want);
    expect(rows.filter((r) => r.any).length).toBe(3);
  });

  it('counts open and counted hazards as the domain’s HAZARD_OPEN_STATES and HAZARD_COUNTED_STATES (作废 in neither)', async () => {
    const rows = await database.db
      .select({ id: h.id, open: sql<boolean>`${openSql()}`, counted: sql<boolean>`${countedSql()}` })
      .from(h)
      .where(inArray(h.id, ids));
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(ids.map((id) => byId.get(id)!.open)).toEqual(CASES.map((c) => HAZARD_OPEN_STATES.includes(c.status)));
    expect(ids.map((id) => byId.get(id)!.counted)).toEqual(CASES.map((c) => HAZARD_COUNTED_STATES.includes(c.status)));
    expect(rows.filter((r) => !r.counted).length).toBe(1);
  });
});

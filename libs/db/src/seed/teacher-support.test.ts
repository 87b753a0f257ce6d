import { asc, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gateRefusal, NOMINATION_COUNTED, NOMINATION_WORKFLOW } from '@hyedu/domain/teachers';
import type { Database } from '../client.ts';
import {
  orgUnits,
  teacherBlacklist,
  teacherEntries,
  teacherHonourRounds,
  teacherNominations,
  teacherStaff,
  teacherSupportDispatches,
  teacherSupportNeeds,
} from '../schema/index.ts';
import { openTestDatabase } from '../testing.ts';

const TODAY = '2022-11-30';

describe('the 支教 and 表彰 demo data (with the staff registry)', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase('pglite', { scale: 0.02, staffRegistry: true, today: TODAY });
  }, 600_000);
  afterAll(() => database?.close());

  it('has 2022-2023 needs in every county, most partly filled, each dispatch admitted through the gate from another school', async () => {
    const { db } = database;
    const needs = await db.select().from(teacherSupportNeeds);
    const dispatches = await db.select().from(teacherSupportDispatches).orderBy(asc(teacherSupportDispatches.id));
    // every county and county-level city (the rural schools are theirs)
    const counties = await db
      .select({ code: orgUnits.code })
      .from(orgUnits)
      .where(inArray(orgUnits.kind, ['county', 'county_city']));
    for (const c of counties)
      expect(
        needs.some((n) => n.unitCode === c.code),
        c.code,
      ).toBe(true);
    expect(needs.every((n) => n.schoolYear === '2022-2023')).toBe(true);
    const sent = (id: number) => dispatches.filter((d) => d.needId === id).length;
    needs.forEach((n) => expect(sent(n.id)).toBeLessThanOrEqual(n.needed));
    const partly = needs.filter((n) => sent(n.id) > 0 && sent(n.id) < n.needed).length;
    const waiting = needs.filter((n) => sent(n.id) === 0).length;
    // Some partly filled, some waiting (at this test's scale a small county runs out of town teachers to send, so how
    // many are filled depends on the registry; at full scale most are).
    expect(partly).toBeGreaterThan(0);
    expect(dispatches.length).toBeGreaterThan(0);
    expect(waiting).toBeGreaterThan(0);
    const staff = new Map((await db.select().from(teacherStaff)).map((s) => [s.id, s]));
    const entries = new Map((await db.select().from(teacherEntries)).map((e) => [e.id, e]));
    const listed = await db.select().from(teacherBlacklist);
    for (const d of dispatches) {
      const s = staff.get(d.staffId)!;
      expect(s.leftOn).toBeNull();
      expect(s.schoolId).not.toBe(d.schoolId);
      const e = entries.get(d.entryId!)!;
      expect(e).toMatchObject({ kind: 'support', refusal: null, schoolId: d.schoolId });
      const blacklist = listed
        .filter((b) => b.idIndex === d.idIndex)
        .map((b) => ({ from: b.fromDate, until: b.untilDate, liftedOn: b.liftedOn }));
      expect(
        gateRefusal({ kind: 'support', query: { queriedOn: e.queriedOn!, result: e.queryResult! }, blacklist, entersOn: d.startsOn }),
      ).toBeNull();
    }
  });

  it('has a 2022 市级优秀教师 round with nominations in every state, none over a county quota', async () => {
    const { db } = database;
    const [round] = await db.select().from(teacherHonourRounds);
    expect(round).toMatchObject({ name: '优秀教师', year: 2022, level: 'city' });
    const nominations = await db.select().from(teacherNominations);
    expect(new Set(nominations.map((n) => n.status))).toEqual(new Set(NOMINATION_WORKFLOW.states));
    for (const [unit, quota] of Object.entries(round!.quotas))
      expect(nominations.filter((n) => n.unitCode === unit && NOMINATION_COUNTED.includes(n.status)).length).toBeLessThanOrEqual(quota);
    expect(nominations.filter((n) => n.status === 'refused').every((n) => n.reason)).toBe(true);
  });
});

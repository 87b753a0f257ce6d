import { and, eq, gte } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AS_OF, tables, type Database } from '@hyedu/db';
import { openTestDatabase, testEngines } from '@hyedu/db/testing';
import { campaignTopicsFor, coverageSince } from '@hyedu/domain';
import { KPI_SOURCES } from '../../kpi/registry.ts';
import { appRouter } from '../../router.ts';
import { callerWithCookie, failure, signIn } from '../../testing.ts';
import type { Meta } from '../../trpc.ts';

const { safetyActivities: a, schools } = tables;

describe.each(testEngines())('safety activities on %s', (engine) => {
  let database: Database;
  let cookie = '';
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    cookie = await signIn(database, 'safety');
  }, 120_000);
  afterAll(() => database?.close());

  it('pages the year’s activities by key: the pages after a cursor are the pages by offset, ties on a day included', async () => {
    const city = await callerWithCookie(database, cookie);
    const byOffset = await Promise.all([1, 2, 3, 4].map((page) => city.safety.activities.list({ page, pageSize: 7 })));
    expect(byOffset[3]!.rows).toHaveLength(7);
    let after: string | undefined;
    for (const [i, expected] of byOffset.entries()) {
      const page = await city.safety.activities.list({ page: i + 1, pageSize: 7, after });
      expect(page.rows.map((r) => r.id)).toEqual(expected.rows.map((r) => r.id));
      expect(page.total).toBe(expected.total);
      after = page.next ?? undefined;
    }
    expect(await failure(city.safety.activities.list({ page: 2, pageSize: 7, after: Buffer.from('[1]').toString('base64url') }))).toEqual({
      code: 'BAD_REQUEST',
      message: '翻页位置无效，请从第一页重新翻页',
    });
  });

  it('recording activities moves no KPI but the one its procedure declares, so the dashboard recomputes only that one', async () => {
    const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { meta?: Meta } }>;
    const moves: readonly string[] = procedures['safety.activities.create']!._def.meta?.moves ?? [];
    expect(moves).toEqual(['safety.campaign-coverage']);
    const every = async () =>
      new Map(
        await Promise.all(
          [...KPI_SOURCES.values()].map(async (s) => [s.id, [...(await s.byUnit(database.db, { kind: 'all' }, DEMO_AS_OF))]] as const),
        ),
      );
    // A county school not yet covered: recording the campaign topics it lacks makes it covered.
    const held = await database.db
      .selectDistinct({ schoolId: a.schoolId, topic: a.topic })
      .from(a)
      .where(and(eq(a.unitCode, '430422'), gte(a.heldOn, coverageSince(DEMO_AS_OF))));
    const countySchools = await database.db
      .select({ id: schools.id, runsBuses: schools.runsBuses })
      .from(schools)
      .where(eq(schools.unitCode, '430422'));
    const lacking = countySchools
      .map((school) => ({
        id: school.id,
        topics: campaignTopicsFor(school).filter((t) => !held.some((h) => h.schoolId === school.id && h.topic === t)),
      }))
      .find((school) => school.topics.length > 0)!;
    const before = await every();
    const county = await callerWithCookie(database, await signIn(database, 'hengnan'));
    for (const topic of lacking.topics)
      await county.safety.activities.create({
        schoolId: lacking.id,
        topic,
        heldOn: DEMO_AS_OF,
        title: `专项教育（${topic}）`,
        participants: 30,
      });
    const after = await every();
    const moved = [...before.keys()].filter((id) => JSON.stringify(after.get(id)) !== JSON.stringify(before.get(id)));
    expect(moved).toEqual(moves);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AS_OF, type Database } from '@hyedu/db';
import { openTestDatabase, testEngines } from '@hyedu/db/testing';
import { callerAs, procedures } from './testing.ts';

/**
 * Every list that pages by key (its input has `after`) gives the same second page by key as by offset, and its last
 * page says there is nothing after it. The lists are found in the router; each is read by its module's 科室 with the
 * fields its input requires.
 */
const LISTS: Record<string, { user: string; input?: Record<string, unknown> }> = {
  'safety.hazards.list': { user: 'safety' },
  'safety.activities.list': { user: 'safety' },
  'privateEdu.training.list': { user: 'privedu' },
  'teachers.staff.list': { user: 'teachers' },
  'teachers.registration.list': { user: 'teachers' },
  'teachers.appraisal.list': { user: 'teachers' },
  'teachers.training.records.list': { user: 'teachers' },
  'funding.aid.payments': { user: 'zizhu', input: { semester: '2022-2' } },
};

type Page = { rows: unknown[]; total: number; next?: string | null };

const hasCursor = (inputs: readonly unknown[]) =>
  inputs.some((i) => {
    const shape = (i as { shape?: Record<string, unknown> } | undefined)?.shape;
    return !!shape && 'after' in shape;
  });

describe.each(testEngines())('lists paged by key on %s', (engine) => {
  let database: Database;
  // The demo's date (its payments and appraisals lead up to it) and the staff registry, at a fiftieth of the city.
  beforeAll(async () => void (database = await openTestDatabase(engine, { scale: 0.02, staffRegistry: true, today: DEMO_AS_OF })), 300_000);
  afterAll(() => database?.close());

  it('names every list whose input takes a cursor', () => {
    expect(
      procedures()
        .filter((p) => hasCursor(p.inputs))
        .map((p) => p.path)
        .sort(),
    ).toEqual(Object.keys(LISTS).sort());
  });

  it.each(Object.entries(LISTS))('%s: the page after a key is the page at its offset', async (path, { user, input }) => {
    const api = await callerAs(database, user);
    const procedure = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], api) as (
      a: Record<string, unknown>,
    ) => Promise<Page>;
    const list = (args: Record<string, unknown>) => procedure({ ...input, pageSize: 5, ...args });
    const first = await list({ page: 1 });
    expect(first.total).toBeGreaterThan(10);
    expect(first.next).toEqual(expect.any(String));
    const byKey = await list({ page: 2, after: first.next });
    const byOffset = await list({ page: 2 });
    expect(byKey.rows).toEqual(byOffset.rows);
    expect(byKey.rows).toHaveLength(5);
    const last = await list({ page: Math.ceil(first.total / 100) + 1, pageSize: 100 });
    expect(last.rows).toEqual([]);
    expect(last.next ?? null).toBeNull();
  });
});

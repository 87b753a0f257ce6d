import { isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AS_OF } from '@hyedu/domain';
import type { Database } from '../client.ts';
import { planMilestones, progressReports } from '../schema/index.ts';
import { openTestDatabase, TEST_KEYS, testEngines } from '../testing.ts';
import { seedDemoData } from './index.ts';

describe.each(testEngines())('demo plan progress as of the demo date on %s', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(engine, false);
    await seedDemoData(database.db, { scale: 0.02, dataKey: TEST_KEYS.dataKey, indexKey: TEST_KEYS.indexKey, today: DEMO_AS_OF });
  }, 300_000);
  afterAll(() => database?.close());

  it('has no report or completed milestone after the as-of date, and every done milestone is backed by a later report', async () => {
    const reports = await database.db
      .select({ period: progressReports.period, taskId: progressReports.taskId, submittedAt: progressReports.submittedAt })
      .from(progressReports);
    expect(reports.length).toBeGreaterThan(0);
    const periods = new Set(reports.map((r) => r.period));
    expect([...periods].sort().at(-1)).toBe('2022-11'); // 28 November is before 30 November; December has not happened
    const asOf = Date.parse(`${DEMO_AS_OF}T00:00:00+08:00`);
    expect(reports.every((r) => r.submittedAt.getTime() < asOf)).toBe(true);
    const done = await database.db
      .select({ taskId: planMilestones.taskId, doneOn: planMilestones.doneOn })
      .from(planMilestones)
      .where(isNotNull(planMilestones.doneOn));
    expect(done.length).toBeGreaterThan(0);
    for (const m of done) {
      expect(m.doneOn! < DEMO_AS_OF).toBe(true);
      expect(reports.some((r) => r.taskId === m.taskId && `${r.period}-28` >= m.doneOn!)).toBe(true);
    }
  });
});

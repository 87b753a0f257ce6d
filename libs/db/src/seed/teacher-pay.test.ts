import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bonusLate, payBelowBenchmark } from '@hyedu/domain/teachers';
import type { Database } from '../client.ts';
import { teacherPayRectifications, teacherPayReturns } from '../schema/index.ts';
import { openTestDatabase } from '../testing.ts';

describe('the demo’s 教师工资保障 returns', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase('pglite');
  }, 120_000);
  afterAll(() => database?.close());

  it('13 units × 2020–2022; in 2022 two below, one late; stored verdicts agree with the rules; cases in four states', async () => {
    const rows = await database.db.select().from(teacherPayReturns);
    expect(rows).toHaveLength(39);
    const y2022 = rows.filter((r) => r.year === 2022);
    expect(
      y2022
        .filter((r) => r.below)
        .map((r) => r.unitCode)
        .sort(),
    ).toEqual(['430426', '430481']);
    expect(y2022.filter((r) => r.bonusLate).map((r) => r.unitCode)).toEqual(['430422']);
    expect(y2022.filter((r) => r.status !== 'accepted').map((r) => r.unitCode)).toEqual(['430472']);
    for (const r of rows) {
      const judged = {
        teacherAvgPay: r.teacherAvgPay,
        civilServantAvgPay: r.civilServantAvgPay,
        civilServantBonusOn: r.civilServantBonusOn ?? undefined,
        teacherBonusOn: r.teacherBonusOn ?? undefined,
      };
      expect([r.below, r.bonusLate]).toEqual([payBelowBenchmark(judged), bonusLate(judged)]);
    }
    const cases = await database.db.select().from(teacherPayRectifications);
    expect(cases.map((c) => c.status).sort()).toEqual(['closed', 'closed', 'found', 'rectifying', 'reported']);
  });
});

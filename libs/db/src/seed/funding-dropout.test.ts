import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ageRefusal, attemptRefusal, DROPOUT_WORKFLOW, returnDue, returnLate } from '@hyedu/domain/funding';
import type { Database } from '../client.ts';
import { decryptField } from '../field-crypto.ts';
import { fundingDropoutAttempts, fundingDropoutCases, fundingDropoutReturns, fundingMigrantFigures, orgUnits } from '../schema/index.ts';
import { openTestDatabase, TEST_KEYS } from '../testing.ts';
import { MIGRANT_BLANK, QUARTER_UNFILED } from './funding-dropout.ts';

const TODAY = '2022-11-30';

describe('the demo’s 控辍保学 and 随迁子女', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase('pglite');
  }, 120_000);
  afterAll(() => database?.close());

  it('a year of cases in every county: cleared, brought back and closed, in 送教上门, still open, unverified', async () => {
    const rows = await database.db.select().from(fundingDropoutCases);
    const attempts = await database.db.select().from(fundingDropoutAttempts);
    const counties = (await database.db.select({ code: orgUnits.code, kind: orgUnits.kind }).from(orgUnits)).filter(
      (c) => c.kind !== 'city',
    );
    // Every county with a school teaching compulsory grades at the test's scale.
    for (const c of counties.filter((x) => rows.some((r) => r.unitCode === x.code))) {
      const states = new Set(rows.filter((r) => r.unitCode === c.code).map((r) => r.status));
      for (const s of ['cleared', 'closed', 'home_taught', 'suspected'] as const) expect(states.has(s), `${c.code} ${s}`).toBe(true);
      expect(states.has('confirmed') || states.has('persuading'), c.code).toBe(true);
    }
    for (const r of rows) {
      expect(r.foundOn >= '2021-12-01' && r.foundOn <= TODAY, String(r.id)).toBe(true);
      expect(ageRefusal(r.birthDate, r.foundOn), String(r.id)).toBeNull();
      const id = decryptField(TEST_KEYS.dataKey, r.idCipher, `funding_dropout_case:${r.idIndex}`);
      expect(`${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`).toBe(r.birthDate);
      const own = attempts.filter((a) => a.caseId === r.id);
      expect(own.length, String(r.id)).toBe(r.attempts);
      for (const a of own) expect(attemptRefusal(a.on, r, TODAY), String(r.id)).toBeNull();
      if (r.status === 'returned' || r.status === 'closed') expect(own.at(-1)?.result).toBe('returned');
      if (r.status === 'closed') expect(r.closedOn! <= TODAY && r.closedOn! > r.returnedOn!).toBe(true);
      if (r.status === 'cleared') expect(r.clearedReason).toBeTruthy();
      if (['confirmed', 'persuading', 'returned', 'closed'].includes(r.status)) expect(r.confirmedOn).not.toBeNull();
      expect(DROPOUT_WORKFLOW.states).toContain(r.status);
    }
  });

  it('monthly school returns and quarterly county reviews, some late and some missing; the demo counties’ 2022-Q3 unfiled', async () => {
    const returns = await database.db.select().from(fundingDropoutReturns);
    const months = returns.filter((r) => r.kind === 'school_month');
    const quarters = returns.filter((r) => r.kind === 'county_quarter');
    expect(months.length).toBeGreaterThan(100);
    for (const r of returns) {
      expect(r.dueOn).toBe(returnDue(r.period));
      expect(r.filedOn <= TODAY).toBe(true);
    }
    expect(months.some((r) => returnLate(r.dueOn, r.filedOn, TODAY))).toBe(true);
    expect(months.some((r) => !returnLate(r.dueOn, r.filedOn, TODAY))).toBe(true);
    for (const code of QUARTER_UNFILED) expect(quarters.some((r) => r.unitCode === code && r.period === '2022-Q3')).toBe(false);
    expect(quarters.filter((r) => r.period === '2022-Q3').length).toBe(13 - QUARTER_UNFILED.length);
  });

  it('随迁子女 figures of three 学年 per county, one county without 2022-2023', async () => {
    const rows = await database.db.select().from(fundingMigrantFigures);
    expect(rows.length).toBe(13 * 3 - 1);
    expect(rows.filter((r) => r.unitCode === MIGRANT_BLANK).map((r) => r.schoolYear)).toEqual(['2020-2021', '2021-2022']);
    for (const r of rows) expect(r.publicSchools + r.purchased <= r.total).toBe(true);
    expect((await database.db.select().from(fundingMigrantFigures).where(eq(fundingMigrantFigures.schoolYear, '2022-2023'))).length).toBe(
      12,
    );
  });
});

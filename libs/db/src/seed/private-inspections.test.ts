import { and, count, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../client.ts';
import { accounts, privateInspectionOpinions, privateInspections, schools } from '../schema/index.ts';
import { openTestDatabase } from '../testing.ts';

describe('the demo’s 年检', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase('pglite');
  }, 120_000);
  afterAll(() => database?.close());

  it('cover every fifth private school in every state; one fails, those at 联审 await 安全稳定科, the minban school has none', async () => {
    const db = database.db;
    const [privates] = await db.select({ n: count() }).from(schools).where(eq(schools.ownership, 'private'));
    const rows = await db.select().from(privateInspections);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThanOrEqual(Math.ceil(privates!.n / 5));
    expect(new Set(rows.map((r) => r.status)).size).toBe(Math.min(7, rows.length));
    const failed = rows.filter((r) => r.grade === 'fail');
    expect(failed.map((r) => [r.year, r.enrolmentStoppedYear])).toEqual([[2022, 2023]]);
    expect(rows.filter((r) => r.grade !== 'fail').every((r) => r.enrolmentStoppedYear === null)).toBe(true);
    const awaiting = await db
      .select({ id: privateInspectionOpinions.inspectionId })
      .from(privateInspectionOpinions)
      .innerJoin(privateInspections, eq(privateInspections.id, privateInspectionOpinions.inspectionId))
      .where(and(isNull(privateInspectionOpinions.verdict), eq(privateInspectionOpinions.dept, 'safety')));
    expect(awaiting.length).toBe(rows.filter((r) => r.status === 'joint_review').length);
    const [minban] = await db.select({ grants: accounts.grants }).from(accounts).where(eq(accounts.username, 'minban'));
    const schoolId = (minban!.grants as { schoolId: number }[])[0]!.schoolId;
    expect(rows.some((r) => r.schoolId === schoolId)).toBe(false);
  });
});

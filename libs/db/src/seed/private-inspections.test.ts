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

  it('cover nearly every private school, in every state by the demo’s date; one fails, those at 联审 await 安全稳定科, the minban school has none', async () => {
    const db = database.db;
    const [privates] = await db.select({ n: count() }).from(schools).where(eq(schools.ownership, 'private'));
    const rows = await db.select().from(privateInspections);
    // One in 40 not opened yet: the rest have a record, and all but one in 40 of those have submitted their materials.
    expect(rows.length).toBeLessThan(privates!.n);
    expect(rows.length).toBeGreaterThanOrEqual(Math.floor(((privates!.n - 1) * 39) / 40));
    const submitted = rows.filter((r) => r.status !== 'materials').length / privates!.n;
    expect(submitted).toBeGreaterThan(0.9);
    expect(submitted).toBeLessThan(1);
    expect(new Set(rows.map((r) => r.status)).size).toBe(7);
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

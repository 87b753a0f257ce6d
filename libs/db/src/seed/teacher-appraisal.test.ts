import { and, eq, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  REGISTRATION_DUE_SOON_DAYS,
  REGISTRATION_MIN_HOURS,
  REGISTRATION_PERIOD_YEARS,
  registrationStanding,
} from '@hyedu/domain/teachers';
import type { Database } from '../client.ts';
import { schools, teacherAppraisals, teacherRegistrations, teacherStaff } from '../schema/index.ts';
import { openTestDatabase } from '../testing.ts';
import { APPRAISAL_SEED_YEARS } from './teacher-appraisal.ts';

const TODAY = '2022-11-30';

describe('the demo appraisals and registrations (seeded with the staff registry)', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase('pglite', { scale: 0.02, staffRegistry: true, today: TODAY });
  }, 600_000);
  afterAll(() => database?.close());

  it('gives every 专任教师 in post one appraisal per year, mostly 合格, about 15% 优秀, a few below', async () => {
    const db = database.db;
    const [teachers] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(teacherStaff)
      .where(and(isNull(teacherStaff.leftOn), eq(teacherStaff.post, 'teacher')));
    const byResult = await db
      .select({ result: teacherAppraisals.result, n: sql<number>`count(*)::int` })
      .from(teacherAppraisals)
      .groupBy(teacherAppraisals.result);
    const total = byResult.reduce((s, r) => s + r.n, 0);
    expect(total).toBe(teachers!.n * APPRAISAL_SEED_YEARS.length);
    const share = (r: string) => (byResult.find((x) => x.result === r)?.n ?? 0) / total;
    expect(share('competent')).toBeGreaterThan(0.75);
    expect(share('excellent')).toBeGreaterThan(0.12);
    expect(share('excellent')).toBeLessThan(0.18);
    expect(share('basic') + share('incompetent')).toBeGreaterThan(0);
  });

  it('registers most teachers validly, ~2% overdue and ~5% due soon; the demo primary school has one of each', async () => {
    const rows = await database.db
      .select({
        outcome: teacherRegistrations.outcome,
        validUntil: teacherRegistrations.validUntil,
        registeredOn: teacherRegistrations.registeredOn,
      })
      .from(teacherRegistrations);
    expect(rows.length).toBeGreaterThan(100);
    for (const r of rows.slice(0, 50))
      expect(Number(r.validUntil.slice(0, 4)) - Number(r.registeredOn.slice(0, 4))).toBe(REGISTRATION_PERIOD_YEARS);
    const standing = rows.map((r) => registrationStanding(r, TODAY));
    const share = (s: string) => standing.filter((x) => x === s).length / rows.length;
    expect(share('valid')).toBeGreaterThan(0.85);
    expect(share('overdue')).toBeGreaterThan(0.005);
    expect(share('overdue')).toBeLessThan(0.05);
    expect(share('dueSoon')).toBeGreaterThan(0.03);
    expect(share('dueSoon')).toBeLessThan(0.08);
    const [primary] = await database.db
      .select({ id: schools.id })
      .from(schools)
      .where(and(eq(schools.unitCode, '430422'), eq(schools.ownership, 'public'), eq(schools.level, 'primary')))
      .orderBy(schools.code)
      .limit(1);
    const demo = await database.db
      .select({ outcome: teacherRegistrations.outcome, validUntil: teacherRegistrations.validUntil })
      .from(teacherRegistrations)
      .innerJoin(teacherStaff, eq(teacherStaff.idIndex, teacherRegistrations.idIndex))
      .where(and(eq(teacherStaff.schoolId, primary!.id), isNull(teacherStaff.leftOn)));
    const demoStanding = demo.map((r) => registrationStanding(r, TODAY));
    expect(demoStanding).toContain('overdue');
    expect(demoStanding).toContain('dueSoon');
  });

  it('gives the teachers due to register their 继续教育 hours: most reach the 360, about one in ten falls short', async () => {
    const rows = await database.db.execute(sql`
      select g.id_index, g.registered_on::text as base,
        (select coalesce(sum(r.hours), 0)::int from teacher_training_records r where r.id_index = g.id_index
          and r.recorded_on >= greatest(g.registered_on, (${TODAY}::date - make_interval(years => 5))::date + 1)
          and r.recorded_on <= ${TODAY}::date) as hours
      from teacher_registrations g
      where g.outcome <> 'deferred' and g.valid_until <= ${TODAY}::date + ${REGISTRATION_DUE_SOON_DAYS}::int`);
    const due = (rows as unknown as { rows: { hours: number }[] }).rows;
    expect(due.length).toBeGreaterThan(50);
    const enough = due.filter((r) => r.hours >= REGISTRATION_MIN_HOURS).length / due.length;
    expect(enough).toBeGreaterThan(0.8);
    expect(enough).toBeLessThan(0.97);
  });
});

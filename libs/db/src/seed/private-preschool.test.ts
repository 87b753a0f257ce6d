import { and, eq, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HENGYANG_TARGETS_2022 } from '@hyedu/domain/hengyang';
import { grossEnrolmentRate } from '@hyedu/domain/private-edu';
import type { Database } from '../client.ts';
import { privatePreschoolPopulations, schoolCensus, schoolEnrolment, schools } from '../schema/index.ts';
import { openTestDatabase } from '../testing.ts';

describe('the demo’s 3–5 populations', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase('pglite');
  }, 120_000);
  afterAll(() => database?.close());

  it('put the city near 90% at the latest census, one or two counties under 85%, one above 100%, one year left blank', async () => {
    const db = database.db;
    const children = await db
      .select({ unitCode: schools.unitCode, schoolYear: schoolCensus.schoolYear, n: sql<number>`sum(${schoolEnrolment.students})::int` })
      .from(schoolCensus)
      .innerJoin(schools, eq(schools.id, schoolCensus.schoolId))
      .innerJoin(
        schoolEnrolment,
        and(
          eq(schoolEnrolment.schoolId, schoolCensus.schoolId),
          eq(schoolEnrolment.schoolYear, schoolCensus.schoolYear),
          like(schoolEnrolment.grade, 'K%'),
        ),
      )
      .groupBy(schools.unitCode, schoolCensus.schoolYear);
    const populations = await db.select().from(privatePreschoolPopulations);
    const latest = children
      .map((c) => c.schoolYear)
      .sort()
      .at(-1)!;
    const kids = (unit: string, year: string) => children.find((c) => c.unitCode === unit && c.schoolYear === year)?.n ?? 0;
    const now = populations.filter((p) => p.schoolYear === latest);
    expect(now.length).toBe(13);
    const rates = now.map((p) => grossEnrolmentRate(kids(p.unitCode, latest), p.population)!);
    // The city: every 在园 child (局直 included) over the counties' populations.
    const all = children.filter((c) => c.schoolYear === latest).reduce((a, c) => a + c.n, 0);
    const city = grossEnrolmentRate(
      all,
      now.reduce((a, p) => a + p.population, 0),
    )!;
    expect(city).toBeGreaterThan(0.88);
    expect(city).toBeLessThan(0.93);
    const below = rates.filter((r) => r < HENGYANG_TARGETS_2022.preschoolGrossEnrolmentTarget).length;
    expect(below).toBeGreaterThanOrEqual(1);
    expect(below).toBeLessThanOrEqual(2);
    expect(rates.filter((r) => r > 1).length).toBe(1);
    const years = new Set(children.map((c) => c.schoolYear));
    expect(populations.length).toBe(13 * years.size - 1);
  });
});

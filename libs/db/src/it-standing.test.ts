import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itRollup } from '@hyedu/domain/teachers';
import type { Database, Engine } from './client.ts';
import { refreshItStanding } from './it-standing.ts';
import { teacherStaff, teacherTrainingProjects, teacherTrainingRecords } from './schema/index.ts';
import { openTestDatabase, testEngines } from './testing.ts';

/** Every staff row's rollup against the domain's `itRollup` over that person's records. */
async function mismatches(database: Database) {
  const { db } = database;
  const records = await db
    .select({
      idIndex: teacherTrainingRecords.idIndex,
      hours: teacherTrainingRecords.hours,
      recordedOn: teacherTrainingRecords.recordedOn,
      itCapability: teacherTrainingProjects.itCapability,
    })
    .from(teacherTrainingRecords)
    .innerJoin(teacherTrainingProjects, eq(teacherTrainingProjects.id, teacherTrainingRecords.projectId));
  const byPerson = new Map<string, typeof records>();
  for (const r of records) byPerson.set(r.idIndex, [...(byPerson.get(r.idIndex) ?? []), r]);
  const staff = await db
    .select({ id: teacherStaff.id, idIndex: teacherStaff.idIndex, metUntil: teacherStaff.itMetUntil, lastOn: teacherStaff.itLastOn })
    .from(teacherStaff);
  return staff.filter((s) => {
    const want = itRollup(byPerson.get(s.idIndex) ?? []);
    return want.metUntil !== s.metUntil || want.lastOn !== s.lastOn;
  });
}

describe.each(testEngines())('the IT 2.0 rollup on the staff rows (%s)', (engine: Engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(engine, { scale: 0.02, staffRegistry: true, today: '2022-11-30' }, { fresh: true });
  }, 300_000);
  afterAll(() => database?.close());

  it('the demo data leaves every staff row as the domain would compute it', async () => {
    const staff = await database.db.select({ n: sql<number>`count(*)::int` }).from(teacherStaff);
    expect(staff[0]!.n).toBeGreaterThan(1000);
    expect(await mismatches(database)).toEqual([]);
  });

  it('a refresh for some people follows new records (leap days, records after the business day) and leaves the others alone', async () => {
    const { db } = database;
    const people = await db
      .select({ id: teacherStaff.id, idIndex: teacherStaff.idIndex, schoolId: teacherStaff.schoolId, unitCode: teacherStaff.unitCode })
      .from(teacherStaff)
      .where(and(isNull(teacherStaff.leftOn), eq(teacherStaff.post, 'teacher')))
      .orderBy(asc(teacherStaff.id))
      .limit(40);
    const [project] = await db
      .insert(teacherTrainingProjects)
      .values({
        tier: 'municipal',
        name: '测试：信息技术2.0 补充研修',
        year: 2020,
        organiser: '衡阳市教育局',
        plannedHours: 60,
        itCapability: true,
        unitCode: people[0]!.unitCode,
        createdBy: 'test',
        createdAt: new Date(),
      })
      .returning({ id: teacherTrainingProjects.id });
    const days = ['2020-02-29', '2021-03-01', '2019-12-01', '2023-05-01', '2022-11-30'];
    await db.insert(teacherTrainingRecords).values(
      people.map((p, i) => ({
        projectId: project!.id,
        staffId: p.id,
        idIndex: p.idIndex,
        schoolId: p.schoolId,
        unitCode: p.unitCode,
        hours: (i * 7) % 61,
        completed: true,
        recordedOn: days[i % days.length]!,
        createdBy: 'test',
        createdAt: new Date(),
      })),
    );
    // Stale until refreshed: the new records change some people's standing.
    expect((await mismatches(database)).length).toBeGreaterThan(0);
    await refreshItStanding(
      db,
      people.slice(0, 20).map((p) => p.idIndex),
    );
    const stale = await mismatches(database);
    expect(stale.length).toBeGreaterThan(0);
    expect(stale.every((s) => people.slice(20).some((p) => p.id === s.id))).toBe(true);
    await refreshItStanding(
      db,
      sql`select ${teacherTrainingRecords.idIndex} from ${teacherTrainingRecords} where ${teacherTrainingRecords.projectId} = ${project!.id}`,
    );
    expect(await mismatches(database)).toEqual([]);
  });
});

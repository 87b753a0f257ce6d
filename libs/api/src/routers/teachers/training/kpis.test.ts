import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables, type Database } from '@hyedu/db';
import { openTestDatabase, testEngines } from '@hyedu/db/testing';
import { itStanding } from '@hyedu/domain/teachers';
import { trainingKpis } from './kpis.ts';

const TODAY = '2022-11-30';
const COUNTY = '430422';
const { teacherStaff: st, teacherTrainingRecords: r, teacherTrainingProjects: p } = tables;

describe.each(testEngines())('the training KPIs on %s', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(engine, { scale: 0.02, staffRegistry: true, today: TODAY });
  }, 300_000);
  afterAll(() => database?.close());
  const source = (id: string) => trainingKpis.find((k) => k.id === id)!;

  it('IT 2.0 达标率: teachers meeting the rule by `itStanding` over the demo records, per unit and per school', async () => {
    const teachers = await database.db
      .select()
      .from(st)
      .where(and(isNull(st.leftOn), eq(st.post, 'teacher')));
    const records = await database.db
      .select({ idIndex: r.idIndex, hours: r.hours, recordedOn: r.recordedOn, itCapability: p.itCapability })
      .from(r)
      .innerJoin(p, eq(p.id, r.projectId));
    const byPerson = new Map<string, typeof records>();
    for (const x of records) byPerson.set(x.idIndex, [...(byPerson.get(x.idIndex) ?? []), x]);
    const expected = new Map<string, { num: number; den: number }>();
    for (const t of teachers) {
      const m = expected.get(t.unitCode) ?? { num: 0, den: 0 };
      expected.set(t.unitCode, { num: m.num + (itStanding(byPerson.get(t.idIndex) ?? [], TODAY).met ? 1 : 0), den: m.den + 1 });
    }
    const got = await source('teachers.it-capability').byUnit(database.db, { kind: 'all' }, TODAY);
    expect(Object.fromEntries(got)).toEqual(Object.fromEntries(expected));
    const share = [...got.values()].reduce((s, m) => s + m.num, 0) / [...got.values()].reduce((s, m) => s + m.den!, 0);
    expect(share).toBeGreaterThan(0.85);
    expect(share).toBeLessThan(0.96);
    const schools = await source('teachers.it-capability').bySchool!(database.db, { kind: 'all' }, COUNTY, TODAY);
    expect(schools.reduce((s, x) => s + x.measure.num, 0)).toBe(expected.get(COUNTY)!.num);
  });

  it('培训任务完成率: completed ÷ records of the year’s projects, per unit', async () => {
    const rows = await database.db
      .select({ unitCode: r.unitCode, completed: r.completed })
      .from(r)
      .innerJoin(p, eq(p.id, r.projectId))
      .where(eq(p.year, 2022));
    const expected = new Map<string, { num: number; den: number }>();
    for (const x of rows) {
      const m = expected.get(x.unitCode) ?? { num: 0, den: 0 };
      expected.set(x.unitCode, { num: m.num + (x.completed ? 1 : 0), den: m.den + 1 });
    }
    const got = await source('teachers.training-completion').byUnit(database.db, { kind: 'units', unitCodes: [COUNTY] }, TODAY);
    expect(Object.fromEntries(got)).toEqual({ [COUNTY]: expected.get(COUNTY) });
  });
});

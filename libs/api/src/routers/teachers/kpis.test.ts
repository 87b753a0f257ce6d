import { isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables, type Database } from '@hyedu/db';
import { openTestDatabase, testEngines } from '@hyedu/db/testing';
import { beijingDate, idCardCheckChar, type KpiId } from '@hyedu/domain';
import { blacklistedOn, ETHICS_DONE_STATES, missingStaffFields } from '@hyedu/domain/teachers';
import { callerAs } from '../../testing.ts';

const TODAY = '2022-11-30';
const COUNTY = '430422';
const { teacherStaff, teacherEntries, teacherEthicsCases, teacherBlacklist, schools } = tables;
const dayNo = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;

/** Each new KPI's figures per unit, computed here from the records (never quoted). */
async function fromRecords(database: Database) {
  const db = database.db;
  const staff = await db.select().from(teacherStaff).where(isNull(teacherStaff.leftOn));
  const checked = new Set(
    (await db.select().from(teacherEntries)).filter((e) => e.staffId !== null && e.queryResult === 'clear').map((e) => e.staffId!),
  );
  const cases = await db.select().from(teacherEthicsCases);
  const listed = await db.select().from(teacherBlacklist);
  const caseUnit = new Map(cases.map((c) => [c.id, c.unitCode]));
  const out = new Map<KpiId, Map<string, { num: number; den: number | null }>>();
  const add = (id: KpiId, unit: string, num: number, den: number | null) => {
    const m = out.get(id) ?? new Map<string, { num: number; den: number | null }>();
    const cur = m.get(unit) ?? { num: 0, den: den === null ? null : 0 };
    m.set(unit, { num: cur.num + num, den: den === null ? null : cur.den! + den });
    out.set(id, m);
  };
  for (const s of staff) {
    add('teachers.admission-checks', s.unitCode, checked.has(s.id) ? 1 : 0, 1);
    add('teachers.staff-completeness', s.unitCode, missingStaffFields({ ...s, employment: s.status }).length === 0 ? 1 : 0, 1);
  }
  for (const c of cases) {
    const done = ETHICS_DONE_STATES.includes(c.status);
    add('teachers.ethics-cases', c.unitCode, done ? 1 : 0, 1);
    if (done) add('teachers.ethics-days', c.unitCode, dayNo(beijingDate(c.closedAt!)) - dayNo(beijingDate(c.createdAt)), 1);
  }
  const people = new Map<string, Set<string>>();
  for (const e of listed)
    if (blacklistedOn({ from: e.fromDate, until: e.untilDate, liftedOn: e.liftedOn }, TODAY)) {
      const unit = caseUnit.get(e.caseId)!;
      people.set(unit, (people.get(unit) ?? new Set()).add(e.idIndex));
    }
  for (const [unit, ids] of people) add('teachers.blacklist', unit, ids.size, null);
  return out;
}

describe.each(testEngines())('the teachers KPIs on %s', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(engine, { scale: 0.02, staffRegistry: true, today: TODAY });
  }, 300_000);
  afterAll(() => database?.close());

  it('computes 准入查询 coverage, 信息完整率, 办结率, 平均办结天数 and 黑名单人数 from the records, per unit', async () => {
    const leader = await callerAs(database, 'leader', { asOf: TODAY });
    const expected = await fromRecords(database);
    for (const [id, byUnit] of expected) {
      const detail = await leader.dashboard.kpi({ kpiId: id });
      for (const [unit, m] of byUnit) expect({ id, unit, ...detail.units.find((u) => u.code === unit) }).toMatchObject({ id, unit, ...m });
    }
    const kpis = await leader.dashboard.kpis();
    const value = (id: KpiId) => kpis.find((k) => k.id === id)!.value!;
    // The demo is honest: coverage and completeness short of 100%, cases still open, people on the 黑名单.
    for (const id of ['teachers.admission-checks', 'teachers.staff-completeness', 'teachers.ethics-cases'] as const) {
      expect(value(id)).toBeGreaterThan(0.5);
      expect(value(id)).toBeLessThan(1);
    }
    expect(value('teachers.ethics-days')).toBeGreaterThan(10);
    expect(value('teachers.blacklist')).toBeGreaterThan(0);
  });

  it('drills city → county → school; a county sees only itself', async () => {
    const leader = await callerAs(database, 'leader', { asOf: TODAY });
    for (const id of ['teachers.admission-checks', 'teachers.staff-completeness'] as const) {
      const unit = (await leader.dashboard.kpi({ kpiId: id })).units.find((u) => u.code === COUNTY)!;
      const bySchool = await leader.dashboard.kpiSchools({ kpiId: id, unitCode: COUNTY });
      expect(bySchool.schools.reduce((a, s) => a + s.num!, 0)).toBe(unit.num);
      expect(bySchool.schools.reduce((a, s) => a + s.den!, 0)).toBe(unit.den);
      expect(bySchool.recordsRoute).toBe('teachers:staff');
    }
    const hengnan = await callerAs(database, 'hengnan', { asOf: TODAY });
    expect((await hengnan.dashboard.kpi({ kpiId: 'teachers.admission-checks' })).units.map((u) => u.code)).toEqual([COUNTY]);
  });

  it('links the 师德 figures to their records only for who may read the cases: leadership sees the counts alone', async () => {
    const leader = await callerAs(database, 'leader', { asOf: TODAY });
    const teachers = await callerAs(database, 'teachers', { asOf: TODAY });
    const hengnan = await callerAs(database, 'hengnan', { asOf: TODAY });
    for (const [id, route] of [
      ['teachers.ethics-cases', 'teachers:ethics'],
      ['teachers.ethics-days', 'teachers:ethics'],
      ['teachers.blacklist', 'teachers:blacklist'],
    ] as const) {
      expect((await leader.dashboard.kpi({ kpiId: id })).recordsRoute).toBeNull();
      expect((await leader.dashboard.kpiSchools({ kpiId: id, unitCode: COUNTY })).recordsRoute).toBeNull();
      expect((await teachers.dashboard.kpi({ kpiId: id })).recordsRoute).toBe(route);
      expect((await hengnan.dashboard.kpiSchools({ kpiId: id, unitCode: COUNTY })).recordsRoute).toBe(route);
    }
    expect((await leader.dashboard.kpi({ kpiId: 'teachers.admission-checks' })).recordsRoute).toBe('teachers:staff');
  });

  it('a hire through the gate moves the coverage at once (the rollup is dropped)', async () => {
    const teachers = await callerAs(database, 'teachers', { asOf: TODAY });
    const before = (await teachers.dashboard.kpi({ kpiId: 'teachers.admission-checks' })).total;
    const [school] = await database.db.select({ id: schools.id }).from(schools).limit(1);
    const first17 = '43042219920304001';
    await teachers.teachers.staff.hire({
      idNumber: first17 + idCardCheckChar(first17),
      name: '刘新',
      schoolId: school!.id,
      employment: 'contract',
      post: 'service',
      joinedOn: '2022-11-01',
      query: { queriedOn: '2022-10-20', result: 'clear' },
    });
    const after = (await teachers.dashboard.kpi({ kpiId: 'teachers.admission-checks' })).total;
    expect({ num: after.num, den: after.den }).toEqual({ num: before.num! + 1, den: before.den! + 1 });
  });
});

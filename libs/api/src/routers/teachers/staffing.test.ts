import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables, type Database } from '@hyedu/db';
import { openTestDatabase, testEngines } from '@hyedu/db/testing';
import { quotaMeasured, quotaStanding, standardStaff, type StaffingStage } from '@hyedu/domain/teachers';
import { CURRENT_SCHOOL_YEAR } from '../../queries.ts';
import { callerAs, failure } from '../../testing.ts';

const COUNTY = '430422';
const OTHER = '430481';
const { schools, schoolStaffing, schoolEnrolment, auditLog } = tables;
const STAGE: Record<string, StaffingStage> = { P: 'primary', J: 'junior', S: 'senior' };

/** Each public 中小学 of the county with its figures, computed here from the rows with the domain's rules. */
async function fromRows(database: Database, unitCode: string, standard?: Record<StaffingStage, number>) {
  const db = database.db;
  const list = (await db.select().from(schools).where(eq(schools.unitCode, unitCode))).filter(quotaMeasured);
  const staffing = await db.select().from(schoolStaffing).where(eq(schoolStaffing.schoolYear, CURRENT_SCHOOL_YEAR));
  const enrolment = await db.select().from(schoolEnrolment).where(eq(schoolEnrolment.schoolYear, CURRENT_SCHOOL_YEAR));
  return list.flatMap((s) => {
    const st = staffing.find((x) => x.schoolId === s.id);
    if (!st) return [];
    const pupils: Partial<Record<StaffingStage, number>> = {};
    for (const e of enrolment.filter((x) => x.schoolId === s.id)) {
      const stage = STAGE[e.grade[0]!];
      if (stage) pupils[stage] = (pupils[stage] ?? 0) + e.students;
    }
    return [
      {
        id: s.id,
        standard: standardStaff(pupils, standard),
        ...quotaStanding({ quota: st.quota, tenured: st.teachers, contract: st.contractTeachers }),
      },
    ];
  });
}

describe.each(testEngines())('staffing against the standard and the quota on %s', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(engine, { scale: 0.05 });
  });
  afterAll(() => database?.close());

  it('per school: the standard from the pupils per stage, over quota, vacancies and 编外 beside vacancies, as the domain computes them', async () => {
    const hengnan = await callerAs(database, 'hengnan');
    const expected = await fromRows(database, COUNTY);
    const page = await hengnan.teachers.staffing.list({ pageSize: 100 });
    expect(page.total).toBe(expected.length);
    expect(page.rows.length).toBe(Math.min(100, expected.length));
    for (const r of page.rows) {
      const e = expected.find((x) => x.id === r.id)!;
      expect({ standard: r.standard, over: r.over, vacancies: r.vacancies, beside: r.beside }).toEqual({
        standard: e.standard,
        over: e.over,
        vacancies: e.vacancies,
        beside: e.contractBesideVacancies,
      });
    }
    const over = await hengnan.teachers.staffing.list({ quotaStanding: 'over', pageSize: 100 });
    expect(over.total).toBe(expected.filter((e) => e.over > 0).length);
    expect(over.rows.every((r) => r.over > 0)).toBe(true);
    const beside = await hengnan.teachers.staffing.list({ quotaStanding: 'beside', pageSize: 100 });
    expect(beside.total).toBe(expected.filter((e) => e.contractBesideVacancies > 0).length);
  });

  it('per county: sums that match the schools, the KPIs agree, and a county sees only itself', async () => {
    const leader = await callerAs(database, 'leader');
    const { units } = await leader.teachers.staffing.units();
    const expected = await fromRows(database, COUNTY);
    const row = units.find((u) => u.code === COUNTY)!;
    const sum = (k: 'over' | 'vacancies' | 'contractBesideVacancies' | 'standard') => expected.reduce((a, e) => a + e[k], 0);
    expect(row).toMatchObject({
      schools: expected.length,
      standard: sum('standard'),
      vacancies: sum('vacancies'),
      beside: sum('contractBesideVacancies'),
      overSchools: expected.filter((e) => e.over > 0).length,
    });
    const kpi = await leader.dashboard.kpi({ kpiId: 'teachers.vacancy-contract' });
    expect(kpi.units.find((u) => u.code === COUNTY)?.num).toBe(row.beside);
    const overKpi = await leader.dashboard.kpi({ kpiId: 'teachers.over-quota-schools' });
    expect(overKpi.units.find((u) => u.code === COUNTY)?.num).toBe(row.overSchools);

    const hengnan = await callerAs(database, 'hengnan');
    expect((await hengnan.teachers.staffing.units()).units.map((u) => u.code)).toEqual([COUNTY]);
    expect(await hengnan.teachers.staffing.list({ unitCode: OTHER })).toMatchObject({ total: 0 });
  });

  it('the 科室 sets the standard (audited, version-guarded, Chinese refusals); the standard column follows; a county may not', async () => {
    const city = await callerAs(database, 'teachers');
    const { version } = await city.teachers.settings.get();
    expect(
      await failure(
        city.teachers.settings.saveStandard({ standard: { primary: 45, junior: 13.5, senior: 12.5 }, expectedVersion: version }),
      ),
    ).toMatchObject({ code: 'BAD_REQUEST' });
    const hengnan = await callerAs(database, 'hengnan');
    expect(
      await failure(
        hengnan.teachers.settings.saveStandard({ standard: { primary: 19, junior: 13.5, senior: 12.5 }, expectedVersion: version }),
      ),
    ).toEqual({ code: 'FORBIDDEN', message: '只有市教育局教师工作科室可以设置编制标准' });
    const standard = { primary: 18, junior: 12, senior: 12.5 };
    expect(await city.teachers.settings.saveStandard({ standard, expectedVersion: version })).toEqual({ version: version + 1 });
    expect(await failure(city.teachers.settings.saveStandard({ standard, expectedVersion: version }))).toMatchObject({ code: 'CONFLICT' });
    expect((await city.teachers.settings.get()).standard).toEqual(standard);
    const expected = await fromRows(database, COUNTY, standard);
    const page = await city.teachers.staffing.list({ unitCode: COUNTY, pageSize: 100 });
    for (const r of page.rows) expect(r.standard).toBe(expected.find((e) => e.id === r.id)!.standard);
    const [audit] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'teachers.settings.saveStandard'), eq(auditLog.result, 'ok')));
    expect(audit).toMatchObject({ actor: 'teachers', before: { standard: { primary: 19 } }, after: { standard } });
    await city.teachers.settings.saveStandard({ standard: { primary: 19, junior: 13.5, senior: 12.5 }, expectedVersion: version + 1 });
  });
});

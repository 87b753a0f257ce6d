import { TRPCError } from '@trpc/server';
import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setModuleEntry, tables, type Database } from '@hyedu/db';
import { openTestDatabase, testEngines } from '@hyedu/db/testing';
import { CURRENT_SCHOOL_YEAR } from './queries.ts';
import { anonymousCaller, callerAs } from './testing.ts';

describe.each(testEngines())('API on %s', (engine) => {
  let database: Database;
  let api: Awaited<ReturnType<typeof callerAs>>;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    // 局领导 reads everything city-wide.
    api = await callerAs(database, 'leader');
  });
  afterAll(() => database?.close());

  it('names its database engine, to anyone', async () => {
    expect(await (await anonymousCaller(database)).platform.health()).toEqual({ ok: true, engine });
  });

  it('serves the module registry in order', async () => {
    const modules = await api.platform.modules();
    expect(modules.map((m) => m.key)).toEqual(['safety', 'private-edu', 'teachers', 'funding']);
    expect(modules[0]).toMatchObject({ title: '安全管理', basePath: '/safety', remoteEntry: '/mf/safety/remoteEntry.js' });
  });

  it('serves the 2022 plan: 19 items in 5 sections', async () => {
    const plan = await api.platform.workPlan({ year: 2022 });
    expect(plan.sections.map((s) => s.numeral)).toEqual(['一', '二', '三', '四', '五']);
    expect(plan.sections.flatMap((s) => s.items.map((i) => i.no))).toEqual(Array.from({ length: 19 }, (_, i) => i + 1));
    expect(plan.sections[0]?.items[3]).toMatchObject({ no: 4, title: '维护教育系统安全稳定', modules: ['safety'] });
    await expect(api.platform.workPlan({ year: 2030 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('sums the registry by unit to the same totals as the tables', async () => {
    const rows = await api.platform.registryByUnit();
    expect(rows).toHaveLength(14);
    const [schools] = await database.db.select({ n: count() }).from(tables.schools);
    const [students] = await database.db
      .select({ n: sql<number>`sum(${tables.schoolEnrolment.students})::int` })
      .from(tables.schoolEnrolment)
      .where(eq(tables.schoolEnrolment.schoolYear, CURRENT_SCHOOL_YEAR));
    expect(rows.reduce((a, r) => a + r.schools, 0)).toBe(schools?.n);
    expect(rows.reduce((a, r) => a + r.students, 0)).toBe(students?.n);
    expect(rows.find((r) => r.kind === 'city')?.schools).toBeGreaterThan(0); // the 局直 bucket
  });

  it('pages and filters the school list', async () => {
    const page = await api.platform.schools({ unitCode: '430422', level: 'primary', page: 1, pageSize: 10 });
    expect(page.rows.length).toBeLessThanOrEqual(10);
    expect(page.total).toBeGreaterThan(0);
    expect(page.rows.every((r) => r.unitCode === '430422' && r.level === 'primary')).toBe(true);
    const named = await api.platform.schools({ q: '中心小学', page: 1, pageSize: 5 });
    expect(named.rows.every((r) => r.name.includes('中心小学'))).toBe(true);
    // A LIKE wildcard in the search is searched for literally, not as "anything".
    expect((await api.platform.schools({ q: '%', page: 1, pageSize: 5 })).total).toBe(0);
  });

  it('refuses bad input with field-level errors, not a 500', async () => {
    for (const input of [
      { pageSize: 1000 },
      { unitCode: 'abc' },
      { page: 0 },
      { level: 'university' },
      { extra: 1 },
      { q: 'x'.repeat(41) },
    ]) {
      const err = await api.platform.schools(input as never).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(TRPCError);
      expect((err as TRPCError).code).toBe('BAD_REQUEST');
    }
  });

  it('computes the private share of compulsory enrolment per unit and for the city from the latest census (cap 5%)', async () => {
    const o = await api.privateEdu.overview();
    expect(o.cap).toBe(0.05);
    expect(o.rule).toBe('public');
    expect(o.schoolYear).toBe(o.years.at(-1));
    // census ownership, bought seats out of the private count (the default counting rule), compulsory grades only
    const result = await database.db.execute(sql`
      with s as (
        select c.ownership, c.purchased_seats, sum(e.students) as n
        from school_census c join school_enrolment e on e.school_id = c.school_id and e.school_year = c.school_year and e.grade ~ '^[PJ]'
        where c.school_year = (select max(school_year) from school_census)
        group by c.school_id, c.ownership, c.purchased_seats)
      select sum(case when ownership = 'private' then n - least(purchased_seats, n) else 0 end)::int as priv, sum(n)::int as all from s`);
    const raw = (result as unknown as { rows: { priv: number; all: number }[] }).rows[0]!;
    expect(o.city!.privateStudents).toBe(raw.priv);
    expect(o.city!.totalStudents).toBe(raw.all);
    expect(o.city!.status).toBe(raw.priv / raw.all <= 0.05 ? 'within' : 'over');
    expect(o.units.reduce((a, u) => a + u.totalStudents, 0)).toBe(raw.all);
    // the projection never exceeds the census share, and the earliest census is the highest
    expect(o.city!.projectedShare!).toBeLessThanOrEqual(o.city!.share!);
    expect(o.trend[0]!.share!).toBeGreaterThan(o.trend.at(-1)!.share!);
  });

  it('gives each module its own figures', async () => {
    const safety = await api.safety.hazards.summary();
    expect(safety.every((u) => u.closed + u.open === u.total && u.overdue <= u.open)).toBe(true);
    const teachers = await api.teachers.overview();
    expect(teachers.every((u) => u.ratio === null || u.ratio > 3)).toBe(true);
    const staffed = await api.teachers.schools({ unitCode: '430400', page: 1, pageSize: 5 });
    expect(staffed.rows.every((r) => r.unitKind === 'city' && r.staff.quota !== null)).toBe(true);
    // A school without a staffing return shows missing data, never zero teachers.
    const [first] = staffed.rows;
    await database.db.delete(tables.schoolStaffing).where(eq(tables.schoolStaffing.schoolId, first!.id));
    const after = await api.teachers.schools({ unitCode: '430400', page: 1, pageSize: 5 });
    expect(after.rows.find((r) => r.id === first!.id)?.staff).toEqual({
      quota: null,
      teachers: null,
      contractTeachers: null,
      ratio: null,
      fillRate: null,
    });
    const funding = await api.funding.enrolmentByUnit();
    const total = funding.units.reduce((a, u) => a + u.total, 0);
    expect(total).toBe((await api.platform.registryByUnit()).reduce((a, r) => a + r.students, 0));
  });

  it('a disabled module stops answering; the change is audited', async () => {
    await setModuleEntry(database, 'funding', { enabled: false }, { actor: 'test', source: 'test' });
    await expect(api.funding.enrolmentByUnit()).rejects.toMatchObject({ code: 'FORBIDDEN', message: '该模块已停用' });
    expect((await api.platform.modules()).map((m) => m.key)).not.toContain('funding');
    await setModuleEntry(database, 'funding', { enabled: true }, { actor: 'test', source: 'test' });
    const audit = await database.db.select().from(tables.auditLog).where(eq(tables.auditLog.targetId, 'funding'));
    expect(audit.map((a) => a.after)).toEqual([expect.objectContaining({ enabled: false }), expect.objectContaining({ enabled: true })]);
  });
});

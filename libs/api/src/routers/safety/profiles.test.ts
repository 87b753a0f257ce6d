import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables, type Database } from '@hyedu/db';
import { openTestDatabase, testEngines } from '@hyedu/db/testing';
import { beijingDate, complianceRates, termOf, type SafetyProfile } from '@hyedu/domain';
import { callerWithCookie, failure, signIn } from '../../testing.ts';

const today = beijingDate(new Date());
const term = termOf(today);
const profile = (schoolId: number, p: Partial<Record<string, unknown>> = {}) => ({
  schoolId,
  term,
  students: 1600,
  staff: 100,
  fulltimeGuards: 4,
  closedManagement: true,
  alarmLinked110: true,
  videoLinkedPolice: true,
  guardPost: true,
  antiRam: null,
  evidenceDate: today,
  ...p,
});

describe.each(testEngines())('safety 4个100% on %s', (engine) => {
  let database: Database;
  const cookies = new Map<string, string>();
  const as = (user: string) => callerWithCookie(database, cookies.get(user)!);
  let schoolId = 0;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    for (const u of ['school', 'hengnan', 'leiyang', 'safety', 'leader']) cookies.set(u, await signIn(database, u));
    const [account] = await database.db
      .select({ grants: tables.accounts.grants })
      .from(tables.accounts)
      .where(eq(tables.accounts.username, 'school'));
    schoolId = (account!.grants as { schoolId: number }[])[0]!.schoolId;
    await database.db
      .delete(tables.safetyProfiles)
      .where(and(eq(tables.safetyProfiles.schoolId, schoolId), eq(tables.safetyProfiles.term, term)));
  }, 120_000);
  afterAll(() => database?.close());

  it('a school enters its term status; the county returns it with a reason, then verifies the correction; verified, it is closed to edits', async () => {
    const school = await as('school');
    // 1,700 师生员工 > 1,500 → 2‰ → 4 guards (docs/domain/safety.md staffing norm); 3 is short.
    const { id } = await school.safety.profiles.submit(profile(schoolId, { fulltimeGuards: 3 }));
    let row = (await school.safety.profiles.list({ term, page: 1, pageSize: 5 })).rows[0]!;
    expect(row).toMatchObject({
      requiredGuards: 4,
      met: { guards: false, closed: true, alarm: true, fourth: true, all: false },
      profile: { review: 'submitted' },
    });
    expect(await failure(school.safety.profiles.review({ id, expectedVersion: 1, action: 'review' }))).toEqual({
      code: 'FORBIDDEN',
      message: '核实由县区教育局或市教育局进行',
    });
    expect(await failure((await as('leiyang')).safety.profiles.review({ id, expectedVersion: 1, action: 'review' }))).toEqual({
      code: 'NOT_FOUND',
      message: '记录不存在或不在您的数据范围内',
    });
    const hengnan = await as('hengnan');
    expect(await failure(hengnan.safety.profiles.review({ id, expectedVersion: 1, action: 'return' }))).toEqual({
      code: 'BAD_REQUEST',
      message: '请填写退回原因',
    });
    await hengnan.safety.profiles.review({ id, expectedVersion: 1, action: 'return', reason: '保安人数与合同不符，请核对' });
    await school.safety.profiles.submit(profile(schoolId));
    await hengnan.safety.profiles.review({ id, expectedVersion: 3, action: 'review' });
    row = (await school.safety.profiles.list({ term, page: 1, pageSize: 5 })).rows[0]!;
    expect(row).toMatchObject({ met: { all: true }, profile: { review: 'reviewed', reviewedBy: 'hengnan' } });
    expect(await failure(school.safety.profiles.submit(profile(schoolId)))).toEqual({
      code: 'CONFLICT',
      message: '该学期情况已核实，如需更正请联系县区教育局退回',
    });
    expect((await school.safety.profiles.history({ id })).map((h) => h.action)).toEqual([
      'safety.submitProfile',
      'safety.returnProfile',
      'safety.updateProfile',
      'safety.verifyProfile',
    ]);
    expect(
      await failure(
        school.safety.profiles.submit({ ...profile(schoolId), term: `${Number(term.slice(0, 4)) + 1}-${Number(term.slice(0, 4)) + 2}-1` }),
      ),
    ).toEqual({ code: 'BAD_REQUEST', message: '不能填报尚未开始的学期' });
  });

  it('the rates by county equal the domain’s complianceRates over the same verified profiles', async () => {
    const hengnan = await as('hengnan');
    const { units } = await hengnan.safety.compliance({ term });
    const unit = units.find((u) => u.unitCode === '430422')!;
    const rows = await database.db
      .select({ p: tables.safetyProfiles, isBoarding: tables.schools.isBoarding })
      .from(tables.schools)
      .leftJoin(
        tables.safetyProfiles,
        and(
          eq(tables.safetyProfiles.schoolId, tables.schools.id),
          eq(tables.safetyProfiles.term, term),
          eq(tables.safetyProfiles.review, 'reviewed'),
        ),
      )
      .where(eq(tables.schools.unitCode, '430422'));
    // A school without a verified profile meets nothing: model it as a profile failing every indicator.
    const none: Omit<SafetyProfile, 'isBoarding'> = {
      students: 0,
      staff: 0,
      fulltimeGuards: 0,
      closedManagement: false,
      alarmLinked110: false,
      videoLinkedPolice: false,
      guardPost: false,
      antiRam: false,
    };
    const profiles: SafetyProfile[] = rows.map((r) => ({ ...(r.p ?? none), isBoarding: r.isBoarding }));
    const rates = complianceRates(profiles, 'guard_post');
    expect(unit.schools).toBe(rows.length);
    expect({ guards: unit.guards, closed: unit.closed, alarm: unit.alarm, fourth: unit.fourth, all: unit.all }).toEqual({
      guards: rates.guards.met,
      closed: rates.closed.met,
      alarm: rates.alarm.met,
      fourth: rates.fourth.met,
      all: rates.all.met,
    });
    expect(unit.verified).toBeGreaterThan(0);
  });

  it('only the city configures the indicators; switching to 防冲撞 changes the fourth rate and the dashboard at once', async () => {
    const settings = await (await as('hengnan')).safety.settings.get();
    expect(settings).toMatchObject({
      fourth: 'guard_post',
      norm: { minimum: 2, largeSchoolAbove: 1500, perMille: 2, boardingPerMille: 3 },
      version: 0,
    });
    expect(
      await failure((await as('hengnan')).safety.settings.save({ fourth: 'anti_ram', norm: settings.norm, expectedVersion: 0 })),
    ).toEqual({ code: 'FORBIDDEN', message: '只有市教育局安全管理科室可以设置指标' });
    const leader = await as('leader');
    const before = (await leader.dashboard.kpi({ kpiId: 'safety.fourth' })).total;
    const city = await as('safety');
    await city.safety.settings.save({ fourth: 'anti_ram', norm: settings.norm, expectedVersion: 0 });
    expect(await failure(city.safety.settings.save({ fourth: 'guard_post', norm: settings.norm, expectedVersion: 0 }))).toEqual({
      code: 'CONFLICT',
      message: '该记录已被他人修改，请刷新后重新提交',
    });
    const after = (await leader.dashboard.kpi({ kpiId: 'safety.fourth' })).total;
    const { units } = await city.safety.compliance({});
    expect(after.num).toBe(units.reduce((a, u) => a + u.fourth, 0));
    expect(after.den).toBe(units.reduce((a, u) => a + u.fourthApplies, 0));
    expect(after).not.toEqual(before);
    await city.safety.settings.save({ fourth: 'guard_post', norm: settings.norm, expectedVersion: 1 });
  });

  it('the county verifies several statuses at once, each on its own; the list says what each caller may do', async () => {
    const hengnan = await as('hengnan');
    const previous = `${Number(term.slice(0, 4)) - 1}-${Number(term.slice(5, 9)) - 1}-${term.slice(-1)}`;
    const [a, b] = await database.db
      .select({ id: tables.schools.id })
      .from(tables.schools)
      .where(eq(tables.schools.unitCode, '430422'))
      .limit(2);
    for (const id of [a!.id, b!.id])
      await database.db
        .delete(tables.safetyProfiles)
        .where(and(eq(tables.safetyProfiles.schoolId, id), eq(tables.safetyProfiles.term, previous)));
    const one = await hengnan.safety.profiles.submit(profile(a!.id, { term: previous }));
    const two = await hengnan.safety.profiles.submit(profile(b!.id, { term: previous }));
    await hengnan.safety.profiles.review({ id: two.id, expectedVersion: 1, action: 'return', reason: '保安人数待核对' });
    const rows = (await hengnan.safety.profiles.list({ term: previous, page: 1, pageSize: 100, show: 'all' })).rows;
    expect(rows.find((r) => r.schoolId === a!.id)?.allowed).toEqual(['submit', 'review', 'return']);
    expect(rows.find((r) => r.schoolId === b!.id)?.allowed).toEqual(['submit']);
    const { done, results } = await hengnan.safety.profiles.reviewMany({
      action: 'review',
      items: [
        { id: one.id, expectedVersion: 1 },
        { id: two.id, expectedVersion: 2 },
      ],
    });
    expect(done).toBe(1);
    expect(results).toEqual([
      { id: one.id, ok: true, state: 'reviewed' },
      { id: two.id, ok: false, message: '该记录已退回，不能审核' },
    ]);
    expect(
      (await (await as('leader')).safety.profiles.list({ term: previous, page: 1, pageSize: 100, show: 'all' })).rows.every(
        (r) => r.allowed.length === 0,
      ),
    ).toBe(true);
    expect(await failure(hengnan.safety.profiles.reviewMany({ action: 'review', items: [] }))).toMatchObject({ code: 'BAD_REQUEST' });
  });
});

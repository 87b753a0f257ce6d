import { and, asc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables, type Database } from '@hyedu/db';
import { openTestDatabase, testEngines } from '@hyedu/db/testing';
import { callerWithCookie, failure, signIn } from '../../../testing.ts';
import { exchangeKpis } from './kpi.ts';

const AS_OF = '2022-11-30';
const YEAR = '2022-2023';
const CONFLICT = { code: 'CONFLICT', message: '该记录已被他人修改，请刷新后重新提交' };
const { schools, accounts, teacherStaff: st, teacherExchangePlans: pl } = tables;

describe.each(testEngines())('县管校聘 exchange on %s', (engine) => {
  let database: Database;
  const cookies = new Map<string, string>();
  const as = (user: string) => callerWithCookie(database, cookies.get(user)!, { asOf: AS_OF });
  const town = { id: 0 };
  const village = { id: 0 };
  const staff: Record<string, number> = {};
  let foreignStaff = 0;
  let foreignSchool = 0;

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    const { db } = database;
    const pick = (unit: string, rural: boolean) =>
      db
        .select({ id: schools.id })
        .from(schools)
        .where(
          and(
            eq(schools.unitCode, unit),
            eq(schools.ownership, 'public'),
            eq(schools.isRural, rural),
            inArray(schools.level, ['primary', 'junior']),
          ),
        )
        .orderBy(asc(schools.code))
        .limit(1);
    town.id = (await pick('430422', false))[0]!.id;
    village.id = (await pick('430422', true))[0]!.id;
    foreignSchool = (await pick('430481', false))[0]!.id;
    const person = (schoolId: number, unitCode: string, name: string, more: Partial<typeof st.$inferInsert> = {}) =>
      db
        .insert(st)
        .values({
          schoolId,
          unitCode,
          name,
          idIndex: `test-exchange-${name}`,
          idCipher: 'x',
          birthDate: '1980-01-01',
          sex: 'female',
          status: 'tenured',
          post: 'teacher',
          joinedOn: '2010-09-01',
          createdBy: 'test',
          createdAt: new Date(),
          ...more,
        })
        .returning({ id: st.id })
        .then((r) => r[0]!.id);
    staff.a = await person(town.id, '430422', '交流甲');
    staff.b = await person(town.id, '430422', '交流乙');
    staff.recent = await person(town.id, '430422', '新来丙', { joinedOn: '2019-09-01' });
    staff.contract = await person(town.id, '430422', '合同丁', { status: 'contract' });
    staff.rural = await person(village.id, '430422', '乡村戊');
    foreignStaff = await person(foreignSchool, '430481', '外县己');
    // A second city account of the 科室 (four eyes: the one who reported does not approve).
    const [city] = await db.select().from(accounts).where(eq(accounts.username, 'teachers'));
    const { id: _c, ...copy } = city!;
    await db.insert(accounts).values({ ...copy, username: 'teachers2' });
    for (const u of ['hengnan', 'leiyang', 'teachers', 'teachers2', 'xiaoxue']) cookies.set(u, await signIn(database, u));
  }, 180_000);
  afterAll(() => database?.close());

  it('the county drafts, adds eligible teachers, reports; the city returns with a reason, then approves — ratios and KPIs follow', async () => {
    const [county, city] = await Promise.all([as('hengnan'), as('teachers')]);
    await database.db.delete(pl).where(and(eq(pl.unitCode, '430422'), eq(pl.schoolYear, YEAR)));
    const { id, version } = await county.teachers.exchange.create({ unitCode: '430422', schoolYear: YEAR, plannedCount: 2 });
    expect(await county.teachers.exchange.byId({ id })).toMatchObject({ status: 'draft', canEdit: true, allowed: ['submit'] });
    const eligible = await county.teachers.exchange.eligible({ planId: id, schoolId: town.id });
    expect(eligible.map((e) => e.name)).toEqual(expect.arrayContaining(['交流甲', '交流乙']));
    expect(eligible.map((e) => e.name)).not.toContain('新来丙');
    const receiving = await county.teachers.exchange.receiving({ planId: id, fromSchoolId: town.id });
    expect(receiving.find((s) => s.id === village.id)).toMatchObject({ direction: 'urban_rural' });
    const add = (staffId: number, v: number, more: Record<string, unknown> = {}) =>
      county.teachers.exchange.addRecord({
        planId: id,
        expectedVersion: v,
        staffId,
        toSchoolId: village.id,
        backbone: true,
        startOn: '2022-09-01',
        termYears: 3,
        ...more,
      });
    const r1 = await add(staff.a!, version);
    // Refusals, each on its field in Chinese.
    expect(await failure(add(staff.recent!, r1.version))).toEqual({
      code: 'BAD_REQUEST',
      message: '新来丙不符合交流条件：在本校任教3年，不满6年',
    });
    expect(await failure(add(staff.contract!, r1.version))).toMatchObject({ message: '合同丁不符合交流条件：只有在编教师参加交流轮岗' });
    expect(await failure(add(foreignStaff, r1.version))).toMatchObject({ message: '该教师不在本县市区在岗' });
    expect(await failure(add(staff.b!, r1.version, { toSchoolId: foreignSchool }))).toMatchObject({
      message: '接收学校应为本县市区的学校',
    });
    expect(await failure(add(staff.rural!, r1.version, { toSchoolId: town.id }))).toMatchObject({
      message: '交流方向应为城镇学校到乡村学校，或优质学校到薄弱学校',
    });
    expect(await failure(add(staff.b!, r1.version, { startOn: '2023-09-01' }))).toMatchObject({
      message: '交流开始日期应在2022-2023学年内（2022-09-01至2023-08-31）',
    });
    expect(await failure(add(staff.a!, r1.version))).toMatchObject({ message: '交流甲本学年已在交流轮岗计划中' });
    expect(await failure(add(staff.b!, 1))).toEqual(CONFLICT);
    const r2 = await add(staff.b!, r1.version, { backbone: false });
    const records = await county.teachers.exchange.records({ page: 1, pageSize: 20, planId: id });
    expect(records.rows.map((r) => [r.name, r.direction, r.backbone, r.status])).toEqual([
      ['交流甲', 'urban_rural', true, 'under_way'],
      ['交流乙', 'urban_rural', false, 'under_way'],
    ]);
    const summary = await county.teachers.exchange.summary({ schoolYear: YEAR });
    expect(summary.rows).toHaveLength(1);
    expect(summary.rows[0]).toMatchObject({ unitCode: '430422', exchanged: 2, backbone: 1, backboneShare: 0.5 });
    expect(summary.rows[0]!.eligible).toBeGreaterThanOrEqual(2);

    // Reported; the county cannot approve; the city returns with a reason.
    await county.teachers.exchange.step({ id, expectedVersion: r2.version, action: 'submit' });
    const v = r2.version + 1;
    expect(await failure(add(staff.b!, v))).toMatchObject({ code: 'CONFLICT', message: '只有编制中或已退回的交流轮岗计划可以修改' });
    expect(await failure(county.teachers.exchange.step({ id, expectedVersion: v, action: 'approve' }))).toMatchObject({
      code: 'FORBIDDEN',
    });
    const cityInbox = (await city.inbox.list()).find((g) => g.kind === 'exchange');
    expect(cityInbox?.items.map((i) => i.id)).toContain(id);
    expect(await failure(city.teachers.exchange.step({ id, expectedVersion: v, action: 'return' }))).toMatchObject({
      code: 'BAD_REQUEST',
      message: '请填写退回原因',
    });
    await city.teachers.exchange.step({ id, expectedVersion: v, action: 'return', reason: '骨干教师比例请核实' });
    expect(await county.teachers.exchange.byId({ id })).toMatchObject({ status: 'returned', returnReason: '骨干教师比例请核实' });
    expect((await county.inbox.list()).find((g) => g.kind === 'exchange')?.items.map((i) => i.id)).toContain(id);
    // The county removes one and reports again; the city approves.
    const removed = await county.teachers.exchange.removeRecord({ planId: id, expectedVersion: v + 1, recordId: r2.id });
    await county.teachers.exchange.step({ id, expectedVersion: removed.version, action: 'submit' });
    await city.teachers.exchange.step({ id, expectedVersion: removed.version + 1, action: 'approve' });
    expect(await city.teachers.exchange.byId({ id })).toMatchObject({ status: 'approved', allowed: [], canEdit: false });
    expect((await city.teachers.exchange.history({ id })).map((e) => e.action)).toEqual([
      'teachers.exchange.create',
      'teachers.exchange.addRecord',
      'teachers.exchange.addRecord',
      'teachers.exchange.submit',
      'teachers.exchange.return',
      'teachers.exchange.removeRecord',
      'teachers.exchange.submit',
      'teachers.exchange.approve',
    ]);
    // The KPIs count approved plans of the school year `today` falls in.
    const [rate, backbone] = await Promise.all(exchangeKpis.map((k) => k.byUnit(database.db, { kind: 'all' }, AS_OF)));
    expect(rate!.get('430422')).toMatchObject({ num: 1, den: summary.rows[0]!.eligible });
    expect(backbone!.get('430422')).toEqual({ num: 1, den: 1 });
  });

  it('four eyes: a city account that reported a plan does not approve it; another does', async () => {
    const [a, b] = await Promise.all([as('teachers'), as('teachers2')]);
    await database.db.delete(pl).where(and(eq(pl.unitCode, '430422'), eq(pl.schoolYear, '2023-2024')));
    const { id } = await a.teachers.exchange.create({ unitCode: '430422', schoolYear: '2023-2024', plannedCount: 0 });
    await a.teachers.exchange.step({ id, expectedVersion: 1, action: 'submit' });
    expect(await failure(a.teachers.exchange.step({ id, expectedVersion: 2, action: 'approve' }))).toEqual({
      code: 'CONFLICT',
      message: '不能审核自己报送的交流轮岗计划',
    });
    await b.teachers.exchange.step({ id, expectedVersion: 2, action: 'approve' });
  });

  it('scope: another county’s plan is NOT_FOUND, as a missing one; a school sees none; bad input is refused in Chinese', async () => {
    const [county, other, school] = await Promise.all([as('hengnan'), as('leiyang'), as('xiaoxue')]);
    const { id } = await other.teachers.exchange.create({ unitCode: '430481', schoolYear: '2024-2025', plannedCount: 3 });
    const missing = await failure(county.teachers.exchange.byId({ id: 999_999 }));
    expect(await failure(county.teachers.exchange.byId({ id }))).toEqual(missing);
    expect(missing).toMatchObject({ code: 'NOT_FOUND', message: '交流轮岗计划不存在或不在您的数据范围内' });
    expect(await failure(county.teachers.exchange.step({ id, expectedVersion: 1, action: 'submit' }))).toEqual(missing);
    expect(await failure(county.teachers.exchange.create({ unitCode: '430481', schoolYear: '2024-2025', plannedCount: 1 }))).toMatchObject({
      code: 'BAD_REQUEST',
      message: '请选择本人数据范围内的县市区',
    });
    expect((await county.teachers.exchange.list({ page: 1, pageSize: 50 })).rows.every((r) => r.unitCode === '430422')).toBe(true);
    expect((await school.teachers.exchange.list({ page: 1, pageSize: 5 })).rows).toEqual([]);
    expect(
      await failure(county.teachers.exchange.create({ unitCode: '430422', schoolYear: '2022-2024', plannedCount: -1 } as never)),
    ).toMatchObject({ code: 'BAD_REQUEST' });
    expect(await failure(other.teachers.exchange.create({ unitCode: '430481', schoolYear: '2024-2025', plannedCount: 1 }))).toMatchObject({
      message: '耒阳市2024-2025学年已有交流轮岗计划，请在原计划中修改',
    });
  });

  it('a county designates its schools 优质 or 薄弱; 优质→薄弱 then becomes a direction', async () => {
    const county = await as('hengnan');
    const [q, w] = await database.db
      .select({ id: schools.id })
      .from(schools)
      .where(and(eq(schools.unitCode, '430422'), eq(schools.ownership, 'public'), eq(schools.isRural, true), eq(schools.level, 'primary')))
      .orderBy(asc(schools.code))
      .offset(1)
      .limit(2);
    await county.teachers.exchange.designations.set({ schoolId: q!.id, schoolYear: YEAR, designation: 'quality' });
    await county.teachers.exchange.designations.set({ schoolId: w!.id, schoolYear: YEAR, designation: 'weak' });
    const list = await county.teachers.exchange.designations.list({ page: 1, pageSize: 100, schoolYear: YEAR, designation: 'quality' });
    expect(list.rows.map((r) => r.schoolId)).toContain(q!.id);
    const plans = await county.teachers.exchange.list({ page: 1, pageSize: 5, schoolYear: YEAR });
    const receiving = await county.teachers.exchange.receiving({ planId: plans.rows[0]!.id, fromSchoolId: q!.id });
    expect(receiving.find((s) => s.id === w!.id)).toMatchObject({ direction: 'strong_weak' });
    expect(
      await failure(
        as('teachers').then((c) => c.teachers.exchange.designations.set({ schoolId: q!.id, schoolYear: YEAR, designation: null })),
      ),
    ).toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});

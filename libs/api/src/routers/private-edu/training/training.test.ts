import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables, verifyAuditChain, type Database } from '@hyedu/db';
import { openTestDatabase, TEST_AUDIT_KEY, testEngines } from '@hyedu/db/testing';
import { academicOn, DEFAULT_REDUCTION_BASE_DATE } from '@hyedu/domain/private-edu';
import { callerWithCookie, failure, httpCall, signIn } from '../../../testing.ts';
import { trainingKpis } from './kpis.ts';

const AS_OF = '2022-11-30';
const HENGNAN = '430422';
const CHANGNING = '430482';
const CONFLICT = { code: 'CONFLICT', message: '该记录已被他人修改，请刷新后重新提交' };
const { accounts, auditLog, privateTrainingInstitutions: ti } = tables;

const institution = (x: Record<string, unknown> = {}) => ({
  unitCode: HENGNAN,
  name: '衡南县测试学科培训学校',
  uscc: '91430422TX000001X9',
  licenceNo: '教民143042279999001号',
  approvedOn: '2019-03-01',
  address: '衡南县云集街道建设路8号',
  floorArea: 320,
  trainingCategory: 'academic',
  trainingStage: 'compulsory',
  mode: 'offline',
  nature: 'for_profit',
  operatingStatus: 'operating',
  platformId: 'TEST-0001',
  feeSupervision: 'bank_custody',
  whiteList: false,
  staff: [
    { name: '张老师', role: 'teacher', subject: '数学', certificateNo: '20194300012345' },
    { name: '李会计', role: 'other' },
  ],
  ...x,
});
/** The same without its county (an update keeps the county). */
const fields = (x: Record<string, unknown> = {}) => {
  const { unitCode: _u, ...rest } = institution(x);
  return rest;
};

describe.each(testEngines())('校外培训机构 on %s', (engine) => {
  let database: Database;
  const cookies = new Map<string, string>();
  const as = (user: string) => callerWithCookie(database, cookies.get(user)!, { asOf: AS_OF });

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    // A county supervision account of 常宁市 (private-edu only), copied from the demo's 衡南县 account.
    const [hengnan] = await database.db.select().from(accounts).where(eq(accounts.username, 'hengnan'));
    const { id: _h, ...bureau } = hengnan!;
    await database.db
      .insert(accounts)
      .values({ ...bureau, username: 'cn-test', grants: [{ role: 'county', unitCode: CHANGNING, modules: ['private-edu'] }] });
    for (const u of ['hengnan', 'cn-test', 'school', 'privedu']) cookies.set(u, await signIn(database, u));
  }, 120_000);
  afterAll(() => database?.close());

  it('a county enters its own institution with staff; the other county and a school do not see it', async () => {
    const [hengnan, changning, school, city] = await Promise.all([as('hengnan'), as('cn-test'), as('school'), as('privedu')]);
    const { id, version } = await hengnan.privateEdu.training.create(institution() as never);
    expect(version).toBe(1);
    const one = await hengnan.privateEdu.training.byId({ id });
    expect(one).toMatchObject({ unitCode: HENGNAN, conversionState: 'not_started', staffCount: 2, canEdit: true, onPlatform: false });
    expect(one.staff.map((s) => s.name)).toEqual(['张老师', '李会计']);
    expect(one.allowed).toEqual(['relicense', 'terminate']);
    const notFound = { code: 'NOT_FOUND' };
    expect(await failure(changning.privateEdu.training.byId({ id }))).toMatchObject(notFound);
    expect(await failure(school.privateEdu.training.byId({ id }))).toMatchObject(notFound);
    expect(await failure(changning.privateEdu.training.history({ id }))).toMatchObject(notFound);
    expect(await failure(changning.privateEdu.training.update({ id, expectedVersion: 1, ...fields() } as never))).toMatchObject(notFound);
    expect(await failure(changning.privateEdu.training.step({ id, expectedVersion: 1, action: 'relicense' }))).toMatchObject(notFound);
    expect(await failure(changning.privateEdu.training.create(institution({ uscc: '91430482TX00000954' }) as never))).toMatchObject(
      notFound,
    );
    expect(await failure(school.privateEdu.training.create(institution() as never))).toMatchObject(notFound);
    expect((await school.privateEdu.training.list({ page: 1, pageSize: 20 })).total).toBe(0);
    // The other county's list holds only its own; the city's every county's.
    const theirs = await changning.privateEdu.training.list({ page: 1, pageSize: 100 });
    expect(theirs.rows.every((r) => r.unitCode === CHANGNING)).toBe(true);
    expect((await city.privateEdu.training.list({ page: 1, pageSize: 20, q: '91430422TX000001X9' })).rows.map((r) => r.id)).toEqual([id]);
    const denied = await database.db
      .select({ n: auditLog.id })
      .from(auditLog)
      .where(and(eq(auditLog.actor, 'cn-test'), eq(auditLog.result, 'denied')));
    expect(denied.length).toBeGreaterThanOrEqual(5);
  });

  it('营改非 goes 换证 → 民政登记 → 执照变更/注销 → 完成 (非营利); 终止 needs a reason; each step audited', async () => {
    const hengnan = await as('hengnan');
    const { id } = await hengnan.privateEdu.training.create(institution({ uscc: '91430422TX00000289', platformId: 'TEST-0002' }) as never);
    await hengnan.privateEdu.training.step({ id, expectedVersion: 1, action: 'relicense' });
    expect(await failure(hengnan.privateEdu.training.step({ id, expectedVersion: 1, action: 'register' }))).toEqual(CONFLICT);
    await hengnan.privateEdu.training.step({ id, expectedVersion: 2, action: 'register' });
    await hengnan.privateEdu.training.step({ id, expectedVersion: 3, action: 'changeLicence' });
    await hengnan.privateEdu.training.step({ id, expectedVersion: 4, action: 'complete' });
    expect(await hengnan.privateEdu.training.byId({ id })).toMatchObject({ conversionState: 'done', nature: 'non_profit', allowed: [] });
    const history = await hengnan.privateEdu.training.history({ id });
    expect(history.map((h) => h.action)).toEqual(
      expect.arrayContaining([
        'privateEdu.training.create',
        'privateEdu.trainingConversion.relicense',
        'privateEdu.trainingConversion.register',
        'privateEdu.trainingConversion.changeLicence',
        'privateEdu.trainingConversion.complete',
      ]),
    );

    const other = await hengnan.privateEdu.training.create(institution({ uscc: '91430422TX00000364', platformId: 'TEST-0003' }) as never);
    expect(await failure(hengnan.privateEdu.training.step({ id: other.id, expectedVersion: 1, action: 'terminate' }))).toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('原因'),
    });
    await hengnan.privateEdu.training.step({ id: other.id, expectedVersion: 1, action: 'terminate', reason: '机构转为非学科类培训' });
    expect(await hengnan.privateEdu.training.byId({ id: other.id })).toMatchObject({
      conversionState: 'terminated',
      conversionReason: '机构转为非学科类培训',
    });
    // A 非学科类 institution never converts.
    const arts = await hengnan.privateEdu.training.create(
      institution({ uscc: '91430422TX0000044Y', platformId: 'TEST-0004', trainingCategory: 'non_academic', subType: 'arts' }) as never,
    );
    expect(await failure(hengnan.privateEdu.training.step({ id: arts.id, expectedVersion: 1, action: 'relicense' }))).toEqual({
      code: 'CONFLICT',
      message: '该机构无需“营改非”',
    });
    expect(await verifyAuditChain(database.db, TEST_AUDIT_KEY)).toMatchObject({ ok: true });
  });

  it('an update is version-guarded and audited with what changed; bad input is refused in Chinese by field', async () => {
    const hengnan = await as('hengnan');
    const { id } = await hengnan.privateEdu.training.create(institution({ uscc: '91430422TX0000052R', platformId: 'TEST-0005' }) as never);
    const next = fields({
      uscc: '91430422TX0000052R',
      platformId: 'TEST-0005',
      whiteList: true,
      name: '衡南县测试学科培训学校（更名）',
    });
    await hengnan.privateEdu.training.update({ id, expectedVersion: 1, ...next } as never);
    expect(await failure(hengnan.privateEdu.training.update({ id, expectedVersion: 1, ...next } as never))).toEqual(CONFLICT);
    const [audit] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'privateEdu.training.update'), eq(auditLog.targetId, String(id))));
    expect(audit!.before).toEqual({ name: '衡南县测试学科培训学校', whiteList: false });
    expect(audit!.after).toEqual({ name: '衡南县测试学科培训学校（更名）', whiteList: true });

    const cookie = cookies.get('hengnan')!;
    const refused = async (x: Record<string, unknown>) => {
      const res = await httpCall(database, cookie, 'privateEdu.training.create', institution(x), { asOf: AS_OF });
      expect(res.status).toBe(400);
      return res.body;
    };
    const noCert = await refused({ uscc: '91430422TX0000060L', staff: [{ name: '王老师', role: 'teacher' }] });
    expect(noCert).toContain('学科类培训机构的教学人员请填写教师资格证号');
    expect(noCert).toContain('certificateNo');
    expect(await refused({ uscc: '91430422TX000001X8' })).toContain('统一社会信用代码');
    expect(await refused({ uscc: '91430422TX0000060L', trainingCategory: 'non_academic' })).toContain('非学科类培训机构请选择类别');
    expect(await refused({ uscc: '91430422TX0000060L', floorArea: -3 })).toContain('场所面积应大于0');
    expect(await refused({})).toContain('已有机构使用该统一社会信用代码');
    expect(await refused({ uscc: '91430422TX0000060L', operatingStatus: 'deregistered' })).toContain('请填写注销日期');
    expect(await refused({ uscc: '91430422TX0000060L', approvedOn: '2023-01-01' })).toContain('日期不能晚于今天');
  });

  it('监管力量: a county saves its own (versioned, audited), not another county’s; the city any', async () => {
    const [hengnan, changning, city, school] = await Promise.all([as('hengnan'), as('cn-test'), as('privedu'), as('school')]);
    const entry = { hasBody: true, bodyName: '衡南县校外培训监管股', fullTimeStaff: 3, partTimeStaff: 2, enforcementStaff: 5 };
    const row = (await hengnan.privateEdu.training.capacity.list()).find((r) => r.unitCode === HENGNAN)!;
    const { version } = await hengnan.privateEdu.training.capacity.save({ unitCode: HENGNAN, expectedVersion: row.version, ...entry });
    expect(version).toBe(row.version + 1);
    expect(await failure(hengnan.privateEdu.training.capacity.save({ unitCode: HENGNAN, expectedVersion: row.version, ...entry }))).toEqual(
      CONFLICT,
    );
    expect(
      await failure(changning.privateEdu.training.capacity.save({ unitCode: HENGNAN, expectedVersion: version, ...entry })),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(
      await failure(school.privateEdu.training.capacity.save({ unitCode: HENGNAN, expectedVersion: version, ...entry })),
    ).toMatchObject({
      code: 'FORBIDDEN',
    });
    await city.privateEdu.training.capacity.save({ unitCode: HENGNAN, expectedVersion: version, ...entry, fullTimeStaff: 4 });
    expect((await changning.privateEdu.training.capacity.list()).map((r) => r.unitCode)).toEqual([CHANGNING]);
    expect(
      await failure(
        hengnan.privateEdu.training.capacity.save({ unitCode: HENGNAN, expectedVersion: version + 1, ...entry, bodyName: undefined }),
      ),
    ).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('请填写专门监管机构名称') });
  });

  it('the KPIs: 压减率 from the register since the base date, 入驻率 and 资金监管覆盖率 from the platform’s list', async () => {
    const [reduction, onboarding, fees] = trainingKpis;
    const rows = await database.db.select().from(ti).where(eq(ti.unitCode, CHANGNING));
    const base = rows.filter((r) => academicOn(r, DEFAULT_REDUCTION_BASE_DATE)).length;
    const now = rows.filter((r) => academicOn(r, AS_OF)).length;
    expect((await reduction!.byUnit(database.db, { kind: 'all' }, AS_OF)).get(CHANGNING)).toEqual({ num: base - now, den: base });
    const on = (await onboarding!.byUnit(database.db, { kind: 'all' }, AS_OF)).get(CHANGNING)!;
    expect(on.den).toBe(rows.filter((r) => r.status !== 'deregistered').length);
    expect(on.num).toBeLessThan(on.den!);
    const fee = (await fees!.byUnit(database.db, { kind: 'all' }, AS_OF)).get(CHANGNING)!;
    expect(fee.num).toBeLessThan(fee.den!);
    expect(fee.num / fee.den!).toBeGreaterThan(0.6);
    // Moving the base date (the city's setting) moves the base.
    const city = await as('privedu');
    const settings = await city.privateEdu.training.settings.get();
    await city.privateEdu.training.settings.save({ baseDate: '2022-11-30', mapping: {}, expectedVersion: settings.version });
    expect((await reduction!.byUnit(database.db, { kind: 'all' }, AS_OF)).get(CHANGNING)).toEqual({ num: 0, den: now });
    await city.privateEdu.training.settings.save({
      baseDate: DEFAULT_REDUCTION_BASE_DATE,
      mapping: {},
      expectedVersion: settings.version + 1,
    });
    expect(
      await failure((await as('hengnan')).privateEdu.training.settings.save({ baseDate: '2021-07-24', mapping: {}, expectedVersion: 2 })),
    ).toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('the export takes the list’s filters; the platform’s unmatched rows are listed', async () => {
    const city = await as('privedu');
    const file = await city.privateEdu.training.export({ unitCode: CHANGNING, trainingCategory: 'academic' });
    const list = await city.privateEdu.training.list({ page: 1, pageSize: 1, unitCode: CHANGNING, trainingCategory: 'academic' });
    expect(file.rows).toBe(list.total);
    const summary = await city.privateEdu.training.platform.summary();
    expect(summary.unmatched).toBeGreaterThanOrEqual(2);
    expect(summary.missing).toBeGreaterThan(0);
    expect((await city.privateEdu.training.platform.unmatched({ page: 1, pageSize: 50 })).total).toBe(summary.unmatched);
    // Keyset paging: the next page after the cursor follows the first.
    const first = await city.privateEdu.training.list({ page: 1, pageSize: 5 });
    const second = await city.privateEdu.training.list({ page: 2, pageSize: 5, after: first.next! });
    const byOffset = await city.privateEdu.training.list({ page: 2, pageSize: 5 });
    expect(second.rows.map((r) => r.id)).toEqual(byOffset.rows.map((r) => r.id));
  });
});

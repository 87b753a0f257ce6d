import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables, verifyAuditChain, type Database } from '@hyedu/db';
import { openTestDatabase, TEST_AUDIT_KEY, testEngines } from '@hyedu/db/testing';
import { callerWithCookie, failure, signIn } from '../../testing.ts';

const AS_OF = '2022-11-30';
const CONFLICT = { code: 'CONFLICT', message: '该记录已被他人修改，请刷新后重新提交' };
const { schools, accounts, privateLicenceCases, privateProfiles, auditLog } = tables;

describe.each(testEngines())('办学许可事项 on %s', (engine) => {
  let database: Database;
  const cookies = new Map<string, string>();
  const as = (user: string) => callerWithCookie(database, cookies.get(user)!, { asOf: AS_OF });
  let minbanSchool = 0;

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    for (const u of ['school', 'minban', 'hengnan', 'privedu']) cookies.set(u, await signIn(database, u));
    const [account] = await database.db.select({ grants: accounts.grants }).from(accounts).where(eq(accounts.username, 'minban'));
    minbanSchool = (account!.grants as { schoolId: number }[])[0]!.schoolId;
  }, 120_000);
  afterAll(() => database?.close());

  it('the school applies for its own; the county accepts, returns with a reason, approves a renewal — each step audited', async () => {
    const [minban, hengnan] = await Promise.all([as('minban'), as('hengnan')]);
    const apply = { schoolId: minbanSchool, kind: 'renew' as const, registration: 'non_profit' as const, licenceNo: '教民143042270001号' };
    const { id } = await minban.privateEdu.licences.create(apply);
    expect(await minban.privateEdu.licences.byId({ id })).toMatchObject({ status: 'draft', authority: 'county', allowed: ['submit'] });
    expect((await hengnan.privateEdu.licences.byId({ id })).allowed).toEqual([]);
    const inbox = async (caller: typeof minban) =>
      (await caller.inbox.list()).find((g) => g.kind === 'licence')?.items.map((i) => i.id) ?? [];
    expect(await inbox(minban)).toContain(id);
    await minban.privateEdu.licences.step({ id, expectedVersion: 1, action: 'submit' });
    expect((await hengnan.privateEdu.licences.byId({ id })).allowed).toEqual(['accept', 'return']);
    // Now the county's 待办, not the school's nor the city's.
    expect(await inbox(hengnan)).toContain(id);
    expect(await inbox(minban)).not.toContain(id);
    expect(await inbox(await as('privedu'))).not.toContain(id);
    await hengnan.privateEdu.licences.step({ id, expectedVersion: 2, action: 'accept' });
    expect(await failure(hengnan.privateEdu.licences.step({ id, expectedVersion: 3, action: 'return' }))).toMatchObject({
      code: 'BAD_REQUEST',
      message: '请填写退回原因',
    });
    await hengnan.privateEdu.licences.step({ id, expectedVersion: 3, action: 'return', reason: '缺少消防验收意见书' });
    expect(await minban.privateEdu.licences.byId({ id })).toMatchObject({ status: 'draft', returnReason: '缺少消防验收意见书' });
    await minban.privateEdu.licences.step({ id, expectedVersion: 4, action: 'submit' });
    await hengnan.privateEdu.licences.step({ id, expectedVersion: 5, action: 'accept' });
    // A renewal is approved with its validity; no number is issued for it.
    expect(await failure(hengnan.privateEdu.licences.approve({ id, expectedVersion: 6 }))).toMatchObject({
      code: 'BAD_REQUEST',
      message: '请填写许可证有效期至',
    });
    // A stale view is refused.
    expect(await failure(hengnan.privateEdu.licences.approve({ id, expectedVersion: 5, validUntil: '2027-12-31' }))).toEqual(CONFLICT);
    await hengnan.privateEdu.licences.approve({ id, expectedVersion: 6, validUntil: '2027-12-31' });
    expect(await minban.privateEdu.licences.byId({ id })).toMatchObject({
      status: 'approved',
      licenceNo: apply.licenceNo,
      validUntil: '2027-12-31',
      allowed: [],
    });
    expect((await hengnan.privateEdu.licences.history({ id })).map((e) => e.action)).toEqual([
      'privateEdu.licence.create',
      'privateEdu.licence.submit',
      'privateEdu.licence.accept',
      'privateEdu.licence.return',
      'privateEdu.licence.submit',
      'privateEdu.licence.accept',
      'privateEdu.licence.approve',
    ]);
    expect(await verifyAuditChain(database.db, TEST_AUDIT_KEY)).toMatchObject({ ok: true });
  });

  it('refuses bad input in Chinese: 营利 for a compulsory school, a missing number, another school, a bureau applying', async () => {
    const [minban, school, hengnan] = await Promise.all([as('minban'), as('school'), as('hengnan')]);
    expect(
      await failure(minban.privateEdu.licences.create({ schoolId: minbanSchool, kind: 'establish', registration: 'for_profit' })),
    ).toMatchObject({ code: 'BAD_REQUEST', message: '实施义务教育的民办学校不得设立为营利性学校' });
    expect(
      await failure(minban.privateEdu.licences.create({ schoolId: minbanSchool, kind: 'cancel', registration: 'non_profit' })),
    ).toMatchObject({ code: 'BAD_REQUEST', message: '请填写现有办学许可证号' });
    const bad = await failure(
      minban.privateEdu.licences.create({ schoolId: minbanSchool, kind: 'nosuch' as never, registration: 'non_profit' }),
    );
    expect(bad).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('请选择许可事项') });
    expect(
      await failure(school.privateEdu.licences.create({ schoolId: minbanSchool, kind: 'establish', registration: 'non_profit' })),
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect(
      await failure(hengnan.privateEdu.licences.create({ schoolId: minbanSchool, kind: 'establish', registration: 'non_profit' })),
    ).toEqual({ code: 'FORBIDDEN', message: '办学许可事项由学校申请' });
    // 设立: the number is issued on approval.
    const { id } = await minban.privateEdu.licences.create({ schoolId: minbanSchool, kind: 'establish', registration: 'non_profit' });
    expect((await school.privateEdu.licences.list({ page: 1, pageSize: 100 })).rows.some((x) => x.id === id)).toBe(false);
    await minban.privateEdu.licences.step({ id, expectedVersion: 1, action: 'submit' });
    await hengnan.privateEdu.licences.step({ id, expectedVersion: 2, action: 'accept' });
    expect(await failure(hengnan.privateEdu.licences.approve({ id, expectedVersion: 3, validUntil: '2027-12-31' }))).toMatchObject({
      code: 'BAD_REQUEST',
      message: '请填写核发的办学许可证号',
    });
    await hengnan.privateEdu.licences.step({ id, expectedVersion: 3, action: 'refuse', reason: '办学场地未达标准' });
    expect(await hengnan.privateEdu.licences.byId({ id })).toMatchObject({ status: 'refused', refusalReason: '办学场地未达标准' });
  });

  it('is decided by the approving authority only: the city not on a county-approved school, the county not on a city-approved one', async () => {
    const [minban, hengnan, privedu] = await Promise.all([as('minban'), as('hengnan'), as('privedu')]);
    const { id } = await minban.privateEdu.licences.create({
      schoolId: minbanSchool,
      kind: 'change',
      registration: 'non_profit',
      licenceNo: '教民143042270001号',
      alteration: '学校名称变更为衡南县明德学校',
    });
    await minban.privateEdu.licences.step({ id, expectedVersion: 1, action: 'submit' });
    expect((await privedu.privateEdu.licences.byId({ id })).allowed).toEqual([]);
    expect(await failure(privedu.privateEdu.licences.step({ id, expectedVersion: 2, action: 'accept' }))).toEqual({
      code: 'FORBIDDEN',
      message: '该校由县市区教育局审批，办学许可由县市区教育局办理',
    });

    // A 高中阶段 school's case (opened here directly: no school account of such a school in the demo) is the city's.
    const [senior] = await database.db
      .select({ id: schools.id })
      .from(schools)
      .where(and(eq(schools.unitCode, '430422'), inArray(schools.level, ['senior', 'complete_middle', 'vocational'])))
      .orderBy(schools.code)
      .limit(1);
    const [c] = await database.db
      .insert(privateLicenceCases)
      .values({
        schoolId: senior!.id,
        unitCode: '430422',
        kind: 'renew',
        registration: 'non_profit',
        authority: 'city',
        licenceNo: '教民143040070002号',
        status: 'submitted',
        createdBy: 'test',
        createdAt: new Date('2022-11-01T00:00:00Z'),
        submittedBy: 'test',
        version: 2,
      })
      .returning({ id: privateLicenceCases.id });
    expect(await failure(hengnan.privateEdu.licences.step({ id: c!.id, expectedVersion: 2, action: 'accept' }))).toEqual({
      code: 'FORBIDDEN',
      message: '该校由市教育局审批，办学许可由市教育局办理',
    });
    await privedu.privateEdu.licences.step({ id: c!.id, expectedVersion: 2, action: 'accept' });
    expect((await privedu.privateEdu.licences.byId({ id: c!.id })).allowed).toEqual(['return', 'approve', 'refuse']);
  });

  it('lists licences expiring within 90 days without a renewal under way', async () => {
    const [minban, hengnan] = await Promise.all([as('minban'), as('hengnan')]);
    const base = {
      schoolId: minbanSchool,
      unitCode: '430422',
      registration: 'non_profit' as const,
      authority: 'county' as const,
      createdBy: 'test',
      createdAt: new Date('2017-12-01T00:00:00Z'),
    };
    await database.db.delete(privateLicenceCases).where(eq(privateLicenceCases.schoolId, minbanSchool));
    await database.db
      .insert(privateLicenceCases)
      .values({ ...base, kind: 'establish', status: 'approved', licenceNo: '教民143042270009号', validUntil: '2023-01-31' });
    const due = await hengnan.privateEdu.licences.expiring({});
    expect(due.find((d) => d.schoolId === minbanSchool)).toMatchObject({ standing: 'expiring', validUntil: '2023-01-31' });
    await minban.privateEdu.licences.create({
      schoolId: minbanSchool,
      kind: 'renew',
      registration: 'non_profit',
      licenceNo: '教民143042270009号',
    });
    expect((await hengnan.privateEdu.licences.expiring({})).some((d) => d.schoolId === minbanSchool)).toBe(false);
  });

  it('an approved 设立 writes the issued number and 分类登记 into the registry entry, with its own audit record', async () => {
    const [minban, hengnan] = await Promise.all([as('minban'), as('hengnan')]);
    const entry = async () => (await database.db.select().from(privateProfiles).where(eq(privateProfiles.schoolId, minbanSchool)))[0]!;
    const before = await entry();
    const { id } = await minban.privateEdu.licences.create({ schoolId: minbanSchool, kind: 'establish', registration: 'non_profit' });
    await minban.privateEdu.licences.step({ id, expectedVersion: 1, action: 'submit' });
    await hengnan.privateEdu.licences.step({ id, expectedVersion: 2, action: 'accept' });
    await hengnan.privateEdu.licences.approve({ id, expectedVersion: 3, licenceNo: '教民143042270099号', validUntil: '2027-12-31' });
    expect(await entry()).toMatchObject({ licenceNo: '教民143042270099号', forProfit: false, version: before.version + 1 });
    const audits = await database.db
      .select({ before: auditLog.before, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'privateEdu.profile.followLicence'), eq(auditLog.targetId, String(minbanSchool))));
    expect(audits.at(-1)).toMatchObject({
      before: { licenceNo: before.licenceNo },
      after: { licenceNo: '教民143042270099号', licenceCase: id },
    });
  });
});

import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { tables, verifyAuditChain, type Database } from '@hyedu/db';
import { openTestDatabase, TEST_AUDIT_KEY, testEngines } from '@hyedu/db/testing';
import { realPng } from '@hyedu/files/testing';
import { KPI_SOURCES } from '../../../kpi/registry.ts';
import { callerWithCookie, failure, signIn } from '../../../testing.ts';

const AS_OF = '2022-11-30';
const CONFLICT = { code: 'CONFLICT', message: '该记录已被他人修改，请刷新后重新提交' };
const { accounts, privateEnforcementCases: r } = tables;
/** A refusal's code and its field-level problems (what the error formatter sends as `issues`). */
const fieldIssues = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) =>
      e instanceof TRPCError && e.cause instanceof z.ZodError
        ? { code: e.code, issues: e.cause.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) }
        : String(e),
  );
const clue = {
  subjectName: '启航教育咨询工作室',
  subjectAddress: '衡南县云集街道启航路8号2栋301',
  violation: 'covert' as const,
  covertForm: 'one_to_one' as const,
  clueSource: 'report' as const,
  clueOn: '2022-11-02',
  summary: '家长举报该工作室周末在居民楼内开展初中数学一对一培训',
};

describe.each(testEngines())('校外培训执法案件 on %s', (engine) => {
  let database: Database;
  const cookies = new Map<string, string>();
  const as = (user: string) => callerWithCookie(database, cookies.get(user)!, { asOf: AS_OF });

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    // A county bureau of 耒阳市 with the module (the demo's leiyang account has none), copied from 衡南县's.
    const [hengnan] = await database.db.select().from(accounts).where(eq(accounts.username, 'hengnan'));
    const { id: _h, ...bureau } = hengnan!;
    await database.db
      .insert(accounts)
      .values({ ...bureau, username: 'laiyang', grants: [{ role: 'county', unitCode: '430481', modules: ['private-edu'] }] });
    for (const u of ['hengnan', 'laiyang', 'privedu', 'school', 'leader']) cookies.set(u, await signIn(database, u));
  }, 120_000);
  afterAll(() => database?.close());

  it('a county takes a 线索 through every step to 结案, evidence required before 告知; the KPIs and the inbox follow', async () => {
    const hengnan = await as('hengnan');
    const closedKpi = KPI_SOURCES.get('private.enforcement-closed')!;
    const daysKpi = KPI_SOURCES.get('private.enforcement-days')!;
    const before = (await closedKpi.byUnit(database.db, { kind: 'all' }, AS_OF)).get('430422') ?? { num: 0, den: 0 };
    const { id } = await hengnan.privateEdu.enforcement.create(clue);
    expect(await hengnan.privateEdu.enforcement.byId({ id })).toMatchObject({
      status: 'clue',
      unitCode: '430422',
      handlerLevel: 'county',
      due: '2022-11-09',
      overdue: true,
      allowed: ['verify', 'decline'],
      corrections: [],
    });
    const inbox = async () => (await hengnan.inbox.list()).find((g) => g.kind === 'enforcement')?.items ?? [];
    expect((await inbox()).find((i) => i.id === id)).toMatchObject({ overdue: true, steps: ['verify', 'decline'] });
    expect((await inbox())[0]!.overdue).toBe(true);

    await hengnan.privateEdu.enforcement.step({ id, expectedVersion: 1, action: 'verify' });
    expect(
      await fieldIssues(
        hengnan.privateEdu.enforcement.step({
          id,
          expectedVersion: 2,
          action: 'file',
          filedOn: '2022-11-01',
          caseNo: '衡南教执立〔2022〕9号',
        }),
      ),
    ).toEqual({ code: 'BAD_REQUEST', issues: [{ path: 'filedOn', message: '立案日期不能早于线索日期' }] });
    await hengnan.privateEdu.enforcement.step({
      id,
      expectedVersion: 2,
      action: 'file',
      filedOn: '2022-11-04',
      caseNo: '衡南教执立〔2022〕9号',
    });
    // 告知 needs the evidence of 调查取证.
    const notify = {
      id,
      action: 'notify' as const,
      notifiedOn: '2022-11-10',
      hearingRequested: false,
      representation: '当事人放弃陈述申辩',
    };
    expect(await fieldIssues(hengnan.privateEdu.enforcement.step({ ...notify, expectedVersion: 3 }))).toEqual({
      code: 'BAD_REQUEST',
      issues: [{ path: 'evidence', message: '调查取证须上传至少一份证据材料' }],
    });
    const file = await hengnan.privateEdu.enforcement.attach({ id, fileName: '现场检查照片.png', base64: realPng().toString('base64') });
    expect(await hengnan.privateEdu.enforcement.file({ id: file.id })).toMatchObject({ filename: '现场检查照片.png', mime: 'image/png' });
    await hengnan.privateEdu.enforcement.step({ ...notify, expectedVersion: 3 });
    const decide = {
      id,
      action: 'decide' as const,
      decidedOn: '2022-11-15',
      decisionNo: '衡南教罚〔2022〕9号',
      penalties: ['fine' as const, 'stop_operation' as const],
    };
    expect(await fieldIssues(hengnan.privateEdu.enforcement.step({ ...decide, expectedVersion: 4 }))).toEqual({
      code: 'BAD_REQUEST',
      issues: [{ path: 'fineFen', message: '请填写罚款金额' }],
    });
    await hengnan.privateEdu.enforcement.step({ ...decide, expectedVersion: 4, fineFen: 2_000_000 });
    await hengnan.privateEdu.enforcement.step({
      id,
      expectedVersion: 5,
      action: 'execute',
      executedOn: '2022-11-20',
      executionResult: '已缴纳罚款并停止办学',
    });
    await hengnan.privateEdu.enforcement.step({ id, expectedVersion: 6, action: 'close', closedOn: '2022-11-24' });
    expect(await hengnan.privateEdu.enforcement.byId({ id })).toMatchObject({
      status: 'closed',
      fineFen: 2_000_000,
      penalties: ['fine', 'stop_operation'],
      due: null,
      overdue: false,
      allowed: [],
      canEdit: false,
    });
    expect((await inbox()).some((i) => i.id === id)).toBe(false);
    // 结案率 and 办案天数 of 衡南县: one more case filed in 2022 and closed, 20 days from 立案 to 结案.
    const after = (await closedKpi.byUnit(database.db, { kind: 'all' }, AS_OF)).get('430422')!;
    expect([after.num - before.num, after.den! - before.den!]).toEqual([1, 1]);
    const days = await daysKpi.byUnit(database.db, { kind: 'units', unitCodes: ['430422'] }, AS_OF);
    expect(days.get('430422')!.num).toBeGreaterThanOrEqual(20);
    expect((await hengnan.privateEdu.enforcement.history({ id })).map((e) => e.action)).toEqual([
      'privateEdu.enforcement.create',
      'privateEdu.enforcement.verify',
      'privateEdu.enforcement.file',
      'privateEdu.enforcement.attach',
      'privateEdu.enforcement.notify',
      'privateEdu.enforcement.decide',
      'privateEdu.enforcement.execute',
      'privateEdu.enforcement.close',
    ]);
    // A closed case takes no further step.
    expect(await failure(hengnan.privateEdu.enforcement.step({ id, expectedVersion: 7, action: 'verify' }))).toEqual({
      code: 'CONFLICT',
      message: '执法案件当前为“已结案”，不能开始核查',
    });
    const list = await hengnan.privateEdu.enforcement.list({ page: 1, pageSize: 20, q: '启航教育', status: 'closed' });
    expect(list.rows.map((x) => x.id)).toContain(id);
    const exported = await hengnan.privateEdu.enforcement.export({ q: '启航教育' });
    expect(exported.rows).toBeGreaterThanOrEqual(1);
    expect(await verifyAuditChain(database.db, TEST_AUDIT_KEY)).toMatchObject({ ok: true });
  });

  it('scope: a county sees its own cases, another county and a school get the one NOT_FOUND; the city sees all', async () => {
    const [hengnan, laiyang, school, city] = await Promise.all([as('hengnan'), as('laiyang'), as('school'), as('privedu')]);
    const { id } = await hengnan.privateEdu.enforcement.create({ ...clue, subjectName: '衡南范围测试工作室' });
    const notFound = { code: 'NOT_FOUND', message: '执法案件不存在或不在您的数据范围内' };
    expect(await failure(laiyang.privateEdu.enforcement.byId({ id }))).toEqual(notFound);
    expect(await failure(laiyang.privateEdu.enforcement.step({ id, expectedVersion: 1, action: 'verify' }))).toEqual(notFound);
    expect(await failure(school.privateEdu.enforcement.byId({ id }))).toEqual(notFound);
    expect((await laiyang.privateEdu.enforcement.list({ page: 1, pageSize: 100, q: '衡南范围测试' })).rows).toEqual([]);
    expect((await school.privateEdu.enforcement.list({ page: 1, pageSize: 100 })).total).toBe(0);
    expect((await city.privateEdu.enforcement.byId({ id })).subjectName).toBe('衡南范围测试工作室');
    // A county registers only in its own county.
    expect(await failure(hengnan.privateEdu.enforcement.create({ ...clue, unitCode: '430481' }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await failure(school.privateEdu.enforcement.create(clue))).toMatchObject({ code: 'NOT_FOUND' });
    // The refusals are audited.
    const denied = await database.db.select().from(tables.auditLog).where(eq(tables.auditLog.actor, 'laiyang'));
    expect(denied.filter((d) => d.result === 'denied').length).toBeGreaterThanOrEqual(2);
  });

  it('a case links an institution of its county in the caller’s scope; another county’s is the audited NOT_FOUND', async () => {
    const [hengnan, laiyang, city] = await Promise.all([as('hengnan'), as('laiyang'), as('privedu')]);
    const ti = tables.privateTrainingInstitutions;
    const [own] = await database.db.select().from(ti).where(eq(ti.unitCode, '430422')).limit(1);
    // An institution of 耒阳市: a copy of 衡南县's with its own codes.
    const { id: _o, ...copy } = own!;
    const [foreign] = await database.db
      .insert(ti)
      .values({ ...copy, unitCode: '430481', uscc: '91430481TX000001X9', platformId: 'LINK-TEST-1', name: '耒阳测试培训学校' })
      .returning();
    const { id } = await hengnan.privateEdu.enforcement.create({ ...clue, subjectName: own!.name, institutionId: own!.id });
    expect((await hengnan.privateEdu.enforcement.byId({ id })).institution).toEqual({ id: own!.id, name: own!.name });
    const notFound = { code: 'NOT_FOUND', message: '培训机构不存在或不在您的数据范围内' };
    expect(await failure(hengnan.privateEdu.enforcement.create({ ...clue, institutionId: foreign!.id }))).toEqual(notFound);
    expect(await failure(hengnan.privateEdu.enforcement.update({ id, expectedVersion: 1, ...clue, institutionId: foreign!.id }))).toEqual(
      notFound,
    );
    const denied = await database.db.select().from(tables.auditLog).where(eq(tables.auditLog.actor, 'hengnan'));
    expect(denied.filter((d) => d.result === 'denied' && d.targetId === String(foreign!.id)).length).toBe(2);
    // The city sees both counties, but a case names an institution of its own county.
    expect(await fieldIssues(city.privateEdu.enforcement.create({ ...clue, unitCode: '430422', institutionId: foreign!.id }))).toEqual({
      code: 'BAD_REQUEST',
      issues: [{ path: 'institutionId', message: '该培训机构不在案件所属县市区' }],
    });
    expect((await laiyang.privateEdu.enforcement.create({ ...clue, institutionId: foreign!.id })).id).toBeGreaterThan(0);
    // An update without the link clears it.
    await hengnan.privateEdu.enforcement.update({ id, expectedVersion: 1, ...clue });
    expect((await hengnan.privateEdu.enforcement.byId({ id })).institution).toBeNull();
  });

  it('the city registers for a county (交办), takes a case up (提级) with a reason, acts on it, and hands it back', async () => {
    const [hengnan, city] = await Promise.all([as('hengnan'), as('privedu')]);
    expect(await fieldIssues(city.privateEdu.enforcement.create(clue))).toEqual({
      code: 'BAD_REQUEST',
      issues: [{ path: 'unitCode', message: '请选择案件所属县市区' }],
    });
    const { id } = await city.privateEdu.enforcement.create({ ...clue, unitCode: '430422', subjectName: '交办测试托管中心' });
    expect(await city.privateEdu.enforcement.byId({ id })).toMatchObject({
      handlerLevel: 'county',
      allowed: [],
      corrections: ['escalate'],
    });
    expect(await failure(city.privateEdu.enforcement.step({ id, expectedVersion: 1, action: 'verify' }))).toEqual({
      code: 'FORBIDDEN',
      message: '该案件由县市区教育局办理，市教育局可先提级办理',
    });
    await hengnan.privateEdu.enforcement.step({ id, expectedVersion: 1, action: 'verify' });
    // 提级 needs a reason (a field-level Chinese 400) and is the city's alone.
    expect(await fieldIssues(city.privateEdu.enforcement.step({ id, expectedVersion: 2, action: 'escalate', reason: '' }))).toEqual({
      code: 'BAD_REQUEST',
      issues: [{ path: 'reason', message: '原因至少2个字' }],
    });
    expect(await failure(hengnan.privateEdu.enforcement.step({ id, expectedVersion: 2, action: 'escalate', reason: '案情重大' }))).toEqual({
      code: 'FORBIDDEN',
      message: '“提级办理”由市教育局进行',
    });
    await city.privateEdu.enforcement.step({ id, expectedVersion: 2, action: 'escalate', reason: '跨区域经营，案情重大' });
    expect(await hengnan.privateEdu.enforcement.byId({ id })).toMatchObject({ handlerLevel: 'city', allowed: [], canEdit: false });
    expect(await failure(hengnan.privateEdu.enforcement.step({ id, expectedVersion: 3, action: 'decline', reason: '查无实据' }))).toEqual({
      code: 'FORBIDDEN',
      message: '该案件已由市教育局提级办理',
    });
    const cityInbox = (await city.inbox.list()).find((g) => g.kind === 'enforcement')?.items.map((i) => i.id) ?? [];
    expect(cityInbox).toContain(id);
    await city.privateEdu.enforcement.step({
      id,
      expectedVersion: 3,
      action: 'file',
      filedOn: '2022-11-20',
      caseNo: '衡教执立〔2022〕3号',
    });
    await city.privateEdu.enforcement.step({ id, expectedVersion: 4, action: 'hand_back', reason: '交由属地继续调查' });
    expect(await hengnan.privateEdu.enforcement.byId({ id })).toMatchObject({
      handlerLevel: 'county',
      status: 'investigating',
      allowed: ['notify'],
    });
  });

  it('不予立案 needs a reason; edits are versioned; two steps on one version: one wins, the other gets CONFLICT', async () => {
    const hengnan = await as('hengnan');
    const { id } = await hengnan.privateEdu.enforcement.create({
      ...clue,
      subjectName: '版本测试自习室',
      violation: 'unlicensed',
      covertForm: undefined,
    });
    expect(await fieldIssues(hengnan.privateEdu.enforcement.step({ id, expectedVersion: 1, action: 'decline', reason: ' ' }))).toEqual({
      code: 'BAD_REQUEST',
      issues: [{ path: 'reason', message: '原因至少2个字' }],
    });
    const update = { ...clue, id, subjectName: '版本测试自习室（更正）', violation: 'unlicensed' as const, covertForm: undefined };
    await hengnan.privateEdu.enforcement.update({ ...update, expectedVersion: 1 });
    expect(await failure(hengnan.privateEdu.enforcement.update({ ...update, expectedVersion: 1 }))).toEqual(CONFLICT);
    const results = await Promise.allSettled([
      hengnan.privateEdu.enforcement.step({ id, expectedVersion: 2, action: 'verify' }),
      hengnan.privateEdu.enforcement.step({ id, expectedVersion: 2, action: 'decline', reason: '经核查无培训行为' }),
    ]);
    expect(results.filter((x) => x.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((x) => x.status === 'rejected') as PromiseRejectedResult;
    expect({ code: refused.reason.code, message: refused.reason.message }).toEqual(CONFLICT);
    const [row] = await database.db.select({ version: r.version }).from(r).where(eq(r.id, id));
    expect(row!.version).toBe(3);
  });

  it('bad input is refused field by field in Chinese', async () => {
    const hengnan = await as('hengnan');
    expect(
      await fieldIssues(
        hengnan.privateEdu.enforcement.create({
          ...clue,
          uscc: '91350200MA2YJ1XR9',
          clueOn: '2022-02-30',
        }),
      ),
    ).toEqual({
      code: 'BAD_REQUEST',
      issues: [
        { path: 'uscc', message: '统一社会信用代码应为18位' },
        { path: 'clueOn', message: '日期应为有效的 YYYY-MM-DD 格式' },
      ],
    });
    expect(
      await fieldIssues(
        hengnan.privateEdu.enforcement.create({
          ...clue,
          violation: 'prepayment',
          covertForm: undefined,
          prepaidFrom: '2022-09-01',
          prepaidTo: '2022-12-01',
          prepaidLessons: 60,
        }),
      ),
    ).toEqual({
      code: 'BAD_REQUEST',
      issues: [{ path: 'prepaidLessons', message: '该笔收费未超过3个月或60课时，不构成超期预收费' }],
    });
    expect(await fieldIssues(hengnan.privateEdu.enforcement.create({ ...clue, clueOn: '2022-12-01' }))).toEqual({
      code: 'BAD_REQUEST',
      issues: [{ path: 'clueOn', message: '线索日期不能晚于今天' }],
    });
    // A 61-lesson charge is a breach.
    const { id } = await hengnan.privateEdu.enforcement.create({
      ...clue,
      violation: 'prepayment',
      covertForm: undefined,
      prepaidFrom: '2022-09-01',
      prepaidTo: '2022-12-01',
      prepaidLessons: 61,
      prepaidAmount: 1_220_000,
    });
    expect((await hengnan.privateEdu.enforcement.byId({ id })).prepaidLessons).toBe(61);
  });
});

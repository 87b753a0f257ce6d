import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables, verifyAuditChain, type Database } from '@hyedu/db';
import { openTestDatabase, TEST_AUDIT_KEY, testEngines } from '@hyedu/db/testing';
import { callerWithCookie, failure, signIn } from '../../../testing.ts';
import { wageGuaranteeKpi } from './kpi.ts';

const AS_OF = '2022-11-30';
const CONFLICT = { code: 'CONFLICT', message: '该记录已被他人修改，请刷新后重新提交' };
const { accounts, teacherPayReturns: pr, teacherPayRectifications: pc } = tables;
const figures = (more: Record<string, unknown> = {}) => ({
  teacherAvgPay: 8_500_000,
  civilServantAvgPay: 8_400_000,
  teacherBasePay: 3_200_000,
  linkageEstablished: true,
  linkageDocument: '衡南政办发〔2020〕8号',
  civilServantBonusOn: '2020-01-18',
  teacherBonusOn: '2020-01-18',
  ...more,
});

describe.each(testEngines())('教师工资保障 on %s', (engine) => {
  let database: Database;
  const cookies = new Map<string, string>();
  const as = (user: string) => callerWithCookie(database, cookies.get(user)!, { asOf: AS_OF });

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    // 2020 returns of 衡南县 and 耒阳市 are entered afresh here.
    await database.db.delete(pr).where(and(inArray(pr.unitCode, ['430422', '430481']), eq(pr.year, 2020)));
    // A second account of the city's 科室 (four eyes: the one who submits does not accept).
    const [teachers] = await database.db.select().from(accounts).where(eq(accounts.username, 'teachers'));
    const { id: _t, ...rest } = teachers!;
    await database.db.insert(accounts).values({ ...rest, username: 'teachers2' });
    for (const u of ['hengnan', 'leiyang', 'teachers', 'teachers2', 'xiaoxue']) cookies.set(u, await signIn(database, u));
  }, 180_000);
  afterAll(() => database?.close());

  it('the comparison: the city sees 13 units, 耒阳市 and 祁东县 red, 衡南县 late with its bonus; a county only its own', async () => {
    const [city, county] = await Promise.all([as('teachers'), as('hengnan')]);
    const c = await city.teachers.pay.comparison({ year: 2022 });
    expect(c.rows).toHaveLength(13);
    expect(c.rows.filter((r) => r.below).map((r) => r.unitName)).toEqual(['祁东县', '耒阳市']);
    expect(c.rows.filter((r) => r.bonusLate).map((r) => r.unitName)).toEqual(['衡南县']);
    const leiyang = c.rows.find((r) => r.unitCode === '430481')!;
    expect(leiyang).toMatchObject({ teacherAvgPay: 8_641_200, civilServantAvgPay: 8_973_000, gap: -331_800, meets: false });
    expect(leiyang.findings).toEqual(['教师年平均工资收入86,412.00元，低于公务员89,730.00元，差3,318.00元']);
    // 高新区's 2022 return is still under review: not counted as meeting.
    expect(c.summary).toMatchObject({ units: 13, filed: 13, accepted: 12, meeting: 10, below: 2, bonusLate: 1 });
    expect((await city.teachers.pay.comparison({ year: 2022, below: true })).rows.map((r) => r.unitCode)).toEqual(['430426', '430481']);
    const own = await county.teachers.pay.comparison({ year: 2022 });
    expect(own.rows.map((r) => r.unitCode)).toEqual(['430422']);
    expect((await county.teachers.pay.comparison({ year: 2022, unitCode: '430481' })).rows).toEqual([]);
    // The KPI: 10 of 13 units meet it in 2022; 耒阳市 0 of 1.
    const kpi = await wageGuaranteeKpi.byUnit(database.db, { kind: 'all' }, AS_OF);
    const sum = [...kpi.values()].reduce<{ num: number; den: number }>((a, m) => ({ num: a.num + m.num, den: a.den + (m.den ?? 0) }), {
      num: 0,
      den: 0,
    });
    expect(sum).toEqual({ num: 10, den: 13 });
    expect(kpi.get('430481')).toEqual({ num: 0, den: 1 });
  });

  it('the county fills and submits; the city returns it with a reason; the county corrects and resubmits; the city accepts', async () => {
    const [city, county] = await Promise.all([as('teachers'), as('hengnan')]);
    const { id } = await county.teachers.pay.save({ unitCode: '430422', year: 2020, ...figures() });
    expect(await county.teachers.pay.byId({ id })).toMatchObject({
      status: 'draft',
      below: false,
      bonusLate: false,
      canEdit: true,
      allowed: ['submit'],
    });
    // Saving without the version, or with a stale one, is a CONFLICT.
    expect(await failure(county.teachers.pay.save({ unitCode: '430422', year: 2020, ...figures() }))).toMatchObject({ code: 'CONFLICT' });
    expect(await failure(county.teachers.pay.save({ unitCode: '430422', year: 2020, expectedVersion: 2, ...figures() }))).toEqual(CONFLICT);
    await county.teachers.pay.save({ unitCode: '430422', year: 2020, expectedVersion: 1, ...figures({ teacherAvgPay: 8_300_000 }) });
    expect(await county.teachers.pay.byId({ id })).toMatchObject({ version: 2, below: true });
    await county.teachers.pay.step({ id, expectedVersion: 2, action: 'submit' });
    expect(await failure(city.teachers.pay.step({ id, expectedVersion: 3, action: 'return' }))).toMatchObject({
      code: 'BAD_REQUEST',
      message: '请填写退回原因',
    });
    await city.teachers.pay.step({ id, expectedVersion: 3, action: 'return', reason: '教师平均工资口径有误，请核实' });
    expect(await county.teachers.pay.byId({ id })).toMatchObject({ status: 'returned', returnReason: '教师平均工资口径有误，请核实' });
    const inbox = await county.inbox.list();
    expect(inbox.find((g) => g.kind === 'payReturn')?.items.map((i) => i.id)).toContain(id);
    await county.teachers.pay.save({ unitCode: '430422', year: 2020, expectedVersion: 4, ...figures() });
    await county.teachers.pay.step({ id, expectedVersion: 5, action: 'submit' });
    expect(await failure(county.teachers.pay.save({ unitCode: '430422', year: 2020, expectedVersion: 6, ...figures() }))).toMatchObject({
      code: 'CONFLICT',
      message: '只有待提交或已退回的情况表可以修改',
    });
    await city.teachers.pay.step({ id, expectedVersion: 6, action: 'accept' });
    expect(await city.teachers.pay.byId({ id })).toMatchObject({ status: 'accepted', below: false, allowed: [], canEdit: false });
    expect((await county.teachers.pay.history({ id })).map((e) => e.action)).toEqual([
      'teachers.pay.create',
      'teachers.pay.update',
      'teachers.pay.submit',
      'teachers.pay.return',
      'teachers.pay.update',
      'teachers.pay.submit',
      'teachers.pay.accept',
    ]);
    expect(await verifyAuditChain(database.db, TEST_AUDIT_KEY)).toMatchObject({ ok: true });
  });

  it('the city may enter for a county but not accept its own submission (four eyes)', async () => {
    const [city, other] = await Promise.all([as('teachers'), as('teachers2')]);
    const { id } = await city.teachers.pay.save({ unitCode: '430481', year: 2020, ...figures({ linkageDocument: '耒政办发〔2020〕3号' }) });
    await city.teachers.pay.step({ id, expectedVersion: 1, action: 'submit' });
    expect((await city.teachers.pay.byId({ id })).allowed).toEqual(['return']);
    expect(await failure(city.teachers.pay.step({ id, expectedVersion: 2, action: 'accept' }))).toEqual({
      code: 'CONFLICT',
      message: '不能审核自己提交的教师工资保障情况表',
    });
    await other.teachers.pay.step({ id, expectedVersion: 2, action: 'accept' });
    expect((await city.teachers.pay.byId({ id })).status).toBe('accepted');
    // The city enters only for a filing unit: not for itself.
    expect(await failure(city.teachers.pay.save({ unitCode: '430400', year: 2022, ...figures() }))).toMatchObject({
      code: 'BAD_REQUEST',
      message: '该单位不是填报教师工资保障情况的县市区',
    });
  });

  it('scope: another county’s return is NOT_FOUND for a county; a school sees nothing', async () => {
    const [county, school] = await Promise.all([as('hengnan'), as('xiaoxue')]);
    const [theirs] = await database.db
      .select({ id: pr.id })
      .from(pr)
      .where(and(eq(pr.unitCode, '430481'), eq(pr.year, 2022)));
    const notFound = { code: 'NOT_FOUND', message: '教师工资保障情况表不存在或不在您的数据范围内' };
    expect(await failure(county.teachers.pay.byId({ id: theirs!.id }))).toEqual(notFound);
    expect(await failure(county.teachers.pay.byId({ id: 999_999 }))).toEqual(notFound);
    expect(await failure(county.teachers.pay.save({ unitCode: '430481', year: 2021, expectedVersion: 1, ...figures() }))).toMatchObject({
      code: 'NOT_FOUND',
    });
    const refused = await failure(school.teachers.pay.byId({ id: theirs!.id }));
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(refused?.code);
    const list = await failure(school.teachers.pay.save({ unitCode: '430422', year: 2021, ...figures() }));
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(list?.code);
  });

  it('bad input is refused per field in Chinese: negative, fractional or non-numeric money, a linkage without its document', async () => {
    const county = await as('hengnan');
    const base = { unitCode: '430422', year: 2021, expectedVersion: 1 };
    const refusal = (more: Record<string, unknown>) => failure(county.teachers.pay.save({ ...base, ...figures(more) } as never));
    expect(await refusal({ teacherAvgPay: -100 })).toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('义务教育教师年平均工资收入不能为负数'),
    });
    expect(await refusal({ civilServantAvgPay: 'abc' })).toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('公务员年平均工资收入应为数字'),
    });
    expect(await refusal({ teacherAvgPay: 12.5 })).toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('最多保留两位小数'),
    });
    expect(await refusal({ linkageDocument: '' })).toMatchObject({
      code: 'BAD_REQUEST',
      message: '已建立联动机制的，请填写联动机制文件名称或文号',
    });
    expect(await refusal({ civilServantBonusOn: '2021-01-18', teacherBonusOn: '2020-02-01' })).toMatchObject({
      code: 'BAD_REQUEST',
      message: '教师年终一次性奖励发放日期应在2021年内',
    });
    expect(await failure(county.teachers.pay.save({ ...base, ...figures(), year: 2035 }))).toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('年度不能晚于2022年'),
    });
  });

  it('督查整改: the city opens, the county takes it on and reports its measures, the city returns with a reason, then closes', async () => {
    const [city, county, other] = await Promise.all([as('teachers'), as('hengnan'), as('leiyang')]);
    const open = {
      unitCode: '430422',
      year: 2022,
      findingKinds: ['bonusLate' as const],
      findingText: '教师年终奖晚发36天',
      deadline: '2022-12-31',
    };
    expect(await failure(county.teachers.pay.rectifications.create(open))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await failure(city.teachers.pay.rectifications.create({ ...open, deadline: '2022-11-01' }))).toMatchObject({
      code: 'BAD_REQUEST',
      message: '整改期限应晚于今天',
    });
    const { id } = await city.teachers.pay.rectifications.create(open);
    expect(await failure(other.teachers.pay.rectifications.byId({ id }))).toEqual({
      code: 'NOT_FOUND',
      message: '督查整改不存在或不在您的数据范围内',
    });
    expect((await county.teachers.pay.rectifications.byId({ id })).allowed).toEqual(['start']);
    await county.teachers.pay.rectifications.step({ id, expectedVersion: 1, action: 'start' });
    expect(await failure(county.teachers.pay.rectifications.step({ id, expectedVersion: 2, action: 'report' }))).toMatchObject({
      code: 'BAD_REQUEST',
      message: '请填写整改措施（至少2个字）',
    });
    await county.teachers.pay.rectifications.step({ id, expectedVersion: 2, action: 'report', measures: '已与公务员同步发放' });
    expect(await failure(county.teachers.pay.rectifications.step({ id, expectedVersion: 2, action: 'accept' }))).toEqual(CONFLICT);
    expect(await failure(city.teachers.pay.rectifications.step({ id, expectedVersion: 3, action: 'return' }))).toMatchObject({
      code: 'BAD_REQUEST',
      message: '请填写退回原因',
    });
    await city.teachers.pay.rectifications.step({ id, expectedVersion: 3, action: 'return', reason: '请附财政拨付凭证说明' });
    expect(await county.teachers.pay.rectifications.byId({ id })).toMatchObject({
      status: 'rectifying',
      returnReason: '请附财政拨付凭证说明',
    });
    await county.teachers.pay.rectifications.step({ id, expectedVersion: 4, action: 'report', measures: '已补发并附财政拨付凭证' });
    expect(await failure(county.teachers.pay.rectifications.step({ id, expectedVersion: 5, action: 'accept' }))).toMatchObject({
      code: 'FORBIDDEN',
    });
    await city.teachers.pay.rectifications.step({ id, expectedVersion: 5, action: 'accept' });
    expect(await county.teachers.pay.rectifications.byId({ id })).toMatchObject({ status: 'closed', measures: '已补发并附财政拨付凭证' });
    expect((await city.teachers.pay.rectifications.history({ id })).map((e) => e.action)).toEqual([
      'teachers.payRectification.create',
      'teachers.payRectification.start',
      'teachers.payRectification.report',
      'teachers.payRectification.return',
      'teachers.payRectification.report',
      'teachers.payRectification.accept',
    ]);
    // The seed's cases in the 待办: 衡南县's 督查发现 awaits it; 祁东县's report awaits the city.
    const inbox = await county.inbox.list();
    expect(inbox.find((g) => g.kind === 'payRectification')?.total).toBe(1);
    const cityInbox = await city.inbox.list();
    expect(cityInbox.find((g) => g.kind === 'payRectification')?.items.map((i) => i.subject)).toEqual(['祁东县']);
    const list = await city.teachers.pay.rectifications.list({ page: 1, pageSize: 20, year: 2022 });
    expect(list.rows.map((r) => r.status).sort()).toEqual(['closed', 'found', 'rectifying', 'reported']);
    const [seeded] = await database.db.select({ n: pc.id }).from(pc).where(eq(pc.unitCode, '430481'));
    expect(seeded).toBeDefined();
  });
});

import { TRPCError } from '@trpc/server';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { tables, verifyAuditChain, type Database } from '@hyedu/db';
import { openTestDatabase, TEST_AUDIT_KEY, testEngines } from '@hyedu/db/testing';
import { idCardCheckChar } from '@hyedu/domain';
import { KPI_SOURCES } from '../../../kpi/registry.ts';
import { callerWithCookie, failure, signIn } from '../../../testing.ts';

const AS_OF = '2022-11-30';
const CONFLICT = { code: 'CONFLICT', message: '该记录已被他人修改，请刷新后重新提交' };
const { accounts, schools, fundingDropoutCases: c, fundingDropoutAttempts: at } = tables;
const idOf = (region: string, birth: string, seq: string) => {
  const first17 = `${region}${birth.replaceAll('-', '')}${seq}`;
  return first17 + idCardCheckChar(first17);
};
/** A refusal's code and its field-level problems (what the error formatter sends as `issues`). */
const fieldIssues = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) =>
      e instanceof TRPCError && e.cause instanceof z.ZodError
        ? { code: e.code, issues: e.cause.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) }
        : String(e),
  );

describe.each(testEngines())('控辍保学 and 随迁子女 on %s', (engine) => {
  let database: Database;
  let school: { id: number; name: string };
  let otherSchool: number;
  const cookies = new Map<string, string>();
  const as = (user: string) => callerWithCookie(database, cookies.get(user)!, { asOf: AS_OF });
  const kpi = async (id: 'funding.dropouts' | 'funding.dropout-return-rate', unit = '430422') =>
    (await KPI_SOURCES.get(id)!.byUnit(database.db, { kind: 'all' }, AS_OF)).get(unit) ?? { num: 0, den: null };

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    const [xiaoxue] = await database.db.select().from(accounts).where(eq(accounts.username, 'xiaoxue'));
    const grant = (xiaoxue!.grants as { schoolId: number }[])[0]!;
    const [s] = await database.db.select({ id: schools.id, name: schools.name }).from(schools).where(eq(schools.id, grant.schoolId));
    school = s!;
    const [o] = await database.db
      .select({ id: schools.id })
      .from(schools)
      .where(and(eq(schools.unitCode, '430481'), eq(schools.level, 'primary')))
      .limit(1);
    otherSchool = o!.id;
    // A county bureau of 耒阳市 with the funding module (the demo's leiyang account has none).
    const [hengnan] = await database.db.select().from(accounts).where(eq(accounts.username, 'hengnan'));
    const { id: _h, ...bureau } = hengnan!;
    await database.db
      .insert(accounts)
      .values({ ...bureau, username: 'laiyang', grants: [{ role: 'county', unitCode: '430481', modules: ['funding'] }] });
    for (const u of ['hengnan', 'laiyang', 'funding', 'xiaoxue', 'leader']) cookies.set(u, await signIn(database, u));
  }, 180_000);
  afterAll(() => database?.close());

  const child = (seq: string, extra: Record<string, unknown> = {}) => ({
    schoolId: school.id,
    childName: '李小明',
    idNumber: idOf('430422', '2011-05-12', seq),
    studentGrade: 'P5' as const,
    reason: 'study_weariness' as const,
    group: 'left_behind' as const,
    foundOn: '2022-11-01',
    ...extra,
  });

  it('a school registers a suspected child; bad input is refused on its field in Chinese; one open case per child', async () => {
    const xiaoxue = await as('xiaoxue');
    expect(await fieldIssues(xiaoxue.funding.dropout.create(child('801', { idNumber: '43042220110512801X' })))).toEqual({
      code: 'BAD_REQUEST',
      issues: [{ path: 'idNumber', message: '身份证号校验位错误' }],
    });
    expect(await fieldIssues(xiaoxue.funding.dropout.create(child('801', { studentGrade: 'J2' })))).toMatchObject({
      issues: [{ path: 'studentGrade', message: `${school.name}没有该年级（只登记义务教育年级的学生）` }],
    });
    expect(await fieldIssues(xiaoxue.funding.dropout.create(child('801', { idNumber: idOf('430422', '2017-05-12', '801') })))).toEqual({
      code: 'BAD_REQUEST',
      issues: [{ path: 'idNumber', message: '发现时未满6周岁，不属于义务教育适龄儿童' }],
    });
    expect(await fieldIssues(xiaoxue.funding.dropout.create(child('801', { foundOn: '2022-12-01' })))).toMatchObject({
      issues: [{ path: 'foundOn', message: '发现日期不能晚于今天' }],
    });
    expect(await fieldIssues(xiaoxue.funding.dropout.create(child('801', { childName: ' ' })))).toMatchObject({
      issues: [{ path: 'childName' }],
    });
    const { id } = await xiaoxue.funding.dropout.create(child('801'));
    expect(await fieldIssues(xiaoxue.funding.dropout.create(child('801')))).toEqual({
      code: 'BAD_REQUEST',
      issues: [{ path: 'idNumber', message: '该学生已在控辍保学台账中，请在原记录中办理' }],
    });
    // The school cannot verify; its county can. Another county's school is the one NOT_FOUND.
    expect(await xiaoxue.funding.dropout.byId({ id })).toMatchObject({ status: 'suspected', allowed: [], canPersuade: false });
    expect(await failure(xiaoxue.funding.dropout.step({ id, expectedVersion: 1, action: 'confirm' }))).toEqual({
      code: 'FORBIDDEN',
      message: '“确认辍学”由县区教育局或市教育局进行',
    });
    expect(await failure((await as('xiaoxue')).funding.dropout.create(child('802', { schoolId: otherSchool })))).toEqual({
      code: 'NOT_FOUND',
      message: '学校不存在或不在您的数据范围内',
    });
  });

  it('a county confirms, a 劝返 that fails keeps the dropout, one that brings the child back moves the KPIs, then 销号', async () => {
    const hengnan = await as('hengnan');
    const { id } = await hengnan.funding.dropout.create(child('803', { foundOn: '2022-10-20' }));
    const dropouts = (await kpi('funding.dropouts')).num;
    const rate = await kpi('funding.dropout-return-rate');
    expect(await fieldIssues(hengnan.funding.dropout.step({ id, expectedVersion: 1, action: 'clear' }))).toEqual({
      code: 'BAD_REQUEST',
      issues: [{ path: 'reason', message: '请填写核实排除原因' }],
    });
    await hengnan.funding.dropout.step({ id, expectedVersion: 1, action: 'confirm' });
    expect((await kpi('funding.dropouts')).num).toBe(dropouts + 1);
    expect(await kpi('funding.dropout-return-rate')).toEqual({ num: rate.num, den: rate.den! + 1 });
    const visit = { id, persons: '班主任、包村干部', visitedOn: '2022-11-10' };
    expect(
      await fieldIssues(hengnan.funding.dropout.persuade({ ...visit, visitedOn: '2022-11-29', expectedVersion: 2, result: 'refused' })),
    ).toEqual({
      code: 'BAD_REQUEST',
      issues: [{ path: 'visitedOn', message: '劝返日期不能早于确认辍学日期' }],
    });
    await hengnan.funding.dropout.persuade({
      ...visit,
      visitedOn: '2022-11-30',
      expectedVersion: 2,
      result: 'refused',
      note: '家长不同意',
    });
    expect((await kpi('funding.dropouts')).num).toBe(dropouts + 1);
    // Two people record the same visit on the same version: one wins, the other is the CONFLICT.
    const school = await as('xiaoxue');
    const [a, b] = await Promise.all([
      failure(hengnan.funding.dropout.persuade({ ...visit, visitedOn: '2022-11-30', expectedVersion: 3, result: 'returned' })),
      failure(school.funding.dropout.persuade({ ...visit, visitedOn: '2022-11-30', expectedVersion: 3, result: 'returned' })),
    ]);
    expect([a, b].filter((x) => x === null)).toHaveLength(1);
    expect([a, b].find((x) => x !== null)).toEqual(CONFLICT);
    const back = await hengnan.funding.dropout.byId({ id });
    expect(back).toMatchObject({ status: 'returned', returnedOn: '2022-11-30', allowed: ['close'], corrections: ['relapse'] });
    expect(back.attempts.map((x) => x.result)).toEqual(['refused', 'returned']);
    expect((await database.db.select().from(at).where(eq(at.caseId, id))).length).toBe(2);
    expect((await kpi('funding.dropouts')).num).toBe(dropouts);
    expect(await kpi('funding.dropout-return-rate')).toEqual({ num: rate.num + 1, den: rate.den! + 1 });
    await hengnan.funding.dropout.step({ id, expectedVersion: 4, action: 'close' });
    expect(await hengnan.funding.dropout.byId({ id })).toMatchObject({ status: 'closed', closedOn: AS_OF, allowed: [] });
    expect(await failure(hengnan.funding.dropout.step({ id, expectedVersion: 4, action: 'close' }))).toEqual(CONFLICT);
    expect((await hengnan.funding.dropout.history({ id })).map((e) => e.action)).toEqual([
      'funding.dropout.create',
      'funding.dropout.confirm',
      'funding.dropout.persuade',
      'funding.dropout.return',
      'funding.dropout.close',
    ]);
    // Closed, the child may be registered again.
    await hengnan.funding.dropout.create(child('803', { foundOn: AS_OF }));
    expect(await verifyAuditChain(database.db, TEST_AUDIT_KEY)).toMatchObject({ ok: true });
  });

  it('送教上门 counts as enrolled, not as a dropout (and a confirmed dropout placed there is brought back)', async () => {
    const hengnan = await as('hengnan');
    const { id } = await hengnan.funding.dropout.create(child('805', { reason: 'illness_disability', group: 'disabled' }));
    await hengnan.funding.dropout.step({ id, expectedVersion: 1, action: 'confirm' });
    const dropouts = (await kpi('funding.dropouts')).num;
    const rate = await kpi('funding.dropout-return-rate');
    await hengnan.funding.dropout.step({ id, expectedVersion: 2, action: 'homeTeach' });
    expect((await kpi('funding.dropouts')).num).toBe(dropouts - 1);
    expect(await kpi('funding.dropout-return-rate')).toEqual({ num: rate.num + 1, den: rate.den });
    expect(await hengnan.funding.dropout.byId({ id })).toMatchObject({ status: 'home_taught', homeTaughtOn: AS_OF, allowed: [] });
  });

  it('scope: a school its own cases, a county its schools’, the city reads all but acts only for 市直 schools; names masked for leadership', async () => {
    const laiyang = await as('laiyang');
    const own = await laiyang.funding.dropout.list({ page: 1, pageSize: 100 });
    expect(own.rows.every((r) => r.unitCode === '430481')).toBe(true);
    const [hengnanCase] = await database.db.select({ id: c.id }).from(c).where(eq(c.unitCode, '430422')).limit(1);
    expect(await failure(laiyang.funding.dropout.byId({ id: hengnanCase!.id }))).toEqual({
      code: 'NOT_FOUND',
      message: '控辍保学台账不存在或不在您的数据范围内',
    });
    const xiaoxue = await (await as('xiaoxue')).funding.dropout.list({ page: 1, pageSize: 100 });
    expect(xiaoxue.rows.every((r) => r.schoolId === school.id)).toBe(true);
    const funding = await as('funding');
    const open = (await funding.funding.dropout.list({ page: 1, pageSize: 5, unitCode: '430481', ledger: 'open' })).rows[0]!;
    expect(await failure(funding.funding.dropout.step({ id: open.id, expectedVersion: open.version, action: 'homeTeach' }))).toEqual({
      code: 'FORBIDDEN',
      message: '控辍保学台账由学校所在县市区教育局办理，市教育局办理市直学校的台账',
    });
    expect((await funding.funding.dropout.byId({ id: open.id })).allowed).toEqual([]);
    const leader = await as('leader');
    const seen = await leader.funding.dropout.byId({ id: open.id });
    expect(seen.name).toMatch(/^.\*+$/);
    expect(seen.idNumber).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    expect((await funding.funding.dropout.byId({ id: open.id })).idNumber).toMatch(/^\d{17}[\dX]$/);
    expect((await leader.funding.dropout.list({ page: 1, pageSize: 5 })).rows.every((r) => /^.\*+$/.test(r.name))).toBe(true);
    expect(
      await failure(
        leader.funding.dropout.persuade({ id: open.id, expectedVersion: 1, visitedOn: AS_OF, persons: '局领导', result: 'refused' }),
      ),
    ).toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('returns: a school files its month once, a county its quarter’s review; the 待办 reminds of what is due or overdue', async () => {
    const xiaoxue = await as('xiaoxue');
    const reminders = async (who: Awaited<ReturnType<typeof as>>) =>
      (await who.inbox.list()).find((g) => g.kind === 'dropoutReturn')?.items ?? [];
    // The seed leaves the demo primary school's October return missing: overdue since 2022-11-05.
    expect((await reminders(xiaoxue)).find((i) => i.detail.endsWith('2022-10'))).toMatchObject({
      overdue: true,
      due: '2022-11-05',
      steps: ['fileMonthly'],
    });
    expect(await fieldIssues(xiaoxue.funding.dropout.returns.file({ period: '2022-12', schoolId: school.id }))).toEqual({
      code: 'BAD_REQUEST',
      issues: [{ path: 'period', message: '报告期尚未开始，不能报送' }],
    });
    const filed = await xiaoxue.funding.dropout.returns.file({ period: '2022-10', schoolId: school.id, note: '本月无新增' });
    expect(filed.id).toBeGreaterThan(0);
    expect(await fieldIssues(xiaoxue.funding.dropout.returns.file({ period: '2022-10', schoolId: school.id }))).toEqual({
      code: 'BAD_REQUEST',
      issues: [{ path: 'period', message: '学校月报告2022-10已报送' }],
    });
    expect((await reminders(xiaoxue)).some((i) => i.detail.endsWith('2022-10'))).toBe(false);
    const list = await xiaoxue.funding.dropout.returns.list({ page: 1, pageSize: 20, period: '2022-10' });
    expect(list.rows).toMatchObject([{ period: '2022-10', filedOn: AS_OF, late: true }]);
    expect(await failure(xiaoxue.funding.dropout.returns.file({ period: '2022-Q3', unitCode: '430422', note: '复核完毕' }))).toEqual({
      code: 'NOT_FOUND',
      message: '单位不存在或不在您的数据范围内',
    });
    // 衡南县 has not reviewed 2022-Q3 (due 2022-10-15).
    const hengnan = await as('hengnan');
    expect((await reminders(hengnan)).find((i) => i.detail === '控辍保学季度复核 · 2022-Q3')).toMatchObject({
      overdue: true,
      steps: ['fileQuarterly'],
    });
    expect(await fieldIssues(hengnan.funding.dropout.returns.file({ period: '2022-Q3', unitCode: '430422' }))).toMatchObject({
      issues: [{ path: 'note', message: '请填写复核意见（至少4个字）' }],
    });
    // The city is reminded of the counties that have not reviewed the quarter, with their count.
    const quarterly = async () => (await reminders(await as('funding'))).find((i) => i.detail.startsWith('控辍保学季度复核 · 2022-Q3'));
    const before = await quarterly();
    expect(before).toMatchObject({
      overdue: true,
      steps: ['urgeCounties'],
      link: { query: { kind: 'county_quarter', period: '2022-Q3' } },
    });
    const missingBefore = Number(/(\d+)个县市区未复核/.exec(before!.detail)![1]);
    await hengnan.funding.dropout.returns.file({ period: '2022-Q3', unitCode: '430422', note: '已逐校复核台账' });
    expect(Number(/(\d+)个县市区未复核/.exec((await quarterly())?.detail ?? '0个县市区未复核')![1])).toBe(missingBefore - 1);
    expect((await reminders(hengnan)).some((i) => i.detail === '控辍保学季度复核 · 2022-Q3')).toBe(false);
    expect(
      await failure((await as('funding')).funding.dropout.returns.file({ period: '2022-Q3', unitCode: '430481', note: '市局代报' })),
    ).toEqual({
      code: 'FORBIDDEN',
      message: '季度复核由县市区教育局报送',
    });
    const missing = await hengnan.funding.dropout.returns.missing({ page: 1, pageSize: 5, period: '2022-11' });
    expect(missing).toMatchObject({ due: '2022-12-05', overdue: false });
    expect(missing.total).toBeGreaterThan(0);
  });

  it('随迁子女: a county saves its year’s figures by version; the share KPI counts bought seats as public', async () => {
    const laiyang = await as('laiyang');
    const year = '2022-2023';
    const before = (await laiyang.funding.migrant.list({ schoolYear: year })).rows.find((r) => r.unitCode === '430481')!;
    const figures = { unitCode: '430481', schoolYear: year, total: 4000, publicSchools: 3500, purchased: 300 };
    expect(await fieldIssues(laiyang.funding.migrant.save({ ...figures, purchased: 600, expectedVersion: before.version }))).toEqual({
      code: 'BAD_REQUEST',
      issues: [{ path: 'publicSchools', message: '公办学校与政府购买学位就读人数之和不能超过随迁子女总数' }],
    });
    await laiyang.funding.migrant.save({ ...figures, expectedVersion: before.version });
    expect(await failure(laiyang.funding.migrant.save({ ...figures, expectedVersion: before.version }))).toEqual(CONFLICT);
    const m = (
      await KPI_SOURCES.get('funding.migrant-public-share')!.byUnit(database.db, { kind: 'units', unitCodes: ['430481'] }, AS_OF)
    ).get('430481');
    expect(m).toEqual({ num: 3800, den: 4000 });
    expect(await failure(laiyang.funding.migrant.save({ ...figures, unitCode: '430422', expectedVersion: 0 }))).toEqual({
      code: 'NOT_FOUND',
      message: '单位不存在或不在您的数据范围内',
    });
    const exported = await laiyang.funding.migrant.export({ schoolYear: year });
    expect(exported.rows).toBe(1);
  });
});

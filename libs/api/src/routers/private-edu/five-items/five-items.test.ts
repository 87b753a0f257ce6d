import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables, verifyAuditChain, type Database } from '@hyedu/db';
import { openTestDatabase, TEST_AUDIT_KEY, testEngines } from '@hyedu/db/testing';
import { FIVE_ITEMS_LEVELS, fiveItemsGrades, type FiveItemsGradeRow } from '@hyedu/domain/private-edu';
import { callerWithCookie, failure, signIn } from '../../../testing.ts';
import { fiveItemsCompliance } from './kpi.ts';

const AS_OF = '2022-11-30';
const CONFLICT = { code: 'CONFLICT', message: '该记录已被他人修改，请刷新后重新提交' };
const { schools, accounts, privateFiveItemsReturns: fr, privateFiveItemsWorkEnd: we, privateFiveItemsDue: due } = tables;

describe.each(testEngines())('五项管理 returns on %s', (engine) => {
  let database: Database;
  const cookies = new Map<string, string>();
  const as = (user: string) => callerWithCookie(database, cookies.get(user)!, { asOf: AS_OF });
  let schoolId = 0;
  let rows: FiveItemsGradeRow[] = [];
  /** Another compulsory school of 衡南县 (the county enters its return). */
  let other = { id: 0, rows: [] as FiveItemsGradeRow[] };
  const figures = (grades: FiveItemsGradeRow[], more: Record<string, unknown> = {}) => ({
    grades,
    phoneManaged: true,
    phoneWrittenRequest: true,
    readingReviewed: true,
    afterSchoolCovered: 300,
    afterSchoolWilling: 300,
    afterSchoolEnd: '17:40',
    ...more,
  });
  const good = (grade: FiveItemsGradeRow['grade']): FiveItemsGradeRow => ({
    grade,
    homework: grade < 'P3' ? 0 : 45,
    weekend: grade < 'P3' ? 0 : 60,
    sleep: 10,
    pe: 4,
  });

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    // The demo `xiaoxue` account: the first public primary school of 衡南县 by code.
    const [account] = await database.db.select().from(accounts).where(eq(accounts.username, 'xiaoxue'));
    const [primary] = await database.db
      .select({ id: schools.id, level: schools.level })
      .from(schools)
      .where(and(eq(schools.unitCode, '430422'), eq(schools.ownership, 'public'), eq(schools.level, 'primary')))
      .orderBy(schools.code)
      .limit(1);
    schoolId = primary!.id;
    expect(account!.grants).toEqual([{ role: 'school', schoolId, unitCode: '430422' }]);
    rows = fiveItemsGrades(primary!.level).map(good);
    const [next] = await database.db
      .select({ id: schools.id, level: schools.level })
      .from(schools)
      .where(and(eq(schools.unitCode, '430422'), inArray(schools.level, ['primary', 'nine_year'])))
      .orderBy(schools.code)
      .offset(3)
      .limit(1);
    other = { id: next!.id, rows: fiveItemsGrades(next!.level).map(good) };
    await database.db.delete(fr).where(inArray(fr.schoolId, [schoolId, other.id]));
    // A county with the module that is not 衡南县 (耒阳市's demo account has no private-edu).
    const [hengnan] = await database.db.select().from(accounts).where(eq(accounts.username, 'hengnan'));
    const { id: _h, ...bureau } = hengnan!;
    await database.db
      .insert(accounts)
      .values({ ...bureau, username: 'waixian', grants: [{ role: 'county', unitCode: '430481', modules: ['private-edu'] }] });
    for (const u of ['xiaoxue', 'hengnan', 'waixian', 'privedu']) cookies.set(u, await signIn(database, u));
  }, 180_000);
  afterAll(() => database?.close());

  it('the school files; the county returns it with a reason; the school corrects and resubmits; the county accepts — each step audited', async () => {
    const [school, county] = await Promise.all([as('xiaoxue'), as('hengnan')]);
    expect((await school.privateEdu.fiveItems.grades({ schoolId })).map((g) => g.grade)).toEqual(rows.map((r) => r.grade));
    const over = rows.map((r) => (r.grade === 'P3' ? { ...r, homework: 65 } : r));
    const { id } = await school.privateEdu.fiveItems.create({
      schoolId,
      term: '2022-autumn',
      ...figures(over, { afterSchoolEnd: '17:00' }),
    });
    const draft = await school.privateEdu.fiveItems.byId({ id });
    expect(draft).toMatchObject({ status: 'draft', compliant: false, overdue: true, workEnd: '17:30', canEdit: true, allowed: ['submit'] });
    expect(draft.judgement.breaches.map((b) => b.text)).toEqual(
      expect.arrayContaining(['三年级书面作业平均65分钟，超过60分钟', '课后服务结束时间17:00，早于当地下班时间17:30']),
    );
    const inbox = async (caller: typeof school) =>
      (await caller.inbox.list()).find((g) => g.kind === 'fiveItems')?.items.filter((i) => i.id === id) ?? [];
    expect(await inbox(school)).toMatchObject([{ overdue: true, due: '2022-11-25' }]);
    // The spring term is past due and the school has no return for it: one reminder, overdue, first.
    const group = (await school.inbox.list()).find((g) => g.kind === 'fiveItems')!;
    expect(group.items[0]).toMatchObject({
      id: schoolId,
      overdue: true,
      due: '2022-06-15',
      detail: expect.stringContaining('2022年春季学期（未填报）'),
    });
    expect(group.total).toBe(2);
    await school.privateEdu.fiveItems.step({ id, expectedVersion: 1, action: 'submit' });
    expect(await inbox(county)).toHaveLength(1);
    expect(await inbox(school)).toHaveLength(0);
    expect((await county.privateEdu.fiveItems.byId({ id })).allowed).toEqual(['accept', 'return']);
    expect(await failure(county.privateEdu.fiveItems.step({ id, expectedVersion: 2, action: 'return' }))).toMatchObject({
      code: 'BAD_REQUEST',
      message: '请填写退回原因',
    });
    await county.privateEdu.fiveItems.step({ id, expectedVersion: 2, action: 'return', reason: '三年级作业时长超标，请核实' });
    expect(await school.privateEdu.fiveItems.byId({ id })).toMatchObject({
      status: 'returned',
      returnReason: '三年级作业时长超标，请核实',
    });
    expect(await inbox(school)).toHaveLength(1);
    // A stale version is refused; the correction judges again.
    expect(await failure(school.privateEdu.fiveItems.update({ id, expectedVersion: 2, ...figures(rows) }))).toEqual(CONFLICT);
    await school.privateEdu.fiveItems.update({ id, expectedVersion: 3, ...figures(rows) });
    expect(await school.privateEdu.fiveItems.byId({ id })).toMatchObject({ compliant: true, breaches: 0, version: 4 });
    await school.privateEdu.fiveItems.step({ id, expectedVersion: 4, action: 'submit' });
    expect(await failure(school.privateEdu.fiveItems.update({ id, expectedVersion: 5, ...figures(rows) }))).toMatchObject({
      code: 'CONFLICT',
      message: '只有待提交或已退回的五项管理报表可以修改',
    });
    await county.privateEdu.fiveItems.step({ id, expectedVersion: 5, action: 'accept' });
    expect(await county.privateEdu.fiveItems.byId({ id })).toMatchObject({
      status: 'accepted',
      compliant: true,
      allowed: [],
      canEdit: false,
    });
    expect((await county.privateEdu.fiveItems.history({ id })).map((e) => e.action)).toEqual([
      'privateEdu.fiveItems.create',
      'privateEdu.fiveItems.submit',
      'privateEdu.fiveItems.return',
      'privateEdu.fiveItems.update',
      'privateEdu.fiveItems.submit',
      'privateEdu.fiveItems.accept',
    ]);
    const list = await county.privateEdu.fiveItems.list({
      page: 1,
      pageSize: 50,
      term: '2022-autumn',
      status: 'accepted',
      compliant: true,
    });
    expect(list.rows.map((r) => r.id)).toContain(id);
    expect((await county.privateEdu.fiveItems.list({ page: 1, pageSize: 50, overdue: true })).rows.map((r) => r.id)).not.toContain(id);
    expect(await verifyAuditChain(database.db, TEST_AUDIT_KEY)).toMatchObject({ ok: true });
  });

  it('one return per school and term, also when two are entered at once; the county may enter one but not accept its own submission', async () => {
    const [school, county] = await Promise.all([as('xiaoxue'), as('hengnan')]);
    const input = { schoolId, term: '2022-autumn' as const, ...figures(rows) };
    expect(await failure(school.privateEdu.fiveItems.create(input))).toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('2022年秋季学期已有五项管理报表，请在原报表中修改'),
    });
    const both = await Promise.allSettled([
      county.privateEdu.fiveItems.create({ ...input, schoolId: other.id, grades: other.rows }),
      county.privateEdu.fiveItems.create({ ...input, schoolId: other.id, grades: other.rows }),
    ]);
    expect(both.filter((b) => b.status === 'fulfilled')).toHaveLength(1);
    const made = both.find((b) => b.status === 'fulfilled')!.value;
    await county.privateEdu.fiveItems.step({ id: made.id, expectedVersion: 1, action: 'submit' });
    expect((await county.privateEdu.fiveItems.byId({ id: made.id })).allowed).toEqual(['return']);
    expect(await failure(county.privateEdu.fiveItems.step({ id: made.id, expectedVersion: 2, action: 'accept' }))).toMatchObject({
      message: '不能审核自己提交的五项管理报表',
    });
    // Two reviewers at once: one wins, the other sees the CONFLICT.
    const [hengnan2] = await Promise.all([as('hengnan')]);
    const race = await Promise.allSettled([
      county.privateEdu.fiveItems.step({ id: made.id, expectedVersion: 2, action: 'return', reason: '请补充课后服务情况' }),
      hengnan2.privateEdu.fiveItems.step({ id: made.id, expectedVersion: 2, action: 'return', reason: '请补充读物审核情况' }),
    ]);
    expect(race.filter((x) => x.status === 'fulfilled')).toHaveLength(1);
    expect((race.find((x) => x.status === 'rejected') as PromiseRejectedResult).reason).toMatchObject(CONFLICT);
  });

  it('scope: the school sees its own, the county its schools; another county gets NOT_FOUND, the city does not review a county’s school', async () => {
    const [school, county, waixian, privedu] = await Promise.all([as('xiaoxue'), as('hengnan'), as('waixian'), as('privedu')]);
    const [mine] = await database.db.select({ id: fr.id, version: fr.version }).from(fr).where(eq(fr.schoolId, schoolId));
    const [theirs] = await database.db.select({ id: fr.id }).from(fr).where(eq(fr.schoolId, other.id));
    expect((await school.privateEdu.fiveItems.list({ page: 1, pageSize: 50 })).rows.map((r) => r.id)).toEqual([mine!.id]);
    expect(await failure(school.privateEdu.fiveItems.byId({ id: theirs!.id }))).toMatchObject({ code: 'NOT_FOUND' });
    expect((await county.privateEdu.fiveItems.list({ page: 1, pageSize: 50, q: '' })).rows.every((r) => r.unitCode === '430422')).toBe(
      true,
    );
    expect(await failure(waixian.privateEdu.fiveItems.byId({ id: mine!.id }))).toEqual({
      code: 'NOT_FOUND',
      message: '五项管理报表不存在或不在您的数据范围内',
    });
    expect(
      await failure(waixian.privateEdu.fiveItems.create({ schoolId: other.id, term: '2022-spring', ...figures(other.rows) })),
    ).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await waixian.privateEdu.fiveItems.list({ page: 1, pageSize: 50 })).rows.every((r) => r.unitCode === '430481')).toBe(true);
    expect(await privedu.privateEdu.fiveItems.byId({ id: theirs!.id })).toMatchObject({ allowed: [], canEdit: false });
    expect(await failure(privedu.privateEdu.fiveItems.step({ id: theirs!.id, expectedVersion: 3, action: 'accept' }))).toEqual({
      code: 'FORBIDDEN',
      message: '五项管理报表由学校所在县市区教育局审核',
    });
  });

  it('bad input is refused per field in Chinese', async () => {
    const school = await as('xiaoxue');
    const base = { schoolId, term: '2022-spring' as const };
    expect(await failure(school.privateEdu.fiveItems.create({ ...base, ...figures(rows.slice(1)) }))).toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/^请填写.+年级$/),
    });
    expect(
      await failure(school.privateEdu.fiveItems.create({ ...base, ...figures(rows.map((r, i) => (i ? r : { ...r, homework: 30.5 }))) })),
    ).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('书面作业时长应为整数分钟') });
    expect(await failure(school.privateEdu.fiveItems.create({ ...base, ...figures(rows, { afterSchoolEnd: '5pm' }) }))).toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('时间应为HH:MM格式'),
    });
    expect(
      await failure(
        school.privateEdu.fiveItems.create({ ...base, ...figures(rows, { afterSchoolCovered: 301, afterSchoolWilling: 300 }) }),
      ),
    ).toMatchObject({ code: 'BAD_REQUEST', message: '参加课后服务人数不能超过有意愿参加的人数' });
  });

  it('settings: 下班时间 per county over the city default, due dates by the city; versioned; missing schools past due', async () => {
    const [county, waixian, privedu, school] = await Promise.all([as('hengnan'), as('waixian'), as('privedu'), as('xiaoxue')]);
    await database.db.delete(we);
    await database.db.delete(due);
    const s = await county.privateEdu.fiveItems.settings();
    expect(s.city).toMatchObject({ workEnd: '17:30', version: 0, canEdit: false });
    expect(s.terms.map((t) => [t.term, t.due])).toEqual([
      ['2022-spring', '2022-06-15'],
      ['2022-autumn', '2022-11-25'],
    ]);
    expect(await failure(county.privateEdu.fiveItems.saveWorkEnd({ workEnd: '18:00', expectedVersion: 0 }))).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(
      await failure(county.privateEdu.fiveItems.saveWorkEnd({ unitCode: '430481', workEnd: '18:00', expectedVersion: 0 })),
    ).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(
      await failure(school.privateEdu.fiveItems.saveWorkEnd({ unitCode: '430422', workEnd: '18:00', expectedVersion: 0 })),
    ).toMatchObject({
      code: 'FORBIDDEN',
    });
    await county.privateEdu.fiveItems.saveWorkEnd({ unitCode: '430422', workEnd: '18:00', expectedVersion: 0 });
    expect(await failure(county.privateEdu.fiveItems.saveWorkEnd({ unitCode: '430422', workEnd: '18:10', expectedVersion: 0 }))).toEqual(
      CONFLICT,
    );
    expect(
      await failure(county.privateEdu.fiveItems.saveWorkEnd({ unitCode: '430422', workEnd: '25:00', expectedVersion: 1 })),
    ).toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('时间应为HH:MM格式'),
    });
    const [mine] = await database.db.select({ id: fr.id }).from(fr).where(eq(fr.schoolId, schoolId));
    expect((await county.privateEdu.fiveItems.byId({ id: mine!.id })).workEnd).toBe('18:00');
    expect((await waixian.privateEdu.fiveItems.settings()).counties).toEqual([
      expect.objectContaining({ unitCode: '430481', workEnd: null, inForce: '17:30' }),
    ]);
    await privedu.privateEdu.fiveItems.saveWorkEnd({ workEnd: '17:45', expectedVersion: 0 });
    expect((await waixian.privateEdu.fiveItems.settings()).counties[0]).toMatchObject({ inForce: '17:45' });
    expect(
      await failure(county.privateEdu.fiveItems.saveDue({ term: '2022-autumn', dueDate: '2022-12-20', expectedVersion: 0 })),
    ).toMatchObject({
      code: 'FORBIDDEN',
    });
    const missingBefore = await county.privateEdu.fiveItems.missing({ page: 1, pageSize: 100, term: '2022-autumn' });
    expect(missingBefore.total).toBeGreaterThan(0);
    expect(missingBefore.rows.map((r) => r.id)).not.toContain(schoolId);
    expect(missingBefore.rows.every((r) => r.unitCode === '430422')).toBe(true);
    await privedu.privateEdu.fiveItems.saveDue({ term: '2022-autumn', dueDate: '2022-12-20', expectedVersion: 0 });
    expect(await county.privateEdu.fiveItems.missing({ page: 1, pageSize: 5, term: '2022-autumn' })).toMatchObject({
      due: '2022-12-20',
      total: 0,
    });
    expect((await privedu.privateEdu.fiveItems.history({ id: mine!.id })).length).toBeGreaterThan(0);
  });

  it('五项管理达标率 per county and school: accepted and compliant for the latest term past due ÷ schools with compulsory grades', async () => {
    await database.db.delete(due);
    const byUnit = await fiveItemsCompliance.byUnit(database.db, { kind: 'all' }, AS_OF);
    const concerned = await database.db
      .select({ id: schools.id })
      .from(schools)
      .where(and(eq(schools.unitCode, '430422'), inArray(schools.level, [...FIVE_ITEMS_LEVELS])));
    const ok = await database.db
      .select({ id: fr.id })
      .from(fr)
      .where(and(eq(fr.unitCode, '430422'), eq(fr.term, '2022-autumn'), eq(fr.status, 'accepted'), eq(fr.compliant, true)));
    expect(byUnit.get('430422')).toEqual({ num: ok.length, den: concerned.length });
    const bySchool = await fiveItemsCompliance.bySchool!(database.db, { kind: 'all' }, '430422', AS_OF);
    expect(bySchool).toHaveLength(concerned.length);
    expect(bySchool.find((x) => x.schoolId === schoolId)?.measure).toEqual({ num: 1, den: 1 });
  });
});

import { and, asc, eq, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables, type Database } from '@hyedu/db';
import { openTestDatabase, testEngines } from '@hyedu/db/testing';
import { callerWithCookie, failure, signIn } from '../../testing.ts';

const AS_OF = '2022-11-30';
const CONFLICT = { code: 'CONFLICT', message: '该记录已被他人修改，请刷新后重新提交' };
const { schools, accounts, privatePuhuiRecognitions: pr, privateKindergartenFees: f, auditLog } = tables;

describe.each(testEngines())('保教费收费记录 on %s', (engine) => {
  let database: Database;
  const cookies = new Map<string, string>();
  const as = (user: string) => callerWithCookie(database, cookies.get(user)!, { asOf: AS_OF });
  let county = '';
  let other = 0;
  let kindergartens: number[] = [];

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    const all = await database.db
      .select({ id: schools.id, unitCode: schools.unitCode })
      .from(schools)
      .where(and(eq(schools.ownership, 'private'), eq(schools.level, 'kindergarten'), ne(schools.unitCode, '430400')))
      .orderBy(asc(schools.code));
    const per = new Map<string, number>();
    for (const k of all) per.set(k.unitCode, (per.get(k.unitCode) ?? 0) + 1);
    county = [...per].sort((a, b) => b[1] - a[1])[0]![0];
    kindergartens = all.filter((k) => k.unitCode === county).map((k) => k.id);
    other = all.find((k) => k.unitCode !== county)!.id;
    await database.db.delete(pr).where(eq(pr.unitCode, county));
    await database.db.delete(f).where(eq(f.unitCode, county));
    const [minban] = await database.db.select().from(accounts).where(eq(accounts.username, 'minban'));
    const [hengnan] = await database.db.select().from(accounts).where(eq(accounts.username, 'hengnan'));
    const { id: _m, ...school } = minban!;
    const { id: _h, ...bureau } = hengnan!;
    await database.db.insert(accounts).values([
      { ...school, username: 'youer', grants: [{ role: 'school', schoolId: kindergartens[0]!, unitCode: county }] },
      { ...bureau, username: 'xian', grants: [{ role: 'county', unitCode: county, modules: ['private-edu'] }] },
    ]);
    // The first kindergarten is 普惠 from 2022-09-01 with a cap of 800 yuan, revoked on 2023-02-01.
    await database.db.insert(pr).values({
      schoolId: kindergartens[0]!,
      unitCode: county,
      feeAsked: 80_000,
      status: 'revoked',
      feeCap: 80_000,
      subsidy: 60_000,
      validFrom: '2022-09-01',
      revokedOn: '2023-02-01',
      createdBy: 'test',
      createdAt: new Date(),
    });
    for (const u of ['youer', 'xian', 'privedu', 'minban']) cookies.set(u, await signIn(database, u));
  }, 120_000);
  afterAll(() => database?.close());

  it('a fee above the cap of the recognition in force that term is flagged; the same fee after the revocation is not', async () => {
    const youer = await as('youer');
    const schoolId = kindergartens[0]!;
    expect((await youer.privateEdu.fees.schools({})).map((s) => s.id)).toEqual([schoolId]);
    const autumn = await youer.privateEdu.fees.create({ schoolId, schoolYear: '2022-2023', term: 'autumn', feeCharged: 95_000 });
    await youer.privateEdu.fees.create({ schoolId, schoolYear: '2022-2023', term: 'spring', feeCharged: 95_000 });
    expect(
      await failure(youer.privateEdu.fees.create({ schoolId, schoolYear: '2022-2023', term: 'autumn', feeCharged: 70_000 })),
    ).toMatchObject({
      code: 'BAD_REQUEST',
      message: '该园该学期已有收费记录，请更正原记录',
    });
    const list = await youer.privateEdu.fees.list({ page: 1, pageSize: 20 });
    expect(list).toMatchObject({ total: 2, overCapCount: 1, canCreate: true });
    expect(list.rows.find((r) => r.term === 'autumn')).toMatchObject({ cap: 80_000, overCap: true });
    expect(list.rows.find((r) => r.term === 'spring')).toMatchObject({ cap: null, overCap: false });
    expect((await youer.privateEdu.fees.list({ page: 1, pageSize: 20, overCap: true })).rows.map((r) => r.id)).toEqual([autumn.id]);

    // The county corrects it to the cap: no longer flagged; a stale version is refused; both audited.
    const xian = await as('xian');
    await xian.privateEdu.fees.update({ id: autumn.id, expectedVersion: 1, feeCharged: 80_000, note: '按认定上限退费' });
    expect(await failure(youer.privateEdu.fees.update({ id: autumn.id, expectedVersion: 1, feeCharged: 99_000 }))).toEqual(CONFLICT);
    expect((await xian.privateEdu.fees.list({ page: 1, pageSize: 20, overCap: true })).total).toBe(0);
    const actions = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetType, 'private_kindergarten_fee'), eq(auditLog.targetId, String(autumn.id))));
    expect(actions.map((a) => a.action).sort()).toEqual(['privateEdu.fees.create', 'privateEdu.fees.update']);
  });

  it('scope: a county cannot record for another county, the city reads only, a non-kindergarten is refused', async () => {
    const [xian, city, minban] = await Promise.all([as('xian'), as('privedu'), as('minban')]);
    expect(
      await failure(xian.privateEdu.fees.create({ schoolId: other, schoolYear: '2022-2023', term: 'autumn', feeCharged: 90_000 })),
    ).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(
      await failure(
        city.privateEdu.fees.create({ schoolId: kindergartens[1]!, schoolYear: '2022-2023', term: 'autumn', feeCharged: 90_000 }),
      ),
    ).toMatchObject({
      code: 'FORBIDDEN',
      message: '保教费收费记录由幼儿园或县市区教育局登记',
    });
    expect((await city.privateEdu.fees.list({ page: 1, pageSize: 20 })).canCreate).toBe(false);
    const own = (await minban.privateEdu.fees.schools({})).length;
    expect(own).toBe(0);
    const [compulsory] = await database.db
      .select({ id: schools.id })
      .from(schools)
      .where(and(eq(schools.unitCode, county), ne(schools.level, 'kindergarten')))
      .limit(1);
    expect(
      await failure(xian.privateEdu.fees.create({ schoolId: compulsory!.id, schoolYear: '2022-2023', term: 'autumn', feeCharged: 90_000 })),
    ).toMatchObject({
      code: 'BAD_REQUEST',
      message: '只有民办幼儿园登记保教费收费记录',
    });
  });

  it('bad input is refused in Chinese', async () => {
    const xian = await as('xian');
    const base = { schoolId: kindergartens[1]!, schoolYear: '2022-2023', term: 'autumn' as const };
    expect(await failure(xian.privateEdu.fees.create({ ...base, feeCharged: 0 }))).toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('每月实收保教费应大于0'),
    });
    expect(await failure(xian.privateEdu.fees.create({ ...base, feeCharged: 800.5 }))).toMatchObject({
      message: expect.stringContaining('每月实收保教费应以分计的整数'),
    });
    expect(await failure(xian.privateEdu.fees.create({ ...base, term: 'summer' as never, feeCharged: 80_000 }))).toMatchObject({
      message: expect.stringContaining('请选择学期'),
    });
  });
});

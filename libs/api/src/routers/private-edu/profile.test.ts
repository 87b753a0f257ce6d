import { and, eq, inArray, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables, type Database } from '@hyedu/db';
import { openTestDatabase, testEngines } from '@hyedu/db/testing';
import { callerWithCookie, failure, signIn } from '../../testing.ts';

const { schools } = tables;
const ENTRY = {
  licenceNo: '教民143042270000001号',
  uscc: '52430422MJ0000018R',
  sponsor: '衡阳华星教育投资有限公司',
  forProfit: false,
  gcmType: null,
  partyOrg: 'joint' as const,
  approvedIntake: 300,
};

describe.each(testEngines())('民办学校登记信息 on %s', (engine) => {
  let database: Database;
  const cookies = new Map<string, string>();
  const as = (user: string) => callerWithCookie(database, cookies.get(user)!);
  const school = async (where: SQL | undefined) =>
    (await database.db.select({ id: schools.id }).from(schools).where(where).limit(1))[0]!.id;

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    for (const u of ['privedu', 'hengnan']) cookies.set(u, await signIn(database, u));
  }, 120_000);
  afterAll(() => database?.close());

  it('registers an entry, updates it with its version, refuses a stale one, and audits both', async () => {
    const hengnan = await as('privedu');
    const id = await school(and(eq(schools.ownership, 'private'), inArray(schools.level, ['kindergarten', 'senior', 'vocational'])));
    await database.db.delete(tables.privateProfiles).where(eq(tables.privateProfiles.schoolId, id));
    expect((await hengnan.privateEdu.profiles.byId({ schoolId: id })).entry).toBeNull();
    expect(await hengnan.privateEdu.profiles.save({ schoolId: id, expectedVersion: 0, ...ENTRY, forProfit: true })).toEqual({ version: 1 });
    expect(await hengnan.privateEdu.profiles.save({ schoolId: id, expectedVersion: 1, ...ENTRY, approvedIntake: 280 })).toEqual({
      version: 2,
    });
    expect(await failure(hengnan.privateEdu.profiles.save({ schoolId: id, expectedVersion: 1, ...ENTRY }))).toMatchObject({
      code: 'CONFLICT',
    });
    const view = await hengnan.privateEdu.profiles.byId({ schoolId: id });
    expect(view.entry).toMatchObject({ approvedIntake: 280, forProfit: false, version: 2 });
    expect(view.census.map((c) => c.year)).toEqual(['2020-2021', '2021-2022', '2022-2023']);
    expect((await hengnan.privateEdu.profiles.history({ schoolId: id })).map((e) => e.action)).toEqual([
      'privateEdu.profile.create',
      'privateEdu.profile.update',
    ]);
  });

  it('refuses in Chinese a for-profit compulsory school, a public school and a bad USCC', async () => {
    const hengnan = await as('hengnan');
    const compulsory = await school(
      and(eq(schools.unitCode, '430422'), eq(schools.ownership, 'private'), inArray(schools.level, ['junior', 'nine_year'])),
    );
    const pub = await school(and(eq(schools.unitCode, '430422'), eq(schools.ownership, 'public')));
    const version = (await hengnan.privateEdu.profiles.byId({ schoolId: compulsory })).entry?.version ?? 0;
    expect(
      await failure(hengnan.privateEdu.profiles.save({ schoolId: compulsory, expectedVersion: version, ...ENTRY, forProfit: true })),
    ).toEqual({
      code: 'BAD_REQUEST',
      message: '实施义务教育的民办学校不得设立为营利性学校',
    });
    expect(await failure(hengnan.privateEdu.profiles.save({ schoolId: pub, expectedVersion: 0, ...ENTRY }))).toEqual({
      code: 'BAD_REQUEST',
      message: '只有民办学校登记民办学校信息',
    });
    expect(
      await failure(
        hengnan.privateEdu.profiles.save({ schoolId: compulsory, expectedVersion: version, ...ENTRY, uscc: '52430422MJ0000018X' }),
      ),
    ).toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('统一社会信用代码'),
    });
  });

  it('lists a county its own private schools, with the 公参民 and not-registered filters', async () => {
    const hengnan = await as('hengnan');
    const all = await hengnan.privateEdu.profiles.list({ page: 1, pageSize: 100 });
    expect(all.total).toBeGreaterThan(0);
    expect(all.rows.every((r) => r.unitName === '衡南县')).toBe(true);
    const gcm = await (await as('privedu')).privateEdu.profiles.list({ page: 1, pageSize: 100, gcm: true });
    expect(gcm.total).toBeGreaterThan(0);
    expect(gcm.rows.every((r) => r.gcmType !== null)).toBe(true);
    const missing = await hengnan.privateEdu.profiles.list({ page: 1, pageSize: 100, missing: true });
    expect(missing.rows.every((r) => r.licenceNo === null)).toBe(true);
  });
});

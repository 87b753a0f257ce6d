import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database } from '@hyedu/db';
import { openTestDatabase, testEngines } from '@hyedu/db/testing';
import { callerWithCookie, failure, signIn } from '../../testing.ts';

describe.each(testEngines())('民办教育设置 on %s', (engine) => {
  let database: Database;
  const cookies = new Map<string, string>();
  const as = (user: string) => callerWithCookie(database, cookies.get(user)!);

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    for (const u of ['privedu', 'hengnan']) cookies.set(u, await signIn(database, u));
  }, 120_000);
  afterAll(() => database?.close());

  it('counts bought seats as public by default; counting them as private raises the census share, and the dashboard follows', async () => {
    const city = await as('privedu');
    const before = await city.privateEdu.overview();
    const kpi = async () => (await city.dashboard.kpi({ kpiId: 'private.compulsory-share' })).total.value;
    expect(await kpi()).toBeCloseTo(before.city!.share!, 10);
    expect(await city.privateEdu.settings.get()).toMatchObject({ rule: 'public', version: 0, canConfigure: true });
    await city.privateEdu.settings.saveRule({ rule: 'private', expectedVersion: 0 });
    const after = await city.privateEdu.overview();
    expect(after.rule).toBe('private');
    expect(after.city!.totalStudents).toBe(before.city!.totalStudents);
    expect(after.city!.privateStudents).toBeGreaterThan(before.city!.privateStudents);
    expect(await kpi()).toBeCloseTo(after.city!.share!, 10);
    expect(await failure(city.privateEdu.settings.saveRule({ rule: 'public', expectedVersion: 0 }))).toMatchObject({ code: 'CONFLICT' });
    await city.privateEdu.settings.saveRule({ rule: 'public', expectedVersion: 1 });
  });

  it('lets the city set a county’s target cut, which the ledger shows; a county may not', async () => {
    const city = await as('privedu');
    await city.privateEdu.settings.saveTarget({ unitCode: '430422', schoolYear: '2022-2023', targetCut: 12_345 });
    const ledger = await city.privateEdu.levers.ledger();
    expect(ledger.units.find((u) => u.code === '430422')!.censuses.find((c) => c.year === '2022-2023')!.target).toBe(12_345);
    const county = await as('hengnan');
    expect((await county.privateEdu.settings.get()).canConfigure).toBe(false);
    expect(await failure(county.privateEdu.settings.saveTarget({ unitCode: '430422', schoolYear: '2022-2023', targetCut: 1 }))).toEqual({
      code: 'FORBIDDEN',
      message: '只有市教育局民办教育科可以设置调减目标',
    });
    expect(
      await failure(city.privateEdu.settings.saveTarget({ unitCode: '430422', schoolYear: '2022-2023', targetCut: -1 })),
    ).toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('目标调减人数不能为负数'),
    });
  });
});

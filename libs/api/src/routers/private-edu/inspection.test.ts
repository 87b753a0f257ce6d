import { and, eq, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables, verifyAuditChain, type Database } from '@hyedu/db';
import { openTestDatabase, TEST_AUDIT_KEY, testEngines } from '@hyedu/db/testing';
import { callerWithCookie, failure, signIn } from '../../testing.ts';

describe.each(testEngines())('年检 on %s', (engine) => {
  let database: Database;
  const cookies = new Map<string, string>();
  const as = (user: string) => callerWithCookie(database, cookies.get(user)!);
  let schoolId = 0;

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    for (const u of ['school', 'hengnan']) cookies.set(u, await signIn(database, u));
    const [account] = await database.db
      .select({ grants: tables.accounts.grants })
      .from(tables.accounts)
      .where(eq(tables.accounts.username, 'school'));
    schoolId = (account!.grants as { schoolId: number }[])[0]!.schoolId;
  }, 120_000);
  afterAll(() => database?.close());

  it('runs its workflow: created, submitted, returned with a reason, submitted again, approved — each step audited', async () => {
    const hengnan = await as('hengnan');
    const { id } = await hengnan.privateEdu.inspections.create({ schoolId, title: '生成的记录', note: '由生成器写出' });
    expect(await hengnan.privateEdu.inspections.byId({ id })).toMatchObject({ status: 'draft', version: 1, allowed: ['submit'] });
    await hengnan.privateEdu.inspections.step({ id, expectedVersion: 1, action: 'submit' });
    expect(await failure(hengnan.privateEdu.inspections.step({ id, expectedVersion: 2, action: 'approve' }))).toEqual({
      code: 'CONFLICT',
      message: '不能审核自己提交的年检',
    });
    expect(await failure(hengnan.privateEdu.inspections.step({ id, expectedVersion: 2, action: 'return' }))).toMatchObject({
      code: 'BAD_REQUEST',
    });
    await hengnan.privateEdu.inspections.step({ id, expectedVersion: 2, action: 'return', reason: '材料不全' });
    const list = await hengnan.privateEdu.inspections.list({ page: 1, pageSize: 20, q: '生成的记录' });
    expect(list.rows.map((x) => [x.id, x.status])).toEqual([[id, 'draft']]);
    const history = await hengnan.privateEdu.inspections.history({ id });
    expect(history.map((e) => e.action)).toEqual([
      'privateEdu.inspection.create',
      'privateEdu.inspection.submit',
      'privateEdu.inspection.return',
    ]);
    expect(await verifyAuditChain(database.db, TEST_AUDIT_KEY)).toMatchObject({ ok: true });
  });

  it('a school sees and enters only its own: another school’s record and school do not exist for it', async () => {
    const hengnan = await as('hengnan');
    const school = await as('school');
    const [other] = await database.db
      .select({ id: tables.schools.id })
      .from(tables.schools)
      .where(and(eq(tables.schools.unitCode, '430422'), ne(tables.schools.id, schoolId)))
      .limit(1);
    const { id } = await hengnan.privateEdu.inspections.create({ schoolId: other!.id, title: '另一所学校的记录' });
    expect(await failure(school.privateEdu.inspections.byId({ id }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await failure(school.privateEdu.inspections.create({ schoolId: other!.id, title: '越权登记' }))).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await school.privateEdu.inspections.list({ page: 1, pageSize: 100 })).rows.some((x) => x.id === id)).toBe(false);
    const mine = await school.privateEdu.inspections.create({ schoolId, title: '本校登记的记录' });
    expect((await school.privateEdu.inspections.byId({ id: mine.id })).allowed).toEqual(['submit']);
  });
});

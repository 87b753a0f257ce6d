import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables, type Database } from '@hyedu/db';
import { openTestDatabase, testEngines } from '@hyedu/db/testing';
import { callerAs } from '../testing.ts';

describe.each(testEngines())('module registry for the 系统管理员 on %s', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
  });
  afterAll(() => database?.close());

  it('moves a module, audited under the administrator; a second editor with the old version gets a conflict and nothing is overwritten', async () => {
    const sysadmin = await callerAs(database, 'sysadmin');
    const [teachers] = (await sysadmin.admin.modules.list()).filter((m) => m.key === 'teachers');
    const seen = teachers!.updatedAt;
    const moved = await sysadmin.admin.modules.update({ key: 'teachers', change: { remoteEntry: '/mf/teachers/0.2.0/remoteEntry.js', version: '0.2.0' }, expectedUpdatedAt: seen });
    expect(moved).toMatchObject({ remoteEntry: '/mf/teachers/0.2.0/remoteEntry.js', version: '0.2.0' });
    // The other editor still holds the old version.
    await expect(
      sysadmin.admin.modules.update({ key: 'teachers', change: { enabled: false }, expectedUpdatedAt: seen }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: '该记录已被他人修改，请刷新后重新提交' });
    const [row] = await database.db.select().from(tables.modules).where(eq(tables.modules.key, 'teachers'));
    expect(row).toMatchObject({ enabled: true, version: '0.2.0' });
    const [audit] = await database.db.select().from(tables.auditLog).where(eq(tables.auditLog.action, 'module.update'));
    expect(audit).toMatchObject({ actor: 'sysadmin', targetId: 'teachers', before: expect.objectContaining({ version: '0.1.0' }), after: expect.objectContaining({ version: '0.2.0' }) });
    // The portal sees the new entry on its next load.
    expect((await (await callerAs(database, 'leader')).platform.modules()).find((m) => m.key === 'teachers')?.remoteEntry).toBe('/mf/teachers/0.2.0/remoteEntry.js');
  });

  it('refuses invalid entries field by field', async () => {
    const sysadmin = await callerAs(database, 'sysadmin');
    const [m] = await sysadmin.admin.modules.list();
    await expect(
      sysadmin.admin.modules.update({ key: m!.key, change: { remoteEntry: 'javascript:alert(1)' }, expectedUpdatedAt: m!.updatedAt }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});

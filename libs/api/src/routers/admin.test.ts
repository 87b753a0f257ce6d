import { TRPCError } from '@trpc/server';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { tables, type Database } from '@hyedu/db';
import { openTestDatabase, testEngines } from '@hyedu/db/testing';
import { callerAs, failure } from '../testing.ts';

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
    const moved = await sysadmin.admin.modules.update({
      key: 'teachers',
      change: { remoteEntry: '/mf/teachers/0.2.0/remoteEntry.js', version: '0.2.0' },
      expectedUpdatedAt: seen,
    });
    expect(moved).toMatchObject({ remoteEntry: '/mf/teachers/0.2.0/remoteEntry.js', version: '0.2.0' });
    // The other editor still holds the old version.
    await expect(
      sysadmin.admin.modules.update({ key: 'teachers', change: { enabled: false }, expectedUpdatedAt: seen }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: '该记录已被他人修改，请刷新后重新提交' });
    const [row] = await database.db.select().from(tables.modules).where(eq(tables.modules.key, 'teachers'));
    expect(row).toMatchObject({ enabled: true, version: '0.2.0' });
    const [audit] = await database.db.select().from(tables.auditLog).where(eq(tables.auditLog.action, 'module.update'));
    expect(audit).toMatchObject({
      actor: 'sysadmin',
      targetId: 'teachers',
      before: expect.objectContaining({ version: '0.1.0' }),
      after: expect.objectContaining({ version: '0.2.0' }),
    });
    // The portal sees the new entry on its next load.
    expect((await (await callerAs(database, 'leader')).platform.modules()).find((m) => m.key === 'teachers')?.remoteEntry).toBe(
      '/mf/teachers/0.2.0/remoteEntry.js',
    );
  });

  it('refuses invalid entries field by field', async () => {
    const sysadmin = await callerAs(database, 'sysadmin');
    const [m] = await sysadmin.admin.modules.list();
    await expect(
      sysadmin.admin.modules.update({ key: m!.key, change: { remoteEntry: 'javascript:alert(1)' }, expectedUpdatedAt: m!.updatedAt }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  /** The refusal's field errors by path, as the errorFormatter sends them to forms. */
  const fieldIssues = (p: Promise<unknown>) =>
    p.then(
      () => null,
      (e: unknown) =>
        e instanceof TRPCError && e.cause instanceof z.ZodError
          ? e.cause.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
          : String(e),
    );

  it('an entry may point only at the platform’s own origin or at an allow-listed one; others are refused on the field', async () => {
    const sysadmin = await callerAs(database, 'sysadmin');
    const entry = async () => (await sysadmin.admin.modules.list()).find((m) => m.key === 'funding')!;
    for (const remoteEntry of [
      'https://evil.example/remoteEntry.js',
      '//evil.example/remoteEntry.js',
      'https://user:pw@evil.example/remoteEntry.js',
    ]) {
      const issues = await fieldIssues(
        sysadmin.admin.modules.update({ key: 'funding', change: { remoteEntry }, expectedUpdatedAt: (await entry()).updatedAt }),
      );
      expect(issues, remoteEntry).toEqual([{ path: 'change.remoteEntry', message: expect.stringMatching(/^入口地址/) }]);
    }
    expect((await entry()).remoteEntry).toBe('/mf/funding/remoteEntry.js');
    expect(
      await fieldIssues(
        sysadmin.admin.modules.update({
          key: 'funding',
          change: { remoteEntry: 'https://funding.hy.example/mf/remoteEntry.js' },
          expectedUpdatedAt: (await entry()).updatedAt,
        }),
      ),
    ).toEqual([{ path: 'change.remoteEntry', message: '入口地址的来源 https://funding.hy.example 不在模块来源名单中，请先登记该来源' }]);

    // The 系统管理员 puts the department's server on the list (stored canonical, audited); then the entry is accepted.
    expect(await sysadmin.admin.moduleOrigins.add({ origin: 'HTTPS://Funding.HY.example/', note: '计划财务科模块服务器' })).toEqual({
      version: 1,
    });
    expect(await failure(sysadmin.admin.moduleOrigins.add({ origin: 'https://funding.hy.example', note: '重复' }))).toEqual({
      code: 'CONFLICT',
      message: '来源 https://funding.hy.example 已登记',
    });
    const moved = await sysadmin.admin.modules.update({
      key: 'funding',
      change: { remoteEntry: 'https://funding.hy.example/mf/remoteEntry.js' },
      expectedUpdatedAt: (await entry()).updatedAt,
    });
    expect(moved.remoteEntry).toBe('https://funding.hy.example/mf/remoteEntry.js');
    const [added] = await database.db
      .select()
      .from(tables.auditLog)
      .where(and(eq(tables.auditLog.action, 'module_origin.add'), eq(tables.auditLog.targetId, 'https://funding.hy.example')));
    expect(added).toMatchObject({
      actor: 'sysadmin',
      result: 'ok',
      after: { origin: 'https://funding.hy.example', note: '计划财务科模块服务器' },
    });

    // While a module loads from it, the origin stays; a stale version is a conflict; nothing is half-written.
    const [listed] = await sysadmin.admin.moduleOrigins.list();
    expect(listed).toMatchObject({ origin: 'https://funding.hy.example', note: '计划财务科模块服务器', version: 1, updatedBy: 'sysadmin' });
    expect(await failure(sysadmin.admin.moduleOrigins.remove({ origin: 'https://funding.hy.example', expectedVersion: 1 }))).toEqual({
      code: 'BAD_REQUEST',
      message: '模块「经费与资助」仍从该来源加载，请先修改其入口地址',
    });
    expect(
      await sysadmin.admin.moduleOrigins.update({
        origin: 'https://funding.hy.example',
        expectedVersion: 1,
        note: '计划财务科（新服务器）',
      }),
    ).toEqual({ version: 2 });
    expect(
      await failure(sysadmin.admin.moduleOrigins.update({ origin: 'https://funding.hy.example', expectedVersion: 1, note: '旧版本' })),
    ).toEqual({ code: 'CONFLICT', message: '该记录已被他人修改，请刷新后重新提交' });
    await sysadmin.admin.modules.update({
      key: 'funding',
      change: { remoteEntry: '/mf/funding/remoteEntry.js' },
      expectedUpdatedAt: (await entry()).updatedAt,
    });
    expect(await failure(sysadmin.admin.moduleOrigins.remove({ origin: 'https://funding.hy.example', expectedVersion: 1 }))).toEqual({
      code: 'CONFLICT',
      message: '该记录已被他人修改，请刷新后重新提交',
    });
    expect(await sysadmin.admin.moduleOrigins.remove({ origin: 'https://funding.hy.example', expectedVersion: 2 })).toEqual({
      origin: 'https://funding.hy.example',
    });
    expect(await sysadmin.admin.moduleOrigins.list()).toEqual([]);
    const actions = (
      await database.db
        .select({ action: tables.auditLog.action })
        .from(tables.auditLog)
        .where(eq(tables.auditLog.targetType, 'module_origin'))
    ).map((r) => r.action);
    expect(actions).toEqual(['module_origin.add', 'module_origin.update', 'module_origin.remove']);
    // Once off the list, entries there are refused again.
    expect(
      await fieldIssues(
        sysadmin.admin.modules.update({
          key: 'funding',
          change: { remoteEntry: 'https://funding.hy.example/mf/remoteEntry.js' },
          expectedUpdatedAt: (await entry()).updatedAt,
        }),
      ),
    ).toHaveLength(1);
  });

  it('the allow-list takes only bare origins, with Chinese field errors, and only from the 系统管理员', async () => {
    const sysadmin = await callerAs(database, 'sysadmin');
    expect(await fieldIssues(sysadmin.admin.moduleOrigins.add({ origin: 'https://x.example/mf/', note: '' }))).toEqual([
      { path: 'origin', message: '来源只含协议、主机名和端口，不含路径' },
      { path: 'note', message: '请填写说明（例如哪个科室的模块服务器）' },
    ]);
    expect(await fieldIssues(sysadmin.admin.moduleOrigins.add({ origin: 'javascript:alert(1)', note: 'x' }))).toEqual([
      { path: 'origin', message: '来源应为 https://主机名[:端口] 的形式' },
    ]);
    for (const who of ['secadmin', 'leader', 'funding']) {
      expect(
        await failure((await callerAs(database, who)).admin.moduleOrigins.add({ origin: 'https://x.example', note: 'x' })),
        who,
      ).toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(await sysadmin.admin.moduleOrigins.list()).toEqual([]);
  });
});

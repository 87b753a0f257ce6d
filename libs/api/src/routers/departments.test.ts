import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@hyedu/db';
import { openTestDatabase, testEngines } from '@hyedu/db/testing';
import { callerAs, failure } from '../testing.ts';

describe.each(testEngines())('科室 are configurable on %s', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(engine, { scale: 0.02 });
  });
  afterAll(() => database?.close());

  it('the 系统管理员 adds and renames a 科室; the plan shows the new name; nobody else may', async () => {
    const sys = await callerAs(database, 'sysadmin');
    expect(await failure(sys.admin.departments.create({ key: 'Bad Key', name: '', module: null, sortOrder: 1 }))).toMatchObject({
      code: 'BAD_REQUEST',
    });
    await sys.admin.departments.create({ key: 'lang', name: '语言文字工作办公室', module: null, sortOrder: 17 });
    expect(await failure(sys.admin.departments.create({ key: 'lang', name: '重复', module: null, sortOrder: 18 }))).toEqual({
      code: 'CONFLICT',
      message: '科室代码 lang 已存在',
    });
    const office = (await sys.admin.departments.list()).find((d) => d.key === 'private-edu')!;
    await sys.admin.departments.update({
      key: 'private-edu',
      expectedVersion: office.version,
      name: '民办教育管理科',
      module: 'private-edu',
      sortOrder: office.sortOrder,
    });
    expect(
      await failure(
        sys.admin.departments.update({ key: 'private-edu', expectedVersion: office.version, name: 'x', module: null, sortOrder: 1 }),
      ),
    ).toMatchObject({ code: 'CONFLICT' });
    const depts = await (await callerAs(database, 'leader')).plan.departments();
    expect(depts.find((d) => d.key === 'private-edu')?.name).toBe('民办教育管理科');
    expect(depts.map((d) => d.key)).toContain('lang');
    expect(await failure((await callerAs(database, 'office')).admin.departments.list())).toMatchObject({ code: 'FORBIDDEN' });
  });
});

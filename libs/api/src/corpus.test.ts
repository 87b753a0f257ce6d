import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@hyedu/db';
import { openTestDatabase, testEngines } from '@hyedu/db/testing';
import { anonymousCaller, callerAs } from './testing.ts';

/**
 * security.md §5.1: the bad-input corpus (text, ids, shape) against the procedures that take such input.
 * Every case must come back as a field-level BAD_REQUEST (or an empty answer) — never a 500.
 */
const TEXT = ['\u0000', 'a\u0000b', 'x\uD800', '\uDC00', 'x'.repeat(10_000)];
const SHAPES: unknown[] = [
  { page: -1, pageSize: 5 },
  { page: 1e9, pageSize: 5 },
  { page: 1, pageSize: 0 },
  { page: '1', pageSize: 5 },
  { page: [1], pageSize: 5 },
  { page: 1, pageSize: 5, countyId: '430422' },
  { page: 1, pageSize: 5, role: 'admin' },
  JSON.parse('{"page":1,"pageSize":5,"__proto__":{"isAdmin":true}}'),
  { page: 1, pageSize: 5, unitCode: "430422' OR '1'='1" },
  { page: 1, pageSize: 5, level: { $ne: null } },
  null,
  'page=1',
];

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e instanceof TRPCError ? e.code : 'THROWN'),
  );

describe.each(testEngines())('bad-input corpus on %s', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
  });
  afterAll(() => database?.close());

  it('text fields refuse NUL, broken characters and overlong input with field errors', async () => {
    const leader = await callerAs(database, 'leader');
    const auditor = await callerAs(database, 'auditor');
    const sysadmin = await callerAs(database, 'sysadmin');
    const secadmin = await callerAs(database, 'secadmin');
    const anon = await anonymousCaller(database);
    for (const bad of TEXT) {
      expect(await codeOf(leader.platform.schools({ page: 1, pageSize: 5, q: bad })), `q=${JSON.stringify(bad.slice(0, 8))}`).toBe(
        'BAD_REQUEST',
      );
      expect(await codeOf(anon.auth.login({ username: bad, password: 'x' })), `username=${JSON.stringify(bad.slice(0, 8))}`).toBe(
        'BAD_REQUEST',
      );
      expect(await codeOf(auditor.audit.search({ page: 1, pageSize: 5, actor: bad }))).toBe('BAD_REQUEST');
      expect(await codeOf(sysadmin.admin.accounts.list({ page: 1, pageSize: 5, q: bad }))).toBe('BAD_REQUEST');
      expect(
        await codeOf(sysadmin.admin.accounts.create({ username: 'corpus', displayName: bad, initialPassword: 'Chu#shi2026mima' })),
      ).toBe('BAD_REQUEST');
      expect(await codeOf(sysadmin.admin.accounts.create({ username: bad, displayName: '名', initialPassword: 'Chu#shi2026mima' }))).toBe(
        'BAD_REQUEST',
      );
      expect(await codeOf(secadmin.admin.security.findSchools({ q: bad }))).toBe('BAD_REQUEST');
      expect(await codeOf(anon.auth.login({ username: 'leader', password: 'x', otp: bad }))).toBe('BAD_REQUEST');
    }
  });

  it('harmless-looking injections are just text: no rows, no error', async () => {
    const leader = await callerAs(database, 'leader');
    for (const q of ["'; DROP TABLE schools;--", "' OR '1'='1", '<script>alert(1)</script>', '{{7*7}}', '%', '_', '\\']) {
      expect((await leader.platform.schools({ page: 1, pageSize: 5, q })).total, q).toBe(0);
    }
    expect((await leader.platform.schools({ page: 1, pageSize: 5 })).total).toBeGreaterThan(0);
    const sysadmin = await callerAs(database, 'sysadmin');
    for (const q of ['%', '_', "' OR '1'='1"]) expect((await sysadmin.admin.accounts.list({ page: 1, pageSize: 5, q })).total, q).toBe(0);
  });

  it('wrong shapes, extra keys and prototype pollution are refused field by field', async () => {
    const leader = await callerAs(database, 'leader');
    for (const input of SHAPES) {
      expect(await codeOf(leader.platform.schools(input as never)), JSON.stringify(input)).toBe('BAD_REQUEST');
    }
    const secadmin = await callerAs(database, 'secadmin');
    for (const grants of [
      [{ role: 'leader', unitCode: '430422' }],
      [{ role: 'root' }],
      [{ role: 'county', unitCode: '430422', modules: [] }],
      'leader',
      null,
    ]) {
      expect(
        await codeOf(secadmin.admin.security.setGrants({ username: 'leader', expectedVersion: 1, grants } as never)),
        JSON.stringify(grants),
      ).toBe('BAD_REQUEST');
    }
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });
});

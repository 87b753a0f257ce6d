import { randomBytes } from 'node:crypto';
import { asc, count, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain, writeAudit } from './audit.ts';
import type { Database } from './client.ts';
import { auditLog } from './schema/index.ts';
import { openTestDatabase, testEngines } from './testing.ts';

describe.each(testEngines())('audit trail on %s', (engine) => {
  let database: Database;
  const entry = (n: number) => ({
    actor: 'tester',
    action: 'test.write',
    targetType: 'thing',
    targetId: String(n),
    before: { n, nested: { b: 1, a: [1, '二'] } },
    after: { n: n + 1, note: '含中文与"引号"' },
    result: 'ok' as const,
    source: '127.0.0.1',
  });
  const rowIds = async () => (await database.db.select({ id: auditLog.id }).from(auditLog).orderBy(asc(auditLog.id))).map((r) => r.id);
  // Tampering as a database superuser would: with the append-only trigger switched off.
  const tamper = (statement: ReturnType<typeof sql>) =>
    database.db.transaction(async (tx) => {
      await tx.execute(sql`alter table audit_log disable trigger audit_log_no_update_delete`);
      await tx.execute(statement);
      await tx.execute(sql`alter table audit_log enable trigger audit_log_no_update_delete`);
    });

  beforeAll(async () => {
    database = await openTestDatabase(engine, false);
    for (let n = 1; n <= 6; n++) await database.db.transaction((tx) => writeAudit(tx, database.auditKey, entry(n)));
  });
  afterAll(() => database?.close());

  it('chains every row and verifies', async () => {
    expect(await verifyAuditChain(database.db, database.auditKey)).toEqual({ ok: true, checked: 6 });
  });

  it('is written in the same transaction as the change: a rollback leaves no audit row', async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await writeAudit(tx, database.auditKey, entry(99));
        throw new Error('业务写入失败');
      }),
    ).rejects.toThrow('业务写入失败');
    const [n] = await database.db.select({ n: count() }).from(auditLog);
    expect(n?.n).toBe(6);
    expect((await verifyAuditChain(database.db, database.auditKey)).ok).toBe(true);
  });

  it('refuses UPDATE, DELETE and TRUNCATE', async () => {
    // drizzle wraps the database's error; the database's own message is the cause.
    const failure = (p: Promise<unknown>) =>
      p.then(
        () => 'allowed',
        (e: { cause?: Error; message: string }) => e.cause?.message ?? e.message,
      );
    for (const statement of [sql`update audit_log set actor = 'x'`, sql`delete from audit_log`, sql`truncate audit_log`]) {
      expect(await failure(database.db.execute(statement))).toMatch(/审计记录只能追加，不能修改或删除/);
    }
    expect((await verifyAuditChain(database.db, database.auditKey)).checked).toBe(6);
  });

  it('a key other than the one that wrote it does not verify', async () => {
    const report = await verifyAuditChain(database.db, randomBytes(32));
    expect(report.ok).toBe(false);
    expect(report.firstBroken?.id).toBe((await rowIds())[0]);
  });

  it('finds an edited row: the first broken link is that row', async () => {
    const ids = await rowIds();
    await tamper(sql`update audit_log set actor = 'someone-else' where id = ${ids[2]}`);
    const report = await verifyAuditChain(database.db, database.auditKey);
    expect(report).toMatchObject({ ok: false, checked: 2, firstBroken: { id: ids[2], reason: expect.stringContaining('被修改') } });
  });

  it('finds a removed row: the link after it breaks', async () => {
    const ids = await rowIds();
    await tamper(sql`update audit_log set actor = 'tester' where id = ${ids[2]}`); // undo the edit above
    expect((await verifyAuditChain(database.db, database.auditKey)).ok).toBe(true);
    await tamper(sql`delete from audit_log where id = ${ids[4]}`);
    const report = await verifyAuditChain(database.db, database.auditKey);
    expect(report).toMatchObject({ ok: false, firstBroken: { id: ids[5], reason: expect.stringContaining('链接断开') } });
  });
});

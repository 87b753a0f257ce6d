import { createHash } from 'node:crypto';
import { and, count, eq, like, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables, type Database } from '@hyedu/db';
import { openTestDatabase, testEngines } from '@hyedu/db/testing';
import { beijingDate, IMPORT_LIMITS } from '@hyedu/domain';
import { callerAs, failure } from '../testing.ts';

const today = beijingDate(new Date());
const { auditLog, importStaging, safetyHazards } = tables;

describe.each(testEngines())('an import stages, publishes once and audits once on %s', (engine) => {
  let database: Database;
  let codes: string[] = [];
  let template = '';
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    codes = (await database.db.select({ code: tables.schools.code }).from(tables.schools).where(eq(tables.schools.unitCode, '430422'))).map(
      (s) => s.code,
    );
    template = (await (await callerAs(database, 'hengnan')).safety.hazards.template()).base64;
  }, 120_000);
  afterAll(() => database?.close());

  /** The template filled with `n` different hazards whose descriptions start with `tag`. */
  async function workbook(tag: string, n: number, edit?: (row: (string | number)[], i: number) => void) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(template, 'base64') as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('隐患清单')!;
    for (let i = 0; i < n; i++) {
      const row: (string | number)[] = [
        codes[i % codes.length]!,
        '',
        today,
        '学校自查',
        '消防',
        '一般',
        `${(i % 5) + 1}号楼`,
        `${tag}第${i}处：疏散指示标志损坏`,
        '王志强',
        today,
        '更换疏散指示标志',
      ];
      edit?.(row, i);
      ws.getRow(3 + i).values = row;
    }
    return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
  }
  const hazards = async (tag: string) =>
    (
      await database.db
        .select({ n: count() })
        .from(safetyHazards)
        .where(like(safetyHazards.description, `${tag}%`))
    )[0]!.n;
  const staged = async () => (await database.db.select({ n: count() }).from(importStaging))[0]!.n;
  const run = async (...statements: string[]) => {
    for (const s of statements) await database.db.execute(sql.raw(s));
  };
  const audits = async () => (await database.db.select({ n: count() }).from(auditLog))[0]!.n;

  it('a dry run checks every row and writes nothing: no record, no staging row, no audit record', async () => {
    const county = await callerAs(database, 'hengnan');
    const base64 = await workbook('试运行', 300);
    const before = await audits();
    expect(await county.safety.hazards.import({ fileName: '隐患.xlsx', base64, dryRun: true })).toMatchObject({
      imported: 0,
      rows: 300,
      errorCount: 0,
    });
    expect(await hazards('试运行')).toBe(0);
    expect(await staged()).toBe(0);
    expect(await audits()).toBe(before);
  });

  it('one audit record per import, with the file’s SHA-256, the row count and the ids it created; each record’s history shows its import', async () => {
    const county = await callerAs(database, 'hengnan');
    const base64 = await workbook('审计', 600);
    const before = await audits();
    expect(await county.safety.hazards.import({ fileName: '审计隐患.xlsx', base64, dryRun: false })).toMatchObject({ imported: 600 });
    expect(await audits()).toBe(before + 1);
    const [record] = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'safety.importHazards'))
      .orderBy(sql`${auditLog.id} desc`)
      .limit(1);
    const after = record!.after as { file: string; sha256: string; rows: number; ids: [number, number, number][] };
    expect(record).toMatchObject({ actor: 'hengnan', targetType: 'safety_hazard:import', result: 'ok' });
    expect(after).toMatchObject({
      file: '审计隐患.xlsx',
      rows: 600,
      sha256: createHash('sha256').update(Buffer.from(base64, 'base64')).digest('hex'),
    });
    const created = await database.db
      .select({ id: safetyHazards.id, description: safetyHazards.description })
      .from(safetyHazards)
      .where(like(safetyHazards.description, '审计%'));
    const listed = after.ids.flatMap(([first, last]) => Array.from({ length: last - first + 1 }, (_, i) => first + i));
    expect(listed.sort((a, b) => a - b)).toEqual(created.map((c) => c.id).sort((a, b) => a - b));

    // Sheet row 3 + i holds hazard i.
    const h57 = created.find((c) => c.description.startsWith('审计第54处'))!;
    const history = await county.safety.hazards.history({ id: h57.id });
    expect(history[0]).toMatchObject({ actor: 'hengnan', action: 'safety.importHazards', after: { file: '审计隐患.xlsx', row: 57 } });
    await county.safety.hazards.setDeadline({ id: h57.id, expectedVersion: 1, deadline: today });
    expect((await county.safety.hazards.history({ id: h57.id })).map((e) => e.action)).toEqual([
      'safety.importHazards',
      'safety.hazard.set_deadline',
    ]);
  });

  it('a failure while publishing leaves no record, no staging row and no audit record', async () => {
    const county = await callerAs(database, 'hengnan');
    // The database itself refuses one row when the import moves it into the real table (after staging went through).
    await run(
      `create or replace function refuse_hazard() returns trigger language plpgsql as $$ begin raise exception 'refused by test'; end $$`,
      `create trigger refuse_hazard before insert on safety_hazards for each row when (new.description like '%拒收%') execute function refuse_hazard()`,
    );
    try {
      const base64 = await workbook('发布失败', 1200, (row, i) => void (i === 1000 && (row[7] = `发布失败第${i}处：拒收`)));
      const before = await audits();
      const progressKey = `publish-failure-${engine}`;
      expect(await failure(county.safety.hazards.import({ fileName: '隐患.xlsx', base64, dryRun: false, progressKey }))).not.toBeNull();
      expect(await hazards('发布失败')).toBe(0);
      expect(await staged()).toBe(0);
      expect(await audits()).toBe(before);
      expect(await county.platform.importProgress({ key: progressKey })).toMatchObject({ phase: 'failed', written: 1200 });
    } finally {
      await run('drop trigger refuse_hazard on safety_hazards', 'drop function refuse_hazard()');
    }
  });

  it('a failure while staging removes the chunks already staged', async () => {
    const county = await callerAs(database, 'hengnan');
    await run(
      `create or replace function refuse_staging() returns trigger language plpgsql as $$ begin raise exception 'refused by test'; end $$`,
      `create trigger refuse_staging before insert on import_staging for each row when (new.payload ->> 'description' like '%拒收%') execute function refuse_staging()`,
    );
    try {
      const base64 = await workbook('暂存失败', 1200, (row, i) => void (i === 900 && (row[7] = `暂存失败第${i}处：拒收`)));
      expect(await failure(county.safety.hazards.import({ fileName: '隐患.xlsx', base64, dryRun: false }))).not.toBeNull();
      expect(await hazards('暂存失败')).toBe(0);
      expect(await staged()).toBe(0);
    } finally {
      await run('drop trigger refuse_staging on import_staging', 'drop function refuse_staging()');
    }
  });

  it('while an import is staging, another county’s list is answered and nobody holds the audit-chain head', async () => {
    const county = await callerAs(database, 'hengnan');
    const reader = await callerAs(database, 'leiyang');
    const base64 = await workbook('并发', 3000);
    const progressKey = `staging-reader-${engine}`;
    // PostgreSQL: hold the import at its third chunk with an advisory lock its staging insert must take, so the
    // checks below run while it is staging. PGlite needs no gate: its one connection serves queued requests in
    // order, so a request made while the import stages runs between two of its chunks.
    let release = () => {};
    let holding: Promise<unknown> = Promise.resolve();
    if (engine === 'postgresql') {
      await run(
        `create or replace function gate_staging() returns trigger language plpgsql as $$ begin perform pg_advisory_xact_lock(4242); return new; end $$`,
        `create trigger gate_staging before insert on import_staging for each row when (new.seq = ${2 * IMPORT_LIMITS.stageChunkRows}) execute function gate_staging()`,
      );
      let locked = () => {};
      const isLocked = new Promise<void>((r) => (locked = r));
      const released = new Promise<void>((r) => (release = r));
      holding = database.db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(4242)`);
        locked();
        await released;
      });
      await isLocked;
    }
    try {
      let finished = false;
      const importing = county.safety.hazards
        .import({ fileName: '隐患.xlsx', base64, dryRun: false, progressKey })
        .finally(() => (finished = true));
      // Wait until the import has staged a chunk.
      for (;;) {
        const p = await county.platform.importProgress({ key: progressKey });
        if (p?.phase === 'writing' && p.written > 0) break;
        if (finished || p?.phase === 'failed' || p?.phase === 'done') throw new Error(`import did not stage: ${JSON.stringify(p)}`);
        await new Promise((r) => setTimeout(r, 5));
      }
      const page = await reader.safety.hazards.list({ page: 1, pageSize: 20 });
      // The audit head can be locked without waiting: the import holds no transaction across its chunks.
      const head = await database.db.transaction((tx) => tx.execute(sql`select last_hash from audit_head where id = 1 for update nowait`));
      const progress = await county.platform.importProgress({ key: progressKey });
      expect(page.rows.length).toBeGreaterThan(0);
      expect(head).toBeTruthy();
      expect(finished).toBe(false);
      expect(progress).toMatchObject({ phase: 'writing' });
      expect(progress!.written).toBeLessThan(3000);
      release();
      expect(await importing).toMatchObject({ imported: 3000 });
      expect(await county.platform.importProgress({ key: progressKey })).toMatchObject({
        phase: 'done',
        total: 3000,
        parsed: 3000,
        checked: 3000,
        written: 3000,
      });
      expect(await reader.platform.importProgress({ key: progressKey })).toBeNull(); // only one's own
    } finally {
      release();
      await holding;
      if (engine === 'postgresql') await run('drop trigger gate_staging on import_staging', 'drop function gate_staging()');
    }
  });

  it('staging rows of an import that died are removed by the next import', async () => {
    const county = await callerAs(database, 'hengnan');
    const job = '00000000-0000-4000-8000-000000000001';
    await database.db
      .insert(importStaging)
      .values({ job, seq: 0, rowNumber: 3, payload: {}, stagedAt: new Date(Date.now() - (IMPORT_LIMITS.stagingTtlMinutes + 1) * 60_000) });
    expect(await county.safety.hazards.import({ fileName: '隐患.xlsx', base64: await workbook('清理', 5), dryRun: false })).toMatchObject({
      imported: 5,
    });
    expect(
      await database.db
        .select()
        .from(importStaging)
        .where(and(eq(importStaging.job, job))),
    ).toEqual([]);
  });
});

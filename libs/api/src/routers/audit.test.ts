import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@hyedu/db';
import { openTestDatabase, testEngines } from '@hyedu/db/testing';
import { callerAs } from '../testing.ts';
import { csvCell } from './audit.ts';

describe('csvCell', () => {
  it('neutralises spreadsheet formulas and quotes what needs quoting', () => {
    expect(csvCell('=cmd|\' /C calc\'!A0')).toBe("'=cmd|' /C calc'!A0");
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    expect(csvCell({ enabled: true })).toBe('"{""enabled"":true}"');
    expect(csvCell(null)).toBe('');
  });
});

describe.each(testEngines())('audit trail for the 审计管理员 on %s', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
  });
  afterAll(() => database?.close());

  it('shows logins and denied attempts, filters them, verifies the chain, and records its own exports', async () => {
    const sysadmin = await callerAs(database, 'sysadmin');
    await expect(sysadmin.safety.compliance({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const auditor = await callerAs(database, 'auditor');
    const all = await auditor.audit.search({ page: 1, pageSize: 50 });
    expect(all.rows.map((r) => `${r.actor} ${r.action} ${r.result}`)).toEqual(
      expect.arrayContaining(['sysadmin auth.login ok', 'sysadmin safety.compliance denied', 'auditor auth.login ok']),
    );
    expect(all.rows[0]?.at).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+08:00$/);
    const denied = await auditor.audit.search({ page: 1, pageSize: 50, result: 'denied' });
    expect(denied.rows.every((r) => r.result === 'denied')).toBe(true);
    expect(await auditor.audit.verify()).toMatchObject({ ok: true });
    const file = await auditor.audit.export({ actor: 'sysadmin' });
    expect(file.csv.startsWith('\uFEFF序号,时间,操作人')).toBe(true);
    expect(file.rows).toBeGreaterThanOrEqual(2);
    const exports = await auditor.audit.search({ page: 1, pageSize: 5, action: 'audit.export' });
    expect(exports.rows[0]).toMatchObject({ actor: 'auditor', action: 'audit.export', result: 'ok' });
  });
});

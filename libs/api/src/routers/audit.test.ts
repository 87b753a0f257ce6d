import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@hyedu/db';
import { openTestDatabase, testEngines } from '@hyedu/db/testing';
import { callerAs } from '../testing.ts';
import { csvCell } from './audit.ts';

describe('csvCell', () => {
  it('neutralises spreadsheet formulas and quotes what needs quoting', () => {
    expect(csvCell("=cmd|' /C calc'!A0")).toBe("'=cmd|' /C calc'!A0");
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
    // The file speaks the screen's words: its header is the page's columns, a row names the action and the record in Chinese.
    const [header, ...lines] = file.csv.slice(1).trimEnd().split('\r\n');
    expect(header).toBe('序号,时间（北京时间）,操作人,实际操作人,操作,对象,结果,来源,变更');
    const denial = lines.find((l) => l.includes(',sysadmin,sysadmin,安全管理：safety.compliance,'))!;
    expect(denial).toMatch(/^\d+,\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+08:00,sysadmin,sysadmin,安全管理：safety.compliance,.*,拒绝,/);
    expect(lines.some((l) => /,sysadmin,sysadmin,登录,账号 sysadmin,成功,/.test(l))).toBe(true);
    expect(file.csv).not.toContain('auth.login');
    expect(file.rows).toBeGreaterThanOrEqual(2);
    const exports = await auditor.audit.search({ page: 1, pageSize: 5, action: 'audit.export' });
    expect(exports.rows[0]).toMatchObject({ actor: 'auditor', action: 'audit.export', result: 'ok' });
  });
});

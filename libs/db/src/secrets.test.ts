import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSecrets } from './secrets.ts';

const dir = mkdtempSync(join(tmpdir(), 'hyedu-secrets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('secrets', () => {
  it('takes the keys from the environment', () => {
    const k = (n: number) => Buffer.alloc(32, n).toString('base64');
    const s = loadSecrets({ env: { HYEDU_AUDIT_KEY: k(7), HYEDU_DATA_KEY: k(8), HYEDU_INDEX_KEY: k(9) }, allowLocal: false });
    expect([s.auditKey[0], s.dataKey[0], s.indexKey[0]]).toEqual([7, 8, 9]);
    expect(() =>
      loadSecrets({ env: { HYEDU_AUDIT_KEY: 'c2hvcnQ=', HYEDU_DATA_KEY: k(8), HYEDU_INDEX_KEY: k(9) }, allowLocal: false }),
    ).toThrow('至少32字节');
  });
  it('a production start refuses to run without configured keys', () => {
    expect(() => loadSecrets({ env: {}, allowLocal: false, file: join(dir, 's.json') })).toThrow(/生产环境必须.*HYEDU_DATA_KEY/);
  });
  it('a demo start creates a private local key once and keeps it', () => {
    const file = join(dir, 'local.json');
    const first = loadSecrets({ env: {}, allowLocal: true, file });
    expect(first.auditKey.length).toBe(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const again = loadSecrets({ env: {}, allowLocal: true, file });
    expect(again.auditKey.equals(first.auditKey) && again.dataKey.equals(first.dataKey) && again.indexKey.equals(first.indexKey)).toBe(
      true,
    );
    expect(first.dataKey.equals(first.auditKey)).toBe(false);
  });
  it('adds keys missing from an older local key file and keeps the ones it has', () => {
    const file = join(dir, 'old.json');
    const audit = Buffer.alloc(32, 5).toString('base64');
    writeFileSync(file, JSON.stringify({ auditKey: audit }), { mode: 0o600 });
    const s = loadSecrets({ env: {}, allowLocal: true, file });
    expect(s.auditKey.toString('base64')).toBe(audit);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({
      auditKey: audit,
      dataKey: expect.any(String),
      indexKey: expect.any(String),
    });
  });
});

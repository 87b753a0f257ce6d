import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSecrets } from './secrets.ts';

const dir = mkdtempSync(join(tmpdir(), 'hyedu-secrets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('secrets', () => {
  it('takes the audit key from the environment', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    expect(loadSecrets({ env: { HYEDU_AUDIT_KEY: key }, allowLocal: false }).auditKey.equals(Buffer.alloc(32, 7))).toBe(true);
    expect(() => loadSecrets({ env: { HYEDU_AUDIT_KEY: 'c2hvcnQ=' }, allowLocal: false })).toThrow('至少32字节');
  });
  it('a production start refuses to run without configured keys', () => {
    expect(() => loadSecrets({ env: {}, allowLocal: false, file: join(dir, 's.json') })).toThrow(/生产环境必须/);
  });
  it('a demo start creates a private local key once and keeps it', () => {
    const file = join(dir, 'local.json');
    const first = loadSecrets({ env: {}, allowLocal: true, file });
    expect(first.auditKey.length).toBe(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadSecrets({ env: {}, allowLocal: true, file }).auditKey.equals(first.auditKey)).toBe(true);
  });
});

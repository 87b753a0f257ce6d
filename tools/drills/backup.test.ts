// The backup and restore drill in CI, at 1 % of the demo data: PGlite always, PostgreSQL when HYEDU_TEST_PG_URL is set.
import { describe, expect, it } from 'vitest';
import type { Engine } from '@hyedu/db';
import { backupDrill, describeDrill, ROLE_ACCOUNTS } from './backup.ts';

const PG = process.env.HYEDU_TEST_PG_URL;
const engines: Engine[] = PG ? ['pglite', 'postgresql'] : ['pglite'];

describe.each(engines)('the backup drill on %s', (engine) => {
  it('restores what it backed up, keeps the audit chain and lets every role sign in', async () => {
    const drill = await backupDrill({ engine, scale: 0.01, adminUrl: PG });
    expect(drill.restore.differences).toEqual([]);
    expect(drill.restore.rows).toBeGreaterThan(10_000);
    expect(drill.restore.chain.ok).toBe(true);
    expect(drill.restore.chain.checked).toBeGreaterThanOrEqual(ROLE_ACCOUNTS.length);
    expect(drill.signedIn).toEqual([...ROLE_ACCOUNTS]);
    expect(drill.chainAfter.ok).toBe(true);
    expect(drill.passed).toBe(true);
    expect(describeDrill(drill).at(-1)).toMatch(/PASS/);
  });
});

// The migrations drill in CI: empty → this release and migrating twice on both engines; the previous release (its own
// checkout and demo data) → this release on PostgreSQL, where the clone has the history to check it out.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { testEngines } from '@hyedu/db/testing';
import { ROOT } from '@hyedu/e2e/server';
import { migrationsDrill } from './migrations.ts';
import { describeFault } from './report.ts';

const adminUrl = process.env.HYEDU_TEST_PG_URL ?? '';
const history = (() => {
  try {
    execFileSync('git', ['rev-parse', '--verify', 'HEAD~1'], { cwd: ROOT, stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('migrations', () => {
  it('an empty database reaches this release on each engine, and migrating twice changes nothing', async () => {
    const drill = await migrationsDrill({ engines: testEngines(), adminUrl, current: true });
    expect(drill.passed, describeFault(drill).join('\n')).toBe(true);
  });

  it.skipIf(!adminUrl || !history)('the previous release with its data reaches this release, every row kept', async () => {
    const drill = await migrationsDrill({ engines: [], adminUrl });
    expect(drill.passed, describeFault(drill).join('\n')).toBe(true);
    expect(drill.figures.join('\n')).toMatch(/上一版本 → 当前版本：[1-9]\d* 个新迁移/);
  });
});

// The failover drill in CI: two clusters of its own (initdb as the postgres user; skipped where that cannot run).
import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { freePorts } from './clusters.ts';
import { failoverDrill } from './failover.ts';
import { promotionDrill } from './promotion.ts';
import { describeFault } from './report.ts';

const canRun = existsSync('/usr/lib/postgresql/15/bin/initdb') && ['root', 'postgres'].includes(userInfo().username);

describe.skipIf(!canRun)('the primary lost under writes', () => {
  it('loses no acknowledged commit with synchronous replication, and the promoted standby takes writes', async () => {
    const drill = await failoverDrill({ ports: await freePorts(), writers: 4, seconds: 2 });
    expect(drill.sync).toBe('sync');
    expect(drill.acknowledged).toBeGreaterThan(100);
    expect(drill.lost).toBe(0);
    expect(drill.writableAfter).toBe(true);
    expect(drill.passed).toBe(true);
  });

  it('would lose acknowledged commits with asynchronous replication (the control: the drill can fail)', async () => {
    const drill = await failoverDrill({ ports: await freePorts(), writers: 4, seconds: 2, synchronous: false });
    expect(drill.lost).toBeGreaterThan(0);
    expect(drill.passed).toBe(false);
  });

  it('under the platform: the same server finds the promoted standby by itself, and every acknowledged write is there', async () => {
    const drill = await promotionDrill({ ports: await freePorts(), writers: 3, seconds: 2 });
    expect(drill.passed, describeFault(drill).join('\n')).toBe(true);
  });
});

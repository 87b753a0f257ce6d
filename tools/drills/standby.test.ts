// The standby drill in CI: a primary and a synchronous standby of its own (initdb as the postgres user; skipped where
// that cannot run) under the real server.
import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { freePorts } from './clusters.ts';
import { describeFault } from './report.ts';
import { standbyDrill } from './standby.ts';

const canRun = existsSync('/usr/lib/postgresql/15/bin/initdb') && ['root', 'postgres'].includes(userInfo().username);

describe.skipIf(!canRun)('lists read from the standby', () => {
  it('show a reader its own writes, degrade to the primary when the standby lags or is lost, and come back', async () => {
    const drill = await standbyDrill({ ports: await freePorts() });
    expect(drill.passed, describeFault(drill).join('\n')).toBe(true);
  });
});

// The fault drills in CI (the module drill runs with the browser tests: faults.e2e.ts). Each starts the real server over
// a PostgreSQL cluster of its own (initdb as the postgres user) or PGlite on mounts of its own: root or postgres only.
import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { freePorts } from './clusters.ts';
import { FAULTS, type FaultName } from './faults.ts';
import { describeFault } from './report.ts';

const user = userInfo().username;
const canRun = existsSync('/usr/lib/postgresql/15/bin/initdb') && ['root', 'postgres'].includes(user);

describe.skipIf(!canRun)('fault drills', () => {
  const names: FaultName[] = ['database', 'audit', 'instance', ...(user === 'root' ? (['disk'] as const) : [])];
  it.each(names)('%s', async (name) => {
    const drill = await FAULTS[name]({ ports: await freePorts(), rows: 300 });
    expect(drill.passed, describeFault(drill).join('\n')).toBe(true);
  });
});

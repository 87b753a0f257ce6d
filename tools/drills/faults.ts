// The fault drills by name, for `pnpm drill faults` and the tests.
import { auditFaultDrill } from './fault-audit.ts';
import { databaseFaultDrill } from './fault-database.ts';
import { diskFaultDrill } from './fault-disk.ts';
import { instanceFaultDrill } from './fault-instance.ts';
import { moduleFaultDrill } from './fault-modules.ts';
import type { FaultDrill } from './report.ts';

export interface FaultOptions {
  /** Two free ports: the drill's own PostgreSQL, and the balancer in front of two instances. */
  ports: [number, number];
  /** Rows of the imports the drills make. */
  rows: number;
}

export const FAULTS = {
  database: (o: FaultOptions) => databaseFaultDrill({ port: o.ports[0], rows: o.rows }),
  audit: (o: FaultOptions) => auditFaultDrill({ port: o.ports[0] }),
  instance: (o: FaultOptions) => instanceFaultDrill({ port: o.ports[0], frontPort: o.ports[1], writers: 6, seconds: 6 }),
  disk: (o: FaultOptions) => diskFaultDrill({ rows: Math.max(o.rows, 2000) }),
  modules: () => moduleFaultDrill(),
} satisfies Record<string, (o: FaultOptions) => Promise<FaultDrill>>;
export type FaultName = keyof typeof FAULTS;
export const FAULT_NAMES = Object.keys(FAULTS) as FaultName[];

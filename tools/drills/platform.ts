// The platform as an operator runs it, for the fault drills: the real server (tools/e2e's startServer: main.ts in its
// own process) over a database of the drill's, with keys of the drill's own (so it can verify the audit chain), a small
// share of the demo data, no front ends, and a rate limit no drill reaches.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_AS_OF, type Secrets } from '@hyedu/db';
import { startServer, type Running } from '@hyedu/e2e/server';
import { message, type Caller } from '@hyedu/scale/client';

export interface DrillKeys {
  secrets: Secrets;
  env: Record<string, string>;
}

export function drillKeys(): DrillKeys {
  const secrets: Secrets = { auditKey: randomBytes(32), dataKey: randomBytes(32), indexKey: randomBytes(32) };
  return {
    secrets,
    env: {
      HYEDU_AUDIT_KEY: secrets.auditKey.toString('base64'),
      HYEDU_DATA_KEY: secrets.dataKey.toString('base64'),
      HYEDU_INDEX_KEY: secrets.indexKey.toString('base64'),
    },
  };
}

export interface PlatformOptions {
  keys: DrillKeys;
  /** PostgreSQL; without it PGlite in `dataDir`. */
  databaseUrl?: string;
  dataDir?: string;
  seedScale?: number;
  env?: Record<string, string>;
}

/** Starts the real server for a drill; a folder it made for itself (no `dataDir` given) goes when the server ends. */
export async function startPlatform(o: PlatformOptions): Promise<Running> {
  const own = o.dataDir ? null : mkdtempSync(join(tmpdir(), 'hyedu-drill-platform-'));
  const removeOwn = () => own && rmSync(own, { recursive: true, force: true });
  const server = await startServer(o.dataDir ?? own!, {
    ...o.keys.env,
    DATABASE_URL: o.databaseUrl ?? '',
    HYEDU_SEED_SCALE: String(o.seedScale ?? 0.02),
    HYEDU_SERVE_STATIC: '0',
    HYEDU_RATE_LIMIT: '1000000',
    ...o.env,
  }).catch((e: unknown) => {
    removeOwn();
    throw e;
  });
  if (!own) return server;
  return { ...server, stop: () => server.stop().finally(removeOwn), kill: () => server.kill().finally(removeOwn) };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until `check` holds (polling), or fails with `what` after `ms`. */
export async function until(what: string, check: () => Promise<boolean>, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`等待超时：${what}`);
    await sleep(100);
  }
}

/** A school of 衡南县 and a new activity it held on the demo's day: the write the fault drills and the load drill make. */
export const HENGNAN = '430422';
export const activity = (schoolId: number, title: string) => ({
  schoolId,
  topic: 'fire',
  heldOn: DEMO_AS_OF,
  title,
  participants: 30,
});

/** One write of a stream: its title, whether it was acknowledged, when it was sent (ms into the stream), how long it took, the answer. */
export interface StreamedWrite {
  title: string;
  ok: boolean;
  at: number;
  ms: number;
  answer: string;
}

/**
 * `writers` loops recording new activities (titles `<prefix>-<writer>-<n>`) at the given schools through `caller`
 * until ended: the write the instance and failover drills make under a fault. A writer turned away waits
 * `pauseAfterFailureMs` before trying again, as a person would.
 */
export function streamWrites(caller: Caller, schoolIds: readonly number[], prefix: string, writers: number, pauseAfterFailureMs = 0) {
  const writes: StreamedWrite[] = [];
  let stop = false;
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  const loops = Array.from({ length: writers }, async (_, w) => {
    for (let n = 0; !stop; n++) {
      const title = `${prefix}-${w}-${n}`;
      const at = elapsed();
      const a = await caller
        .mutateRaw('safety.activities.create', activity(schoolIds[n % schoolIds.length]!, title))
        .catch((e: Error) => ({ status: 0, body: e.message, cookie: undefined, cookies: [] }));
      writes.push({ title, ok: a.status === 200, at, ms: elapsed() - at, answer: a.status === 0 ? a.body : `${a.status} ${message(a)}` });
      if (a.status !== 200 && pauseAfterFailureMs) await sleep(pauseAfterFailureMs);
    }
  });
  return {
    writes,
    elapsed,
    end: async () => {
      stop = true;
      await Promise.all(loops);
      return writes;
    },
  };
}

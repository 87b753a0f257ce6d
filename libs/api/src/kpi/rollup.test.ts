import { describe, expect, it } from 'vitest';
import type { Db } from '@hyedu/db';
import { forgetAfterWrite, forgetRollups, inScope, RECOMPUTE_GAP_MS, ROLLUP_TTL_MS, unitRollup } from './rollup.ts';
import type { KpiSource } from './source.ts';

const counting = (id: KpiSource['id'] = 'safety.incidents') => {
  let calls = 0;
  const source: KpiSource = {
    id,
    recordsRoute: 'x:records',
    byUnit: async () => {
      calls++;
      await new Promise((r) => setTimeout(r, 5));
      return new Map([
        ['430422', { num: 1, den: 10 }],
        ['430481', { num: 2, den: 10 }],
      ]);
    },
  };
  return { source, calls: () => calls };
};

describe('KPI rollups', () => {
  it('concurrent requests share one computation; it is reused for a minute, then recomputed', async () => {
    const db = {} as Db;
    const { source, calls } = counting();
    const t0 = new Date('2026-11-28T10:00:00Z');
    const [a, b] = await Promise.all([unitRollup(db, source, t0), unitRollup(db, source, t0)]);
    expect(calls()).toBe(1);
    expect(a).toBe(b);
    await unitRollup(db, source, new Date(t0.getTime() + ROLLUP_TTL_MS - 1));
    expect(calls()).toBe(1);
    const later = await unitRollup(db, source, new Date(t0.getTime() + ROLLUP_TTL_MS));
    expect(calls()).toBe(2);
    expect(later.at.getTime()).toBe(t0.getTime() + ROLLUP_TTL_MS); // the as-of time the dashboard shows
    forgetRollups(db, ['safety.incidents']);
    await unitRollup(db, source, later.at);
    expect(calls()).toBe(3);
  });

  it("a write drops its module's KPIs (a role of the module too); a write of the platform drops them all", async () => {
    const db = {} as Db;
    const at = new Date('2026-11-28T10:00:00Z');
    const safety = counting('safety.incidents');
    const aid = counting('funding.aid-coverage');
    const read = () => Promise.all([unitRollup(db, safety.source, at), unitRollup(db, aid.source, at)]);
    await read();
    forgetAfterWrite(db, 'teachers');
    await read();
    expect([safety.calls(), aid.calls()]).toEqual([1, 1]);
    forgetAfterWrite(db, 'funding:aid');
    await read();
    expect([safety.calls(), aid.calls()]).toEqual([1, 2]);
    forgetAfterWrite(db, 'safety');
    await read();
    expect([safety.calls(), aid.calls()]).toEqual([2, 2]);
    forgetAfterWrite(db, 'platform');
    await read();
    expect([safety.calls(), aid.calls()]).toEqual([3, 3]);
  });

  it('a write that declares the KPIs it moves drops only those', async () => {
    const db = {} as Db;
    const at = new Date('2026-11-28T10:00:00Z');
    const incidents = counting('safety.incidents');
    const coverage = counting('safety.campaign-coverage');
    const read = () => Promise.all([unitRollup(db, incidents.source, at), unitRollup(db, coverage.source, at)]);
    await read();
    forgetAfterWrite(db, 'safety', ['safety.campaign-coverage']);
    await read();
    expect([incidents.calls(), coverage.calls()]).toEqual([1, 2]);
  });

  it('under a stream of writes one KPI is recomputed at most every RECOMPUTE_GAP_MS, and each read sees the writes before it', async () => {
    const db = {} as Db;
    const at = new Date('2026-11-28T10:00:00Z');
    let written = 0;
    const starts: { at: number; written: number }[] = [];
    const source: KpiSource = {
      id: 'safety.incidents',
      recordsRoute: 'x:records',
      byUnit: async () => {
        starts.push({ at: Date.now(), written });
        const seen = written;
        await new Promise((r) => setTimeout(r, 20));
        return new Map([['430422', { num: seen, den: 1000 }]]);
      },
    };
    await unitRollup(db, source, at);
    const began = Date.now();
    const reads: Promise<void>[] = [];
    // 40 writes and 40 reads over about 1.2 s: each read must show every write made before it.
    for (let i = 0; i < 40; i++) {
      written++;
      forgetRollups(db, ['safety.incidents']);
      const before = written;
      reads.push(unitRollup(db, source, at).then((e) => void expect(e.byUnit.get('430422')!.num).toBeGreaterThanOrEqual(before)));
      await new Promise((r) => setTimeout(r, 30));
    }
    await Promise.all(reads);
    const gaps = starts.slice(1).map((s, i) => s.at - starts[i]!.at);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(RECOMPUTE_GAP_MS - 5);
    // Without the gap every one of the 40 reads would have recomputed.
    expect(starts.length - 1).toBeLessThanOrEqual(Math.ceil((Date.now() - began) / RECOMPUTE_GAP_MS) + 1);
  });

  it('a scope sees only its units', () => {
    const all = new Map([
      ['430422', { num: 1, den: 10 }],
      ['430481', { num: 2, den: 10 }],
    ]);
    expect([...inScope(all, { kind: 'units', unitCodes: ['430422'] }).keys()]).toEqual(['430422']);
    expect(inScope(all, { kind: 'all' }).size).toBe(2);
    expect(inScope(all, { kind: 'none' }).size).toBe(0);
  });
});

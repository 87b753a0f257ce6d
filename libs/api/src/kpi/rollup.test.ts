import { describe, expect, it } from 'vitest';
import type { Db } from '@hyedu/db';
import { forgetAfterWrite, forgetRollups, inScope, ROLLUP_TTL_MS, unitRollup } from './rollup.ts';
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

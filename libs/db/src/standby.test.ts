import { describe, expect, it } from 'vitest';
import { parseLsn, ReplayWatch } from './standby.ts';

describe('WAL positions', () => {
  it('reads both halves as one 64-bit offset and refuses anything else', () => {
    expect(parseLsn('0/0')).toBe(0n);
    expect(parseLsn('16/B374D848')).toBe((0x16n << 32n) | 0xb374d848n);
    expect(parseLsn('1/0')! > parseLsn('0/FFFFFFFF')!).toBe(true);
    for (const bad of ['', '16', '16/', 'G/1', '0/123456789', '1/2; drop']) expect(parseLsn(bad)).toBeNull();
  });
});

describe('the standby watch', () => {
  const watched = (maxLagMs = 5000) => {
    const w = new ReplayWatch(maxLagMs);
    w.primaryAt(0, 100n);
    w.standbyAt(0, true, 100n);
    return w;
  };

  it('is down until the standby has answered once', () => {
    const w = new ReplayWatch();
    expect(w.state(0).status).toBe('down');
    expect(w.target(0, null)).toBe('primary');
  });

  it('reads the standby when it has replayed everything the primary had', () => {
    const w = watched();
    expect(w.state(100)).toMatchObject({ status: 'up', lagMs: 0 });
    expect(w.target(100, null)).toBe('standby');
  });

  it("sends a reader's read to the primary until the standby has replayed the reader's own write", () => {
    const w = watched();
    w.primaryAt(1000, 180n);
    expect(w.target(1000, 150n)).toBe('primary');
    // Someone else's read may be a moment behind; the writer's may not.
    expect(w.target(1000, null)).toBe('standby');
    expect(w.target(1000, 100n)).toBe('standby');
    w.standbyAt(1100, true, 180n);
    expect(w.target(1100, 150n)).toBe('standby');
  });

  it('measures the lag as how long ago the primary passed the replayed position, and stops reading past the limit', () => {
    const w = watched(5000);
    w.primaryAt(1000, 200n);
    w.primaryAt(2000, 300n);
    w.standbyAt(6500, true, 100n);
    expect(w.state(6500)).toMatchObject({ status: 'lagging', lagMs: 5500 });
    expect(w.state(6500).reason).toContain('落后主库约 6 秒');
    expect(w.target(6500, null)).toBe('primary');
    w.standbyAt(6600, true, 200n);
    expect(w.state(6600)).toMatchObject({ status: 'up', lagMs: 4600 });
  });

  it('stops reading a standby that failed, is silent too long, or was promoted; reads it again once it answers', () => {
    const w = watched();
    w.down('备用库无法连接：connect ECONNREFUSED');
    expect(w.state(10)).toMatchObject({ status: 'down', reason: '备用库无法连接：connect ECONNREFUSED' });
    expect(w.target(10, null)).toBe('primary');
    w.standbyAt(20, true, 100n);
    expect(w.target(20, null)).toBe('standby');
    expect(w.state(20 + 10_001)).toMatchObject({ status: 'down', reason: '备用库长时间未应答' });
    w.standbyAt(30_000, false, 100n);
    expect(w.state(30_000).reason).toContain('已被提升为主库');
    expect(w.target(30_000, null)).toBe('primary');
  });
});

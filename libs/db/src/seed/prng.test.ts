import { describe, expect, it } from 'vitest';
import { createRng } from './prng.ts';

const draw = (seed: number, n: number) => {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => rng.next());
};

describe('createRng', () => {
  it('gives the same sequence for the same seed and a different one for another seed', () => {
    expect(draw(42, 50)).toEqual(draw(42, 50));
    expect(draw(42, 50)).not.toEqual(draw(43, 50));
  });

  it('keeps next() in [0, 1) and int() inside its inclusive bounds', () => {
    const rng = createRng(7);
    const seen = new Set<number>();
    for (let i = 0; i < 5000; i++) {
      const x = rng.next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      const k = rng.int(3, 6);
      expect(k).toBeGreaterThanOrEqual(3);
      expect(k).toBeLessThanOrEqual(6);
      seen.add(k);
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it('picks, weighs and draws normals deterministically', () => {
    const a = createRng(99);
    const b = createRng(99);
    const items = ['甲', '乙', '丙'];
    const weights: [string, number][] = [
      ['a', 1],
      ['b', 0],
      ['c', 3],
    ];
    for (let i = 0; i < 100; i++) {
      expect(a.pick(items)).toBe(b.pick(items));
      const w = a.weighted(weights);
      expect(w).toBe(b.weighted(weights));
      expect(w).not.toBe('b');
      expect(a.normal(10, 2)).toBe(b.normal(10, 2));
    }
  });

  it('has a roughly right mean for normal()', () => {
    const rng = createRng(1);
    let sum = 0;
    for (let i = 0; i < 4000; i++) sum += rng.normal(100, 15);
    expect(sum / 4000).toBeGreaterThan(98);
    expect(sum / 4000).toBeLessThan(102);
  });
});

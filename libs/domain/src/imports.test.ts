import { describe, expect, it } from 'vitest';
import { IMPORT_LIMITS, importFraction, type ImportProgress } from './imports.ts';

describe('import bounds', () => {
  it('a staging chunk is a small part of the largest file, so other requests get in between chunks', () => {
    expect(IMPORT_LIMITS.maxRows).toBe(5_000);
    expect(IMPORT_LIMITS.maxRows / IMPORT_LIMITS.stageChunkRows).toBeGreaterThanOrEqual(10);
    expect(IMPORT_LIMITS.stagingTtlMinutes * 60).toBeGreaterThan(IMPORT_LIMITS.parseSeconds);
  });
});

describe('import progress', () => {
  const p = (over: Partial<ImportProgress>): ImportProgress => ({
    phase: 'writing',
    total: 1000,
    parsed: 1000,
    checked: 1000,
    written: 0,
    ...over,
  });
  it('grows with each phase and reaches 1 only when done', () => {
    const steps = [
      p({ phase: 'parsing', total: 0, parsed: 0, checked: 0 }),
      p({ phase: 'checking', checked: 0 }),
      p({ phase: 'writing', written: 0 }),
      p({ phase: 'writing', written: 500 }),
      p({ phase: 'writing', written: 1000 }),
      p({ phase: 'publishing', written: 1000 }),
      p({ phase: 'done', written: 1000 }),
    ].map(importFraction);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
    expect(steps[0]).toBe(0);
    expect(steps.at(-2)).toBeLessThan(1);
    expect(steps.at(-1)).toBe(1);
  });
});

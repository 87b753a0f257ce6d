import { describe, expect, it } from 'vitest';
import { projectQuery } from './query.ts';

describe('the project list’s URL', () => {
  it('reads known values and drops the rest', () => {
    const q = projectQuery.parse({
      unit: '430422',
      kind: 'purchase',
      stage: 'none',
      schedule: 'late',
      flag: 'boarding',
      named: 'no',
      q: '扩建',
    });
    expect(q).toMatchObject({
      unitCode: '430422',
      kind: 'purchase',
      stage: 'none',
      schedule: 'late',
      flag: 'boarding',
      named: 'no',
      q: '扩建',
    });
    expect(projectQuery.parse({ kind: 'x', stage: 'built', schedule: 'soon', flag: 'x', named: 'maybe' })).toMatchObject({
      kind: undefined,
      stage: undefined,
      schedule: undefined,
      flag: undefined,
      named: undefined,
    });
  });
});

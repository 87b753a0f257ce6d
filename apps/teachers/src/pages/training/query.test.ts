import { describe, expect, it } from 'vitest';
import { recordQuery, standingQuery } from './query.ts';

describe('training list queries', () => {
  it('read the filters leniently from the URL', () => {
    expect(standingQuery.parse({ short: 'yes', unit: '430422' })).toMatchObject({ short: true, unitCode: '430422' });
    expect(recordQuery.parse({ year: '2022', tier: 'national', it: 'yes' })).toMatchObject({ year: 2022, tier: 'national', itOnly: true });
    expect(recordQuery.parse({ year: 'x', tier: 'nope' })).toMatchObject({ year: undefined, tier: undefined });
  });
});

import { describe, expect, it } from 'vitest';
import { staffQuery } from './query.ts';

describe('staff list query', () => {
  it('reads known filters from the URL and drops what it does not know', () => {
    expect(staffQuery.parse({ employment: 'contract', post: 'service', q: '王', page: '3', bogus: 'x' })).toMatchObject({
      employment: 'contract',
      post: 'service',
      q: '王',
      page: 3,
    });
    expect(staffQuery.parse({ employment: 'nonsense', post: 'x' })).toMatchObject({ employment: undefined, post: undefined });
  });
});

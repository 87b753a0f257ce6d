import { describe, expect, it } from 'vitest';
import { puhuiQuery } from './query.ts';

describe('普惠性民办园认定 list query', () => {
  it('reads known filters from the URL and drops what it does not know', () => {
    expect(puhuiQuery.parse({ status: 'recognised', q: '幼儿园', page: '2', bogus: 'x' })).toMatchObject({
      status: 'recognised',
      q: '幼儿园',
      page: 2,
    });
    expect(puhuiQuery.parse({ status: 'nonsense' })).toMatchObject({ status: undefined });
  });
});

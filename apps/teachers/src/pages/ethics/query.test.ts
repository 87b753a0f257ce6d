import { describe, expect, it } from 'vitest';
import { blacklistQuery, ethicsQuery } from './query.ts';

describe('师德 list queries', () => {
  it('read known filters from the URL and drop what they do not know', () => {
    expect(ethicsQuery.parse({ status: 'notified', unit: '430422', q: '王', page: '2', bogus: 'x' })).toMatchObject({
      status: 'notified',
      unitCode: '430422',
      q: '王',
      page: 2,
    });
    expect(ethicsQuery.parse({ status: 'nonsense', unit: 'x' })).toMatchObject({ status: undefined, unitCode: undefined });
    expect(blacklistQuery.parse({ standing: 'lifted' })).toMatchObject({ standing: 'lifted' });
    expect(blacklistQuery.parse({ standing: 'gone' })).toMatchObject({ standing: undefined });
  });
});

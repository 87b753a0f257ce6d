import { describe, expect, it } from 'vitest';
import { trainingQuery } from './query.ts';

describe('校外培训机构 list query', () => {
  it('reads known filters from the URL and drops what it does not know', () => {
    expect(
      trainingQuery.parse({ trainingCategory: 'academic', conversion: 'done', onPlatform: 'no', whiteList: 'yes', page: '3', bogus: 'x' }),
    ).toMatchObject({ trainingCategory: 'academic', conversion: 'done', onPlatform: false, whiteList: true, page: 3 });
    expect(trainingQuery.parse({ trainingCategory: 'nonsense', conversion: 'nope' })).toMatchObject({
      trainingCategory: undefined,
      conversion: undefined,
    });
  });
});

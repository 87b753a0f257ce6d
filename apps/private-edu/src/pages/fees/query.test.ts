import { describe, expect, it } from 'vitest';
import { feeQuery } from './query.ts';

describe('保教费 list query', () => {
  it('reads the 超限 filter and the term from the URL and drops what it does not know', () => {
    expect(feeQuery.parse({ over: 'yes', term: 'autumn', year: '2022-2023', page: '2' })).toMatchObject({
      overCap: true,
      term: 'autumn',
      schoolYear: '2022-2023',
      page: 2,
    });
    expect(feeQuery.parse({ over: 'maybe', term: 'summer' })).toMatchObject({ overCap: undefined, term: undefined });
  });
});

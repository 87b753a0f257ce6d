import { describe, expect, it } from 'vitest';
import { conversionQuery } from './query.ts';

describe('公参民治理 list query', () => {
  it('reads known filters from the URL and drops what it does not know', () => {
    const q = conversionQuery.parse({ status: 'under_review', overdue: 'yes', q: '学校', page: '2', bogus: 'x' });
    expect(q).toMatchObject({ status: 'under_review', overdue: true, q: '学校', page: 2 });
    expect(conversionQuery.parse({ status: 'nonsense', overdue: 'maybe' })).toMatchObject({ status: undefined, overdue: undefined });
  });
});

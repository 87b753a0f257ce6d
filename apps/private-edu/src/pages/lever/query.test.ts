import { describe, expect, it } from 'vitest';
import { leverQuery } from './query.ts';

describe('调减措施 list query', () => {
  it('reads known filters from the URL and drops what it does not know', () => {
    const q = leverQuery.parse({ status: 'planned', kind: 'purchase', q: '学校', page: '2', bogus: 'x' });
    expect(q).toMatchObject({ status: 'planned', kind: 'purchase', q: '学校', page: 2 });
    expect(leverQuery.parse({ status: 'nonsense', kind: 'x' })).toMatchObject({ status: undefined, kind: undefined });
  });
});
